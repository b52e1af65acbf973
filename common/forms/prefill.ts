import type { VisitCaseData } from '../domain/household';
import type { FormDefinition } from './form-definition';
import { resolveBinding, subjectIndexes } from './bindings';
import { groupKey } from './form-keys';
import type { RawFormValues } from './validate-form';

/**
 * Fills a form from the visit case through each field's `bind` path: the data entered once for
 * the case fills every form, and re-running this after a person is edited updates all its forms.
 * Returns raw values (what a clerk would have typed); validateForm then checks them as usual.
 *
 * @param persons which persons fill a `bind: 'persons'` group (the navigator's `persons` for this
 *   procedure); all persons of the case when omitted
 */
export function prefillForm(form: FormDefinition, c: VisitCaseData, persons?: readonly number[]): RawFormValues {
  const out: RawFormValues = {};
  for (const f of form.fields) {
    if (!f.bind) continue;
    const v = resolveBinding(f.bind, c);
    if (v !== undefined && v !== '') out[f.id] = v;
  }
  for (const g of form.groups ?? []) {
    const members = g.bind === 'subjects' ? subjectIndexes(c) : (persons ?? c.persons.map((_, i) => i));
    members.slice(0, g.max).forEach((personIndex, i) => {
      const person = c.persons[personIndex];
      for (const f of g.fields) {
        const v = f.bind ? resolveBinding(f.bind, c, person) : undefined;
        // every member gets at least one key so that the group count is right even when unbound
        out[groupKey(g.id, i, f.id)] = v ?? '';
      }
    });
  }
  return out;
}
