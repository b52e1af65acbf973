import type { CasePerson, VisitCaseData } from '../domain/household';

/**
 * The closed list of case data a form field may bind to. Closed on purpose: a typo in a form
 * definition ("person.birthdate") is refused when the form is loaded instead of silently leaving
 * the field empty on every printed form.
 */
export const PERSON_KEYS = [
  'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'sex', 'relation', 'myNumber', 'nationality', 'phone',
] as const satisfies readonly (keyof CasePerson)[];
export type PersonKey = (typeof PERSON_KEYS)[number];

export const HOUSEHOLD_KEYS = [
  'postalCode', 'address', 'previousPostalCode', 'previousAddress', 'nextAddress', 'headFamilyName', 'headGivenName',
] as const;
export type HouseholdKey = (typeof HOUSEHOLD_KEYS)[number];

export const EVENT_KEYS = ['date', 'kind'] as const;

/** Top-level fields may bind to these; fields inside a group also to `person.*`. */
export const TOP_LEVEL_BINDINGS: readonly string[] = [
  ...PERSON_KEYS.map((k) => `applicant.${k}`),
  ...PERSON_KEYS.map((k) => `subject.${k}`),
  ...HOUSEHOLD_KEYS.map((k) => `household.${k}`),
  ...EVENT_KEYS.map((k) => `event.${k}`),
];
export const GROUP_BINDINGS: readonly string[] = [...TOP_LEVEL_BINDINGS, ...PERSON_KEYS.map((k) => `person.${k}`)];

function personValue(p: CasePerson | undefined, key: string): string | undefined {
  if (!p) return undefined;
  const v = (p as unknown as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

export function honninIndex(c: VisitCaseData): number {
  const i = c.persons.findIndex((p) => p.relation === '本人');
  return i >= 0 ? i : 0;
}

/**
 * The 届出人 unless the case names one: the 本人, except for 死亡 where the 本人 is the deceased
 * and the first other adult of the household reports (falling back to the next listed person).
 */
export function applicantIndex(c: VisitCaseData): number {
  if (c.applicantIndex !== undefined) return c.applicantIndex;
  const h = honninIndex(c);
  if (c.event !== '死亡') return h;
  const other = c.persons.findIndex((p, i) => i !== h && p.relation !== '子');
  return other >= 0 ? other : c.persons.findIndex((_, i) => i !== h);
}

/**
 * The persons an event is about: the newborn(s) for 出生 (a 子 born on the event date), the 本人
 * for 死亡; for other events nobody in particular (forms then use the applicant).
 */
export function subjectIndexes(c: Pick<VisitCaseData, 'event' | 'date' | 'persons'>): number[] {
  const idx: number[] = [];
  c.persons.forEach((p, i) => {
    if (c.event === '出生' && p.relation === '子' && p.birthDate === c.date) idx.push(i);
    if (c.event === '死亡' && p.relation === '本人') idx.push(i);
  });
  return idx;
}

/** The value a bind path reads from the case; `person` is the group member being filled. */
export function resolveBinding(path: string, c: VisitCaseData, person?: CasePerson): string | undefined {
  const dot = path.indexOf('.');
  const scope = path.slice(0, dot);
  const key = path.slice(dot + 1);
  switch (scope) {
    case 'person':
      return personValue(person, key);
    case 'applicant':
      return personValue(c.persons[applicantIndex(c)], key);
    case 'subject': {
      const s = subjectIndexes(c)[0];
      return s === undefined ? undefined : personValue(c.persons[s], key);
    }
    case 'event':
      return key === 'date' ? c.date : key === 'kind' ? c.event : undefined;
    case 'household': {
      if (key === 'headFamilyName' || key === 'headGivenName') {
        const head = c.persons[c.household.headIndex ?? honninIndex(c)];
        return personValue(head, key === 'headFamilyName' ? 'familyName' : 'givenName');
      }
      const v = (c.household as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : undefined;
    }
    default:
      return undefined;
  }
}
