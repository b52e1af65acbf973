import type { FormDefinition } from './form-definition';
import { groupCount, groupKey } from './form-keys';

/**
 * What goes to the back end's generic intake for one validated form: values renamed to the
 * standard data items (FieldDef.item), group members as a list, empty optional values left out.
 * Names travel exactly as validated (no normalization anywhere on the way).
 */
export interface FormPayload {
  formId: string;
  formVersion: number;
  gyomu: string;
  kind: string;
  items: Record<string, string>;
  groups: Record<string, Record<string, string>[]>;
}

export function buildPayload(form: FormDefinition, values: Record<string, string>): FormPayload {
  const items: Record<string, string> = {};
  for (const f of form.fields) {
    const v = values[f.id];
    if (v !== undefined && v !== '') items[f.item ?? f.id] = v;
  }
  const groups: Record<string, Record<string, string>[]> = {};
  for (const g of form.groups ?? []) {
    const n = groupCount(g, values);
    groups[g.id] = Array.from({ length: n }, (_, i) => {
      const member: Record<string, string> = {};
      for (const f of g.fields) {
        const v = values[groupKey(g.id, i, f.id)];
        if (v !== undefined && v !== '') member[f.item ?? f.id] = v;
      }
      return member;
    });
  }
  return { formId: form.id, formVersion: form.version, gyomu: form.gyomu, kind: form.payloadKind ?? form.id, items, groups };
}
