import type { HouseholdPerson } from '../domain/household';
import { lawAgeOn, withinFiscalYearOfAge } from '../domain/age';
import { schoolStageOn } from '../domain/school';
import type { PersonCondition } from './rule-types';

/** Kleene three-valued logic: 'unknown' when a "不明" answer decides the outcome. */
export type Tri = true | false | 'unknown';

export interface PersonContext {
  person: HouseholdPerson;
  eventDate: string;
  isSubject: boolean;
}

function and(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}

function or(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

/** An answer list check where "不明" is unknown unless the rule lists "不明" itself. */
function among<T extends string>(value: T, list: readonly T[]): Tri {
  if (list.includes(value)) return true;
  return value === '不明' ? 'unknown' : false;
}

export function evaluate(c: PersonCondition, ctx: PersonContext): Tri {
  const { person: p, eventDate } = ctx;
  if ('lawAgeAtLeast' in c) return lawAgeOn(p.birthDate, eventDate) >= c.lawAgeAtLeast;
  if ('lawAgeBelow' in c) return lawAgeOn(p.birthDate, eventDate) < c.lawAgeBelow;
  if ('untilFiscalYearEndAfterAge' in c) return withinFiscalYearOfAge(p.birthDate, c.untilFiscalYearEndAfterAge, eventDate);
  if ('school' in c) {
    const s = schoolStageOn(p.birthDate, eventDate);
    return s.level === '小学校' || (c.school === 'compulsory' && s.level === '中学校');
  }
  if ('relation' in c) return c.relation.includes(p.relation);
  if ('healthInsurance' in c) return among(p.healthInsurance, c.healthInsurance);
  if ('pension' in c) return among(p.pension, c.pension);
  if ('careCertified' in c) return p.careCertified === c.careCertified;
  if ('cardOutdated' in c) return (p.cardOutdated ?? false) === c.cardOutdated;
  if ('subject' in c) return ctx.isSubject === c.subject;
  if ('all' in c) return and(c.all.map((x) => evaluate(x, ctx)));
  if ('any' in c) return or(c.any.map((x) => evaluate(x, ctx)));
  const inner = evaluate(c.not, ctx);
  return inner === 'unknown' ? 'unknown' : !inner;
}
