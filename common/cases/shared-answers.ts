import { findForm } from '../forms/registry';
import { personAnswerKey } from './field-home';

/** What the まとめて確認 page knows of each form it shows. */
export interface SharedAnswerForm {
  key: string;
  formId: string;
  /** field key → index of the person whose data the field holds */
  owners: Readonly<Record<string, number>>;
  /** keys filled from the case (read-only: changed on the household step) */
  fromCase: readonly string[];
}

/**
 * The same answer in the other forms of a page: fields of other forms that hold the same data item of
 * the same person as `fieldKey` of form `formKey` (the 受取口座 and bank details of the 届出人 on the 葬祭費
 * and on the 未支給年金 請求書), the way the case stores one answer per person and item once a form is
 * confirmed (common/cases/field-home.ts). Only top-level fields owned by one person: a field of no
 * person, of another person, or of a group is never a target, so one person's answer never reaches
 * another's form. Fields filled from the case are left alone.
 */
export function sameAnswerElsewhere(forms: readonly SharedAnswerForm[], formKey: string, fieldKey: string): { formKey: string; fieldKey: string }[] {
  const from = forms.find((f) => f.key === formKey);
  const owner = from?.owners[fieldKey];
  const def = from && findForm(from.formId)?.fields.find((f) => f.id === fieldKey);
  if (owner === undefined || !def) return [];
  const item = personAnswerKey(def);
  const out: { formKey: string; fieldKey: string }[] = [];
  for (const f of forms) {
    if (f.key === formKey) continue;
    for (const d of findForm(f.formId)?.fields ?? []) {
      if (f.owners[d.id] === owner && personAnswerKey(d) === item && d.kind === def.kind && !f.fromCase.includes(d.id)) out.push({ formKey: f.key, fieldKey: d.id });
    }
  }
  return out;
}
