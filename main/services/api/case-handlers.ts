import { fail, ok } from '../../../common/contract/result';
import type { VisitCaseView, CaseSummary } from '../../../common/contract/case-operations';
import { FORMS, findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import {
  applyFormEdits, deriveCase, emptyCaseContent, mergeHouseholdUpdate, recordCardMyNumber, stableJson, type CaseContent, type CaseFormState,
} from '../../../common/cases/visit-case';
import type { Handlers, HandlerDeps } from './handlers';
import { personLabel } from './handlers';
import type { StoredVisitCase, VisitCaseRepository } from '../store/visit-case-repository';
import type { CaseSubmission } from '../store/case-submission';
import { countPdfPages, type PdfRenderer } from '../print/pdf-renderer';
import type { CardNumberReads } from './card-number-reads';
import { NO_PDF_RENDERER, printOptions } from './print-options';
import { CASE_NOT_FOUND, casePrintDocument } from './case-print';

type CaseOps = 'createCase' | 'getCase' | 'updateCase' | 'listCases' | 'runNavigator' | 'listForms' | 'getCaseForms' | 'submitCase' | 'discardCase' | 'renderPrint';

export interface CaseDeps {
  cases: VisitCaseRepository;
  /** queues a case's confirmed forms and records them on the case in one transaction */
  submission: CaseSubmission;
  /** null when this host cannot make PDFs (HTML is still available) */
  pdf: () => PdfRenderer | null;
}

const ALREADY_SUBMITTED = 'この来庁ケースの様式はすべて送信済みです。';
const NO_CASES = { code: 'INTERNAL', message: '来庁ケースの機能はこの構成では使えません。' } as const;

/**
 * The visit-case operations: a case is created empty, filled step by step (household, event,
 * answers, confirmations), resumed after a restart, printed, and submitted as one application per
 * confirmed form in case order. Forms are derived from the case on every read (common/cases).
 */
export function createCaseHandlers(d: HandlerDeps, cardNumbers: CardNumberReads): Pick<Handlers, CaseOps> {
  const deps = d.cases;
  const today = () => d.today();

  const view = (s: StoredVisitCase): VisitCaseView => {
    const derived = deriveCase(s.content, today());
    // a queued form says where it stands (送信待ち while offline), never a blanket 送信済み
    const statuses = d.repo.currentStatuses(derived.forms.flatMap((f) => (f.applicationId ? [f.applicationId] : [])));
    return {
      id: s.id,
      status: s.status,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      data: s.content.data as VisitCaseView['data'],
      answers: s.content.answers,
      problems: derived.problems,
      procedures: derived.procedures,
      forms: derived.forms.map((f) => ({ ...f, applicationStatus: f.applicationId ? (statuses.get(f.applicationId) ?? null) : null })),
    };
  };
  const load = (id: string) => deps?.cases.get(id) ?? null;

  return {
    createCase: ({ data }) => {
      if (!deps) return fail(NO_CASES);
      const content = emptyCaseContent(today());
      if (data) content.data = data;
      return ok(view(deps.cases.create(content)));
    },

    getCase: ({ caseId }) => {
      const s = load(caseId);
      return s ? ok(view(s)) : fail(CASE_NOT_FOUND);
    },

    updateCase: ({ caseId, data, selection, form, forms, cardMyNumber }) => {
      if (!deps) return fail(NO_CASES);
      const cur = load(caseId);
      if (!cur) return fail(CASE_NOT_FOUND);
      if (cur.status === 'submitted') return fail({ code: 'INVALID_INPUT', message: 'この来庁ケースは送信済みのため変更できません。新しい来庁として入力してください。' });
      let problem: string | null = null;
      const next = deps.cases.update(caseId, (s) => {
        let content: CaseContent = { ...s.content };
        // each person keeps their own answers and card-read 個人番号 source through an edited household
        if (data) content = { ...content, data: mergeHouseholdUpdate(content.data, data) };
        if (cardMyNumber) {
          const read = cardNumbers.take(cardMyNumber.readId);
          const recorded = read && recordCardMyNumber(content, cardMyNumber.person, read.digits, read.source);
          if (!recorded) {
            problem = 'カードから読み取った個人番号を反映できませんでした。もう一度カードの裏面を読み取ってください。';
            return { content };
          }
          content = recorded;
        }
        if (selection) content = { ...content, selection: { ...content.selection, ...selection } };
        // one form, or several (まとめて確認), in this one transaction; a form not valid stays unconfirmed
        for (const edit of [...(form ? [form] : []), ...(forms ?? [])]) {
          const derived = deriveCase(content, today()).forms.find((f) => f.key === edit.key);
          const def = derived && findForm(derived.formId);
          if (!derived || !def) {
            problem = 'この様式は現在の手続きに含まれていません。';
            // nothing of this update is kept: the forms before it in the list are not half-saved
            return { content: s.content };
          }
          content = applyFormEdits(content, def, derived.persons, derived.fromCase, edit.values);
          const after = deriveCase(content, today()).forms.find((f) => f.key === edit.key);
          const confirmed = { ...content.confirmed };
          if (edit.confirm && after?.valid) confirmed[edit.key] = stableJson(after.values);
          else if (!edit.confirm) delete confirmed[edit.key];
          content = { ...content, confirmed };
        }
        return { content };
      });
      if (problem) return fail({ code: 'INVALID_INPUT', message: problem });
      return next ? ok(view(next)) : fail(CASE_NOT_FOUND);
    },

    listCases: ({ status, limit }) => {
      if (!deps) return fail(NO_CASES);
      const items: CaseSummary[] = deps.cases.list({ ...(status ? { status } : {}), limit: limit ?? 30 }).map((s) => {
        const persons = s.content.data.persons;
        const honnin = persons.find((p) => p.relation === '本人') ?? persons[0];
        return {
          id: s.id,
          status: s.status,
          event: s.content.data.event,
          date: s.content.data.date,
          name: honnin ? `${honnin.familyName ?? ''}\u3000${honnin.givenName ?? ''}`.trim() : '',
          persons: persons.length,
          forms: Object.keys(s.content.confirmed).length,
          updatedAt: s.updatedAt,
        };
      });
      return ok({ items });
    },

    runNavigator: ({ caseId }) => {
      const s = load(caseId);
      if (!s) return fail(CASE_NOT_FOUND);
      const v = deriveCase(s.content, today());
      return ok({ problems: v.problems, procedures: v.procedures });
    },

    listForms: () => ok({ forms: FORMS.map((f) => ({ id: f.id, title: f.title, gyomu: f.gyomu, version: f.version, localGyomu: f.localGyomu === true })) }),

    getCaseForms: ({ caseId }) => {
      const s = load(caseId);
      if (!s) return fail(CASE_NOT_FOUND);
      const v = deriveCase(s.content, today());
      return ok({ problems: v.problems, forms: v.forms });
    },

    submitCase: ({ caseId }) => {
      if (!deps) return fail(NO_CASES);
      const s = load(caseId);
      if (!s) return fail(CASE_NOT_FOUND);
      const derived = deriveCase(s.content, today());
      const toSend = derived.forms.filter((f) => f.confirmed && !f.applicationId);
      const unconfirmed = derived.forms.filter((f) => !f.confirmed && !f.applicationId).map((f) => f.title);
      if (toSend.length === 0) {
        return fail({ code: 'VALIDATION_FAILED', message: unconfirmed.length ? '確認済みの様式がありません。各様式を確認してから送信してください。' : ALREADY_SUBMITTED });
      }
      const apps: { form: CaseFormState; def: NonNullable<ReturnType<typeof findForm>>; values: Record<string, string> }[] = [];
      for (const f of toSend) {
        const def = findForm(f.formId)!;
        const v = validateForm(def, f.values, today());
        if (!v.ok) return fail({ code: 'VALIDATION_FAILED', message: `「${def.title}」に不備があります。`, fieldErrors: v.fieldErrors });
        apps.push({ form: f, def, values: v.values });
      }
      // the applications and the case's record of them are one transaction (store/case-submission.ts)
      const r = deps.submission.submit(
        caseId,
        apps.map((a) => ({
          formKey: a.form.key,
          application: { formId: a.def.id, formVersion: a.def.version, payload: a.values, personName: personLabel(a.def, a.values) },
        })),
        derived.forms.map((f) => f.key),
      );
      if (!r.ok) return fail(r.reason === 'not_found' ? CASE_NOT_FOUND : { code: 'VALIDATION_FAILED', message: 'この様式はすでに送信キューに入っています。来庁ケースを開き直して確認してください。' });
      d.sync.kick();
      return ok({ applicationIds: r.applicationIds, unconfirmed });
    },

    discardCase: ({ caseId }) => {
      if (!deps) return fail(NO_CASES);
      // recorded as case.discarded in the keyed audit trail, in the same transaction (audited-operations.ts)
      const r = deps.cases.discard(caseId);
      if (r === 'not_found') return fail(CASE_NOT_FOUND);
      if (r === 'submitted') return fail({ code: 'INVALID_INPUT', message: '送信済みの来庁ケースは破棄できません。保存期間が過ぎると自動で削除されます。' });
      return ok({ discarded: true as const });
    },

    renderPrint: async ({ caseId, target, formKey, format }) => {
      const renderer = format === 'pdf' ? (deps?.pdf() ?? null) : null;
      if (format === 'pdf' && !renderer) return fail(NO_PDF_RENDERER);
      const doc = casePrintDocument(d, { caseId, target, formKey }, printOptions(d, renderer));
      if (!doc.ok) return doc;
      const { html, base } = doc.value;
      if (format === 'html') return ok({ mimeType: 'text/html' as const, fileName: `${base}.html`, content: html, pages: null });
      const pdf = await renderer!.htmlToPdf(html);
      return ok({ mimeType: 'application/pdf' as const, fileName: `${base}.pdf`, content: Buffer.from(pdf).toString('base64'), pages: countPdfPages(pdf) });
    },
  };
}
