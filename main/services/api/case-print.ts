import { fail, ok, type Result } from '../../../common/contract/result';
import { findForm } from '../../../common/forms/registry';
import { deriveCase, type CaseFormState } from '../../../common/cases/visit-case';
import { formSheetHtml, printDocumentHtml, summarySheetHtml, type PrintOptions } from '../../../common/print/print-html';
import type { HandlerDeps } from './handlers';

export const CASE_NOT_FOUND = { code: 'NOT_FOUND', message: '来庁ケースが見つかりません。' } as const;

/** A print document ready for any output (HTML, PDF, a printer), and the file name it would be saved under. */
export interface PrintDocument {
  html: string;
  /** file name without extension */
  base: string;
}

export interface CasePrintTarget {
  caseId: string;
  /** every chosen form then the summary sheet, one form, or the summary sheet alone */
  target: 'all' | 'form' | 'summary';
  formKey?: string | undefined;
}

/** The print HTML of a visit case (its forms and/or the resident's summary sheet) with the given options. */
export function casePrintDocument(d: Pick<HandlerDeps, 'cases' | 'today'>, t: CasePrintTarget, o: PrintOptions): Result<PrintDocument> {
  const s = d.cases?.cases.get(t.caseId) ?? null;
  if (!s) return fail(CASE_NOT_FOUND);
  const today = d.today();
  const derived = deriveCase(s.content, today);
  const label = `来庁ケース ${t.caseId.slice(-8)}`;
  let forms: CaseFormState[] = derived.forms;
  if (t.target === 'form') {
    forms = derived.forms.filter((f) => f.key === t.formKey);
    if (forms.length === 0) return fail({ code: 'NOT_FOUND', message: '印刷する様式が見つかりません。' });
  }
  const sheets = t.target === 'summary' ? [] : forms.map((f) => formSheetHtml(findForm(f.formId)!, f.values, o, label, new Set(f.verifiedMyNumbers)));
  if (t.target !== 'form') sheets.push(summarySheetHtml({ procedures: derived.procedures, forms: derived.forms, eventLabel: `${s.content.data.event}`, today }, o, label));
  const title = t.target === 'form' ? forms[0]!.title : t.target === 'summary' ? '本日の手続きのご案内' : `${s.content.data.event} 届書一式`;
  return ok({ html: printDocumentHtml(sheets, o, title), base: `ichimado-${s.content.data.event}-${t.target === 'form' ? forms[0]!.formId : t.target}` });
}
