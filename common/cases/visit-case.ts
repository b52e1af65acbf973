import type { CasePerson, VisitCaseData } from '../domain/household';
import { cardNeedsUpdate, compareCardWithRegister } from '../register/card-register-diff';
import type { FormDefinition } from '../forms/form-definition';
import { findForm } from '../forms/registry';
import { prefillForm } from '../forms/prefill';
import { groupKey, isKnownFieldKey } from '../forms/form-keys';
import { validateForm, type RawFormValues } from '../forms/validate-form';
import { navigate, NavigatorInputError, type Procedure } from '../navigator/navigate';
import { schoolStageOn } from '../domain/school';
import { toFullwidthKatakana } from '../validation/kana';
import { registerAnswers } from '../register/register-fill';
import { formRoles, groupMembers, memberFieldHome, topFieldHome, type FieldHome } from './field-home';

export { answerKey } from './field-home';
export { mergeHouseholdUpdate, recordCardMyNumber } from './person-facts';

/**
 * A visit case (来庁ケース) as it is kept between steps and restarts: the household and event
 * (VisitCaseData, typed once), the clerk's answers to items no case data covers (振込先, 前の学校 …),
 * which procedures were chosen, and which forms the clerk has confirmed.
 *
 * Forms are never stored as the source of truth: they are derived again from the case every time
 * (prefillForm), so editing a person updates every form of the case. What the clerk typed into a
 * form is kept as an answer and re-applied only where the case itself has no value: an answer about a
 * person on that person (it fills that person's forms only), an answer about the household or the
 * event on the case (field-home.ts).
 */
