import type { FieldDef, FormDefinition } from './form-definition';
import { parseDateInput } from '../validation/wareki';
import { isKana, widenHalfwidthKatakana } from '../validation/kana';

export type RawFormValues = Record<string, string>;

export interface FormValidation {
  ok: boolean;
  /** normalized values (dates as ISO); meaningful only when ok */
  values: Record<string, string>;
  /** field id → Japanese message */
  fieldErrors: Record<string, string>;
  /** field id → Japanese warning that does not block saving */
  warnings: Record<string, string>;
}

// C0/C1 controls (tab and newline included) never belong in a one-line form field.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function checkField(def: FieldDef, raw: string): { value?: string; error?: string } {
  // Names keep their exact code points: only surrounding white space is dropped.
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  if (trimmed === '') return def.required ? { error: `${def.label}を入力してください。` } : { value: '' };
  if (codePointLength(trimmed) > def.maxLength) return { error: `${def.label}は${def.maxLength}文字以内で入力してください。` };
  if (CONTROL.test(trimmed)) return { error: `${def.label}に使えない制御文字が含まれています。` };
  switch (def.kind) {
    case 'name':
    case 'address':
      return { value: trimmed };
    case 'kana': {
      const widened = widenHalfwidthKatakana(trimmed);
      return isKana(widened) ? { value: widened } : { error: `${def.label}はひらがなまたはカタカナで入力してください。` };
    }
    case 'date': {
      const parsed = parseDateInput(trimmed);
      return parsed.ok ? { value: parsed.iso } : { error: `${def.label}: ${parsed.message}` };
    }
  }
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * @param today ISO date of the counter's calendar day; passed in so that validation is pure
 *   and testable, and so that a wrong PC clock is a visible input rather than hidden state.
 */
export function validateForm(form: FormDefinition, raw: RawFormValues, today: string): FormValidation {
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  for (const def of form.fields) {
    const r = checkField(def, raw[def.id] ?? '');
    if (r.error !== undefined) fieldErrors[def.id] = r.error;
    else values[def.id] = r.value ?? '';
  }
  const both = (a: string, b: string) => values[a] !== undefined && values[b] !== undefined && values[a] !== '' && values[b] !== '';
  for (const rule of form.rules) {
    if (fieldErrors[rule.field] !== undefined) continue;
    const v = values[rule.field];
    if (v === undefined || v === '') continue;
    switch (rule.kind) {
      case 'notFuture':
        if (v > today) fieldErrors[rule.field] = rule.message;
        break;
      case 'dateNotAfter':
        if (both(rule.field, rule.other) && v > values[rule.other]!) fieldErrors[rule.other] ??= rule.message;
        break;
      case 'different':
        if (both(rule.field, rule.other) && v === values[rule.other]) fieldErrors[rule.other] ??= rule.message;
        break;
      case 'deadlineDays':
        if (v <= today && daysBetween(v, today) > rule.days) warnings[rule.field] = rule.message;
        break;
    }
  }
  return { ok: Object.keys(fieldErrors).length === 0, values, fieldErrors, warnings };
}
