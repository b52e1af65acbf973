import { FORMS, findForm } from '../forms/registry';
import { prefillForm } from '../forms/prefill';
import { answerKey, formRoles, personAnswerKey, topFieldHome } from './field-home';
import { CASE_CONTENT_VERSION, caseProcedures, type CaseContent, type StoredPerson } from './visit-case';

/**
 * Reads visit-case content stored by an earlier version as the current one means it.
 *
 * Version 1 kept every top-level answer once for the whole case, by data item: a 個人番号 typed on one
 * person's form was an answer of the case and filled every other person's form too (issue 10). Such an
 * answer is now given to the one person it can have been typed for: the only person owning a form field
 * that showed it (an empty field of theirs with that data item, on any procedure of the case). When it
 * showed on fields of two persons, nobody can tell whose it was: it is given to no one (the clerk asks
 * again) rather than to the wrong person. It stays in the stored case-level answers, where it is never
 * read for a person's field, until the case is purged. Group answers of fields bound to person data
 * were kept by data item and are now kept by the person key.
 */
export function upgradeCaseContent(c: CaseContent, today: string): CaseContent {
  if ((c.version ?? 1) >= CASE_CONTENT_VERSION) return c;
  const people: StoredPerson[] = c.data.persons.map((p) => ({ ...p, answers: renameBoundGroupAnswers({ ...(p.answers ?? {}) }) }));
  // legacy answer key → the persons (and their answer keys) whose empty fields it filled
  const shownTo = new Map<string, Map<number, Set<string>>>();
  for (const p of caseProcedures(c, today).procedures) {
    const form = findForm(p.formId);
    if (!form) continue;
    const roles = formRoles(c.data, form, p.persons);
    const prefill = prefillForm(form, roles.data, p.persons);
    for (const f of form.fields) {
      const legacy = answerKey(f);
      if (c.answers[legacy] === undefined || prefill[f.id]) continue;
      const home = topFieldHome(form, f, roles);
      if (home.kind !== 'person') continue;
      const byPerson = shownTo.get(legacy) ?? new Map<number, Set<string>>();
      byPerson.set(home.index, (byPerson.get(home.index) ?? new Set()).add(home.key));
      shownTo.set(legacy, byPerson);
    }
  }
  for (const [legacy, byPerson] of shownTo) {
    if (byPerson.size !== 1) continue;
    const [index, keys] = [...byPerson][0]!;
    const answers = people[index]?.answers;
    if (!answers) continue;
    for (const k of keys) if (answers[k] === undefined) answers[k] = c.answers[legacy]!;
  }
  return { ...c, version: CASE_CONTENT_VERSION, data: { ...c.data, persons: people } };
}

/** Data item → person key of every group field bound to person data (氏 → person.familyName, 個人番号 → person.myNumber). */
const BOUND_GROUP_ITEMS: ReadonlyMap<string, string> = new Map(
  FORMS.flatMap((form) =>
    (form.groups ?? []).flatMap((g) => g.fields.filter((f) => f.bind?.startsWith('person.')).map((f) => [answerKey(f), personAnswerKey(f)] as const)),
  ),
);

function renameBoundGroupAnswers(answers: Record<string, string>): Record<string, string> {
  for (const [item, key] of BOUND_GROUP_ITEMS) {
    if (answers[item] === undefined) continue;
    answers[key] ??= answers[item]!;
    delete answers[item];
  }
  return answers;
}
