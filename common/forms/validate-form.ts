import type { CrossRule, FieldDef, FormDefinition } from './form-definition';
import { checkField } from './check-field';
import { conditionHolds, groupCount, groupKey } from './form-keys';

export type RawFormValues = Record<string, string>;

export interface FormValidation {
  ok: boolean;
  /** normalized values (dates as ISO, 郵便番号 as 7 digits …); meaningful only when ok */
  values: Record<string, string>;
  /** field key → Japanese message (group members keyed `${group}.${i}.${field}`, a group's count by its id) */
  fieldErrors: Record<string, string>;
  /** field key → Japanese warning that does not block saving */
  warnings: Record<string, string>;
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

interface Scope {
  /** field id → key in the flat records */
  key(field: string): string;
  raw(field: string): string;
}

function checkFields(fields: readonly FieldDef[], scope: Scope, out: FormValidation): void {
  for (const def of fields) {
    // A field whose condition does not hold is not part of the form: not validated, not sent.
    if (def.when && !conditionHolds(def.when, scope.raw)) continue;
    const r = checkField(def, scope.raw(def.id));
    if (r.error !== undefined) out.fieldErrors[scope.key(def.id)] = r.error;
    else out.values[scope.key(def.id)] = r.value;
  }
}

function applyRules(rules: readonly CrossRule[], key: (field: string) => string, otherKey: (field: string) => string, errorOnField: (field: string) => boolean, out: FormValidation, today: string): void {
  const { values, fieldErrors, warnings } = out;
  const filled = (k: string) => values[k] !== undefined && values[k] !== '';
  for (const rule of rules) {
    const k = key(rule.field);
    if (fieldErrors[k] !== undefined || !filled(k)) continue;
    const v = values[k]!;
    switch (rule.kind) {
      case 'notFuture':
        if (v > today) fieldErrors[k] = rule.message;
        break;
      case 'dateNotAfter': {
        const o = otherKey(rule.other);
        if (filled(o) && v > values[o]!) fieldErrors[errorOnField(rule.other) ? k : o] ??= rule.message;
        break;
      }
      case 'different': {
        const o = otherKey(rule.other);
        if (filled(o) && v === values[o]) fieldErrors[errorOnField(rule.other) ? k : o] ??= rule.message;
        break;
      }
      case 'deadlineDays':
        if (v <= today && daysBetween(v, today) > rule.days) warnings[k] = rule.message;
        break;
    }
  }
}

/**
 * @param today ISO date of the counter's calendar day; passed in so that validation is pure
 *   and testable, and so that a wrong PC clock is a visible input rather than hidden state.
 */
export function validateForm(form: FormDefinition, raw: RawFormValues, today: string): FormValidation {
  const out: FormValidation = { ok: false, values: {}, fieldErrors: {}, warnings: {} };
  const topRaw = (f: string) => (Object.hasOwn(raw, f) ? raw[f] ?? '' : '');
  checkFields(form.fields, { key: (f) => f, raw: topRaw }, out);
  const top = (f: string) => f;
  applyRules(form.rules, top, top, () => false, out, today);

  for (const group of form.groups ?? []) {
    const n = groupCount(group, raw);
    if (n > group.max) {
      out.fieldErrors[group.id] = `${group.label}は${group.max}人までです。`;
      continue;
    }
    if (n < group.min) out.fieldErrors[group.id] = `${group.label}を${group.min}人以上入力してください。`;
    const own = new Set(group.fields.map((f) => f.id));
    for (let i = 0; i < n; i++) {
      const key = (f: string) => (own.has(f) ? groupKey(group.id, i, f) : f);
      // conditions and rules may name a sibling in the same member or a top-level field
      const memberRaw = (f: string) => (own.has(f) ? topRaw(groupKey(group.id, i, f)) : topRaw(f));
      checkFields(group.fields, { key, raw: memberRaw }, out);
      // a rule against a shared top-level field marks this member's field, not the shared one
      applyRules(group.rules, key, key, (f) => !own.has(f), out, today);
    }
  }
  out.ok = Object.keys(out.fieldErrors).length === 0;
  return out;
}
