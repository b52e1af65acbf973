import type { VisitCaseData } from '../domain/household';
import type { FieldDef, FormDefinition, GroupDef } from '../forms/form-definition';
import { applicantIndex, subjectIndexes } from '../forms/bindings';

/**
 * Whose data each field of a form holds, and so where what the clerk types into it is kept.
 *
 * A value about a person (their 個人番号, phone, names, 基礎年金番号, 振込先 …) is kept on that person and
 * fills the forms of that same person only: typed once on 藤井恵's 国民年金 届, it reaches her row of the
 * 国保 届 but never the 本人's 後期高齢 届. Only values about the household or the event (住所, 異動日, and
 * the answers of a form no person owns) are kept for the whole case, by data item.
 */

/** The persons a form is about, by role (indexes into the case's persons). */
export interface FormRoles {
  /** the 届出人 / 請求者 (`applicant.*`): the procedure's person on a one-person form */
  applicant: number;
  /** the person the event is about (`subject.*`): the deceased, the newborn; none for other events */
  subject: number | undefined;
  /** the case as this form reads it (the 届出人 set to the procedure's person on a one-person form) */
  data: VisitCaseData;
}

/** Whether a form names one person only through `applicant.*` (国民年金, 後期高齢 取得 …): that person is the procedure's. */
export function personalForm(form: FormDefinition): boolean {
  return !(form.groups ?? []).some((g) => g.bind === 'persons') && form.fields.some((f) => f.bind?.startsWith('applicant.birthDate'));
}

export function formRoles(c: VisitCaseData, form: FormDefinition, persons: readonly number[]): FormRoles {
  const data: VisitCaseData = personalForm(form) && persons.length === 1 ? { ...c, applicantIndex: persons[0]! } : c;
  return { applicant: applicantIndex(data), subject: subjectIndexes(data)[0], data };
}

/** The persons filling a repeated group, in row order (the same rule as prefillForm). */
export function groupMembers(g: GroupDef, roles: FormRoles, persons: readonly number[]): number[] {
  return (g.bind === 'subjects' ? subjectIndexes(roles.data) : [...persons]).slice(0, g.max);
}

/** Where a clerk's answer lives: on a person (StoredPerson.answers) or on the case (CaseContent.answers). */
export type FieldHome = { kind: 'person'; index: number; key: string } | { kind: 'case'; key: string };

/** The clerk's answer for a case-wide field: by data item, so a value typed once fills every form asking for it. */
export function answerKey(f: FieldDef): string {
  return f.item ?? f.id;
}

const PERSON_SCOPES = ['applicant', 'subject', 'person'] as const;

/**
 * The key of a person's answer: a field bound to person data by that data's key (`person.phone`,
 * `person.myNumber`), so that the 届出人 電話番号 of one form and the 連絡先電話番号 of another, both the
 * same person's phone, are one answer; an unbound field by its data item (学年, 基礎年金番号, 振込先 …).
 */
export function personAnswerKey(f: FieldDef): string {
  const dot = f.bind?.indexOf('.') ?? -1;
  if (f.bind && dot > 0 && (PERSON_SCOPES as readonly string[]).includes(f.bind.slice(0, dot))) return `person.${f.bind.slice(dot + 1)}`;
  return answerKey(f);
}

function onPerson(index: number | undefined, f: FieldDef, form: FormDefinition): FieldHome {
  // a role this event does not have (no deceased in a 転入): the answer stays on this form alone
  return index === undefined ? { kind: 'case', key: `${form.id}#${f.id}` } : { kind: 'person', index, key: personAnswerKey(f) };
}

/** The home of a top-level field's answer. */
export function topFieldHome(form: FormDefinition, f: FieldDef, roles: FormRoles): FieldHome {
  const scope = f.bind?.slice(0, f.bind.indexOf('.'));
  if (scope === 'household' || scope === 'event') return { kind: 'case', key: answerKey(f) };
  if (scope === 'applicant') return onPerson(roles.applicant, f, form);
  if (scope === 'subject') return onPerson(roles.subject, f, form);
  // unbound: the 届出人's unless the definition says it is the subject's
  return onPerson(f.owner === 'subject' ? roles.subject : roles.applicant, f, form);
}

/** The home of a group field's answer for the member at `personIndex`. */
export function memberFieldHome(form: FormDefinition, f: FieldDef, personIndex: number, roles: FormRoles): FieldHome {
  const scope = f.bind?.slice(0, f.bind.indexOf('.'));
  if (scope && scope !== 'person') return topFieldHome(form, f, roles);
  return { kind: 'person', index: personIndex, key: personAnswerKey(f) };
}
