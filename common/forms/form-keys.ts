import type { FieldCondition, FieldDef, FormDefinition, GroupDef } from './form-definition';

/**
 * How a form's values are keyed in a flat Record<string, string> (what crosses the bridge and is
 * stored): top-level fields by id, group members as `${group}.${index}.${field}`.
 */
export function groupKey(group: string, index: number, field: string): string {
  return `${group}.${index}.${field}`;
}

const GROUP_KEY = /^([A-Za-z][A-Za-z0-9_-]*)\.(\d{1,2})\.([A-Za-z][A-Za-z0-9_-]*)$/;

/** True when `key` names a field of this form (for refusing unknown keys at the service boundary). */
export function isKnownFieldKey(form: FormDefinition, key: string): boolean {
  if (form.fields.some((f) => f.id === key)) return true;
  const m = GROUP_KEY.exec(key);
  if (!m) return false;
  const g = form.groups?.find((x) => x.id === m[1]);
  return !!g && Number(m[2]) < g.max && g.fields.some((f) => f.id === m[3]);
}

/** The definition of the field a key names: a top-level field, or a group member's field. */
export function fieldDefOf(form: FormDefinition, key: string): FieldDef | undefined {
  const top = form.fields.find((f) => f.id === key);
  if (top) return top;
  const m = GROUP_KEY.exec(key);
  return m ? form.groups?.find((g) => g.id === m[1])?.fields.find((f) => f.id === m[3]) : undefined;
}

/** Members present in `raw`: one more than the highest index seen (gaps count as empty members). */
export function groupCount(group: GroupDef, raw: Record<string, string>): number {
  let n = 0;
  const prefix = `${group.id}.`;
  for (const key of Object.keys(raw)) {
    if (!key.startsWith(prefix)) continue;
    const m = GROUP_KEY.exec(key);
    if (m && m[1] === group.id) n = Math.max(n, Number(m[2]) + 1);
  }
  return n;
}

/** Whether a conditional field applies, judged on the raw (trimmed) value it depends on. */
export function conditionHolds(c: FieldCondition, lookup: (field: string) => string): boolean {
  const v = lookup(c.field).trim();
  if ('equals' in c) return v === c.equals;
  if ('in' in c) return c.in.includes(v);
  return v !== '';
}