export const CASE_STATUSES = ['open', 'submitted'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * A case person plus what the clerk answered about them through the forms (学年, 前の学校, 振込先, a
 * 個人番号 or phone typed on their form …), keyed by field-home.ts's personAnswerKey.
 */
export interface StoredPerson extends CasePerson {
  answers?: Record<string, string>;
}

/**
 * The shape of stored content: 1 kept every top-level answer by data item for the whole case, whoever
 * it was about; 2 keeps answers about a person on that person (case-upgrade.ts reads 1).
 */
export const CASE_CONTENT_VERSION = 2;

export interface StoredCaseData extends Omit<VisitCaseData, 'persons'> {
  persons: readonly StoredPerson[];
}

export interface CaseContent {
  /** absent in content stored before version 2 */
  version?: number;
  data: StoredCaseData;
  /** answers about the household or the event (not about one person), shared by data item across forms */
  answers: Record<string, string>;
  /** procedure key → chosen; absent keys take the default (required and not 確認が必要) */
  selection: Record<string, boolean>;
  /** form key → JSON of the values the clerk confirmed; a form whose values change is unconfirmed */
  confirmed: Record<string, string>;
  /** form key → application id, once submitted */
  submitted: Record<string, string>;
}

export function emptyCaseContent(today: string): CaseContent {
  return {
    version: CASE_CONTENT_VERSION,
    data: { event: '転入', date: today, persons: [], household: {} },
    answers: {},
    selection: {},
    confirmed: {},
    submitted: {},
  };
}

/** One procedure of the navigator, with its stable key and whether it is chosen. */
export interface CaseProcedure extends Procedure {
  key: string;
  selected: boolean;
}

export interface CaseFormState {
  key: string;
  formId: string;
  title: string;
  gyomu: string;
  ruleId: string;
  persons: number[];
  /** raw values: case data, then the clerk's answers, then values derived from the case */
  values: RawFormValues;
  /** field keys whose value comes from the case (edit the person / household to change them) */
  fromCase: string[];
  /** field key → the person (index) whose data the field holds; household and event fields are absent */
  owners: Record<string, number>;
  /** 個人番号 field keys whose number was read from that person's card (the only ones printed as 確認済み) */
  verifiedMyNumbers: string[];
  fieldErrors: Record<string, string>;
  warnings: Record<string, string>;
  valid: boolean;
  confirmed: boolean;
  applicationId: string | null;
}

export interface DerivedCase {
  /** Japanese; the navigator could not run (inconsistent household); forms are empty then */
  problems: string[];
  procedures: CaseProcedure[];
  forms: CaseFormState[];
}

export function procedureKey(p: Pick<Procedure, 'ruleId' | 'persons'>): string {
  return `${p.ruleId}:${p.persons.join('-')}`;
}

function navigatorInput(d: StoredCaseData) {
  return {
    event: d.event,
    date: d.date,
    persons: d.persons.map((p) => ({
      birthDate: p.birthDate,
      relation: p.relation,
      healthInsurance: p.healthInsurance,
      pension: p.pension,
      careCertified: p.careCertified,
      ...(p.register && p.card && cardNeedsUpdate(compareCardWithRegister(p.card, p.register)) ? { cardOutdated: true } : {}),
      ...(p.familyName || p.givenName ? { name: `${p.familyName ?? ''} ${p.givenName ?? ''}`.trim() } : {}),
    })),
  };
}

export function caseProcedures(c: CaseContent, today: string): { problems: string[]; procedures: CaseProcedure[] } {
  if (c.data.persons.length === 0) return { problems: ['世帯の人を入力してください。'], procedures: [] };
  const bad = c.data.persons.findIndex((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate));
  if (bad >= 0) return { problems: [`${bad + 1}人目の生年月日を入力してください。`], procedures: [] };
  try {
    const { procedures } = navigate(navigatorInput(c.data), { today });
    return {
      problems: [],
      procedures: procedures.map((p) => {
        const key = procedureKey(p);
        const chosen = c.selection[key];
        return { ...p, key, selected: chosen ?? (p.required && !p.needsConfirmation) };
      }),
    };
  } catch (err) {
    if (err instanceof NavigatorInputError) return { problems: [...err.problems], procedures: [] };
    throw err;
  }
}

const HEALTH_TO_KODOMO: Record<string, string> = { 国保: '国民健康保険', 社保: '職場の健康保険' };

/**
 * Values that follow from the case without asking (never guesses: each is a consequence of data the
 * clerk entered). Keyed by form id, then field id; group fields get the member's person.
 */
function derivedTop(form: FormDefinition, d: StoredCaseData, applicant: StoredPerson | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (id: string, v: string | undefined) => {
    const f = form.fields.find((x) => x.id === id);
    if (!f || v === undefined) return;
    if (f.kind === 'select' && !f.options?.some((o) => o.value === v)) return;
    out[id] = v;
  };
  const byEvent = <T extends string>(m: Partial<Record<string, T>>) => m[d.event];
  switch (form.id) {
    case 'jumin-ido-tennyu':
      if (d.household.previousAddress) set('origin', '国内');
      break;
    case 'kokuho-shikaku-shutoku':
      set('reason', byEvent({ 転入: '転入', 出生: '出生' }));
      break;
    case 'kokuho-shikaku-soshitsu':
    case 'kaigo-shikaku-soshitsu':
    case 'kouki-shikaku-soshitsu':
      set('reason', byEvent({ 転出: '転出', 死亡: '死亡' }));
      break;
    case 'kokuho-henko':
      set('changeKind', byEvent({ 転居: '住所' }));
      break;
    case 'kokumin-nenkin-hihokensha':
      if (d.event === '転入' || d.event === '転居') set('notification', applicant?.pension === 'なし' ? '資格取得' : applicant?.pension === '国民年金' ? '住所変更' : undefined);
      if (applicant?.myNumber) set('idType', '個人番号');
      break;
    case 'kaigo-shikaku-ido':
      set('notification', byEvent({ 転入: '資格取得（転入）', 転居: '住所変更' }));
      break;
    case 'kouki-shikaku-shutoku':
      set('reason', byEvent({ 転入: '転入' }));
      break;
    case 'jidou-teate-nintei':
      if (applicant?.pension === '国民年金' || applicant?.pension === '厚生年金') set('pension', applicant.pension);
      break;
    case 'jidou-teate-shoumetsu':
      set('reason', byEvent({ 転出: '転出' }));
      break;
    case 'shugaku-tennyugaku':
      set('kind', byEvent({ 転入: '転入学', 転居: '市内転校' }));
      break;
    case 'inkan-haishi':
      set('reason', byEvent({ 死亡: '死亡' }));
      break;
    case 'jumin-ido-setai-henko':
      set('changeKind', byEvent({ 死亡: '世帯主変更' }));
      break;
  }
  // A written account is the 請求者's / 申請者's own: for 児童手当 by law (児童手当法 §12の2), for 葬祭費
  // and 未支給年金 as a rule (another holder needs a 委任): their name is the default holder, editable.
  if (applicant?.familyNameKana && applicant.givenNameKana) {
    const kana = toFullwidthKatakana(`${applicant.familyNameKana}${applicant.givenNameKana}`);
    if (kana) set('accountHolderKana', kana);
  }
  // …and a person's account is a 普通預金 as a rule (当座 is a business's cheque account): the default, editable
  set('accountType', '普通');
  if (d.event === '死亡' && applicant) {
    // the 届出人's relation to the deceased (the 本人) is their 続柄 in the case; the case is one household
    const rel = applicant.relation === '配偶者' || applicant.relation === '子' ? applicant.relation : applicant.relation === '父母' ? '父母' : undefined;
    if (form.id === 'kouki-shikaku-soshitsu' || form.id === 'kaigo-shikaku-soshitsu') set('applicantRelation', rel ?? (applicant.relation === 'その他' ? 'その他' : undefined));
    if (form.id === 'nenkin-mishikyu') set('claimantRelation', rel);
    if (form.id === 'koseki-shibou' && applicant.relation !== '本人') set('applicantQualification', applicant.relation === 'その他' ? '同居者' : '同居の親族');
  }
  return out;
}

function derivedMember(fieldId: string, d: StoredCaseData, p: StoredPerson): string | undefined {
  if (fieldId === 'livingTogether') return '同居'; // the case is one household living together
  if (fieldId === 'grade' && p.birthDate) {
    const s = schoolStageOn(p.birthDate, d.date);
    if (s.level === '小学校') return `小${s.grade}`;
    if (s.level === '中学校') return `中${s.grade}`;
  }
  return undefined;
}

/** The clerk's answer kept at `home`, if any. */
/** The clerk's answer; for a person taken from the register, else what the register and insurance systems hold (registerAnswers). */
function answerAt(c: CaseContent, home: FieldHome): string | undefined {
  if (home.kind === 'case') return c.answers[home.key];
  const p = c.data.persons[home.index];
  return p?.answers?.[home.key] ?? (p?.register ? registerAnswers(p.register)[home.key] : undefined);
}

export function deriveForm(c: CaseContent, p: CaseProcedure, today: string): CaseFormState {
  const form = findForm(p.formId)!;
  const roles = formRoles(c.data, form, p.persons);
  const prefill = prefillForm(form, roles.data, p.persons);
  const applicant = c.data.persons[roles.applicant] as StoredPerson | undefined;
  const values: RawFormValues = { ...prefill };
  const fromCase = Object.keys(prefill).filter((k) => prefill[k] !== '');
  const owners: Record<string, number> = {};
  const derived = derivedTop(form, c.data, applicant);
  if (form.id === 'kodomo-iryo-jukyu') {
    // the children's insurance when they all share one kind
    const kinds = new Set(p.persons.map((i) => HEALTH_TO_KODOMO[c.data.persons[i]?.healthInsurance ?? ''] ?? ''));
    if (kinds.size === 1 && !kinds.has('')) derived.insurance = [...kinds][0]!;
  }
  for (const f of form.fields) {
    const home = topFieldHome(form, f, roles);
    if (home.kind === 'person') owners[f.id] = home.index;
    if (values[f.id]) continue;
    const a = answerAt(c, home);
    if (a !== undefined && a !== '' && (f.kind !== 'select' || f.options?.some((o) => o.value === a))) values[f.id] = a;
    else if (derived[f.id] !== undefined) values[f.id] = derived[f.id]!;
  }
  for (const g of form.groups ?? []) {
    groupMembers(g, roles, p.persons).forEach((personIndex, i) => {
      const person = c.data.persons[personIndex];
      if (!person) return;
      for (const f of g.fields) {
        const k = groupKey(g.id, i, f.id);
        const home = memberFieldHome(form, f, personIndex, roles);
        if (home.kind === 'person') owners[k] = home.index;
        if (values[k]) continue;
        const a = answerAt(c, home);
        const v = a !== undefined && a !== '' ? a : derivedMember(f.id, c.data, person);
        if (v !== undefined) values[k] = v;
      }
    });
  }
  const v = validateForm(form, values, today);
  const json = stableJson(values);
  return {
    key: p.key,
    formId: form.id,
    title: form.title,
    gyomu: form.gyomu,
    ruleId: p.ruleId,
    persons: p.persons,
    values,
    fromCase,
    owners,
    verifiedMyNumbers: verifiedMyNumbers(form, c.data.persons, values, new Set(fromCase), owners),
    fieldErrors: v.fieldErrors,
    warnings: v.warnings,
    valid: v.ok,
    confirmed: c.confirmed[p.key] === json && v.ok,
    applicationId: c.submitted[p.key] ?? null,
  };
}

/**
 * The 個人番号 fields showing the number that was read from their own person's card: the value comes
 * from the case (not typed on this form), and that person's number carries its card source.
 */
function verifiedMyNumbers(form: FormDefinition, persons: readonly StoredPerson[], values: RawFormValues, fromCase: ReadonlySet<string>, owners: Record<string, number>): string[] {
  const myNumberIds = new Set([...form.fields, ...(form.groups ?? []).flatMap((g) => g.fields)].filter((f) => f.kind === 'myNumber').map((f) => f.id));
  return Object.entries(owners)
    .filter(([k, i]) => {
      const p = persons[i];
      return myNumberIds.has(k.split('.').at(-1)!) && fromCase.has(k) && !!p?.myNumberSource && !!p.myNumber && values[k] === p.myNumber;
    })
    .map(([k]) => k);
}

export function stableJson(values: Record<string, string>): string {
  return JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
}

export function deriveCase(c: CaseContent, today: string): DerivedCase {
  const { problems, procedures } = caseProcedures(c, today);
  const forms = procedures.filter((p) => p.selected).map((p) => deriveForm(c, p, today));
  return { problems, procedures, forms };
}

/**
 * Records what the clerk typed into one form as answers, each where field-home.ts says it belongs: on
 * the person the field is about (so it fills that person's forms and no one else's), or on the case for
 * household and event items. Values that come from the case are not answers (edit the person instead)
 * and are ignored here.
 */
export function applyFormEdits(c: CaseContent, form: FormDefinition, persons: readonly number[], fromCase: readonly string[], edits: Record<string, string>): CaseContent {
  const answers = { ...c.answers };
  const people = c.data.persons.map((p) => ({ ...p, answers: { ...(p.answers ?? {}) } }));
  const roles = formRoles(c.data, form, persons);
  const locked = new Set(fromCase);
  const put = (home: FieldHome, v: string) => {
    if (home.kind === 'case') answers[home.key] = v;
    else if (people[home.index]) people[home.index]!.answers[home.key] = v;
  };
  for (const [k, v] of Object.entries(edits)) {
    if (locked.has(k) || !isKnownFieldKey(form, k)) continue;
    const top = form.fields.find((f) => f.id === k);
    if (top) {
      put(topFieldHome(form, top, roles), v);
      continue;
    }
    const [gid, idx, fid] = k.split('.');
    const g = form.groups?.find((x) => x.id === gid);
    const f = g?.fields.find((x) => x.id === fid);
    const personIndex = g ? groupMembers(g, roles, persons)[Number(idx)] : undefined;
    if (!f || personIndex === undefined || !people[personIndex]) continue;
    put(memberFieldHome(form, f, personIndex, roles), v);
  }
  return { ...c, answers, data: { ...c.data, persons: people } };
}
