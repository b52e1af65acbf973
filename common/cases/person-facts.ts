import type { CasePerson, MyNumberSource } from '../domain/household';
import { parseMyNumber } from '../validation/my-number';
import type { CaseContent, StoredCaseData, StoredPerson } from './visit-case';

/**
 * What the services keep about each person beyond what the household step sends: the clerk's answers
 * given through the forms (kept per person, see field-home.ts) and where a 個人番号 was read from. Both
 * are facts about one person, so they follow that person through an edited household and are never
 * taken from what the screen sends.
 */

/** A person of an incoming household, as the household step sends it (its answers and source are ignored). */
type IncomingPerson = CasePerson & { answers?: Record<string, string> };

function sameName(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || a === b;
}

/**
 * The stored person each incoming one is: same 続柄 and 生年月日 and no different name (twins share a
 * birthday, never a 名), at the same place first, else the first unused such person; a name edited in
 * place (same place, same 続柄 and 生年月日, nobody added or removed) is still the same person.
 */
function matchPersons(old: readonly StoredPerson[], incoming: readonly IncomingPerson[]): (number | undefined)[] {
  const used = new Set<number>();
  const out: (number | undefined)[] = incoming.map(() => undefined);
  const same = (o: StoredPerson, p: IncomingPerson) => o.relation === p.relation && o.birthDate === p.birthDate;
  const named = (o: StoredPerson, p: IncomingPerson) => same(o, p) && sameName(o.givenName, p.givenName) && sameName(o.familyName, p.familyName);
  const take = (i: number, j: number) => {
    out[i] = j;
    used.add(j);
  };
  incoming.forEach((p, i) => {
    if (old[i] && named(old[i]!, p)) take(i, i);
  });
  incoming.forEach((p, i) => {
    if (out[i] !== undefined) return;
    const j = old.findIndex((o, k) => !used.has(k) && named(o, p));
    if (j >= 0) take(i, j);
  });
  if (old.length === incoming.length) {
    incoming.forEach((p, i) => {
      if (out[i] === undefined && !used.has(i) && same(old[i]!, p)) take(i, i);
    });
  }
  return out;
}

/**
 * The case data after the household step saved `data`: each person keeps their own answers and a
 * card-read 個人番号 keeps its source only while the number is unchanged (a number edited by hand is a
 * typed number again).
 */
export function mergeHouseholdUpdate(old: StoredCaseData, data: Omit<StoredCaseData, 'persons'> & { persons: readonly IncomingPerson[] }): StoredCaseData {
  const match = matchPersons(old.persons, data.persons);
  const persons = data.persons.map((p, i): StoredPerson => {
    const { answers: _sent, myNumberSource: _claimed, ...person } = p;
    void _sent;
    void _claimed;
    const j = match[i];
    const before = j === undefined ? undefined : old.persons[j];
    const source = before?.myNumberSource && before.myNumber && before.myNumber === person.myNumber ? before.myNumberSource : undefined;
    return { ...person, ...(source ? { myNumberSource: source } : {}), answers: { ...(before?.answers ?? {}) } };
  });
  return { ...data, persons };
}

/**
 * The clerk confirmed the 個人番号 read from person `index`'s card: it becomes that person's number,
 * recorded with where it was read. A number typed earlier for them (on a form) is dropped: it is
 * superseded, and 特定個人情報 is not kept without need. Null when the person does not exist or the
 * digits are not a valid 個人番号 (a card read always is).
 */
export function recordCardMyNumber(c: CaseContent, index: number, digits: string, source: MyNumberSource): CaseContent | null {
  const p = c.data.persons[index];
  const parsed = parseMyNumber(digits);
  if (!p || !Number.isInteger(index) || !parsed.ok || parsed.digits !== digits) return null;
  const answers = { ...(p.answers ?? {}) };
  delete answers[MY_NUMBER_ANSWER];
  const persons = c.data.persons.map((x, i) => (i === index ? { ...x, myNumber: digits, myNumberSource: source, answers } : x));
  return { ...c, data: { ...c.data, persons } };
}

/** The person answer holding a 個人番号 typed on a form (personAnswerKey of a `*.myNumber` field). */
export const MY_NUMBER_ANSWER = 'person.myNumber';
