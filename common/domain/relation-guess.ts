import { calendarAgeOn } from './age';
import type { Relation } from './household';

/**
 * A newly read family member's 続柄 to the 本人, guessed from birth dates where the answer is clear;
 * the UI shows a guess as 「推定」 and the clerk can change it. Null when nothing can be said.
 * - 15+ years younger than the 本人 and (when known) the spouse → 子
 * - 15+ years older than the 本人 → 父母
 * - an adult within 15 years of the 本人, sharing the family name, when there is no 配偶者 yet → 配偶者
 */
export interface GuessPerson {
  relation: Relation;
  birthDate: string;
  familyName?: string;
}

export const GENERATION_YEARS = 15;

export function guessRelation(p: { birthDate: string; familyName?: string }, household: readonly GuessPerson[], on: string): Relation | null {
  const honnin = household.find((h) => h.relation === '本人' && /^\d{4}-\d{2}-\d{2}$/.test(h.birthDate));
  if (!honnin || !/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)) return null;
  const years = (a: string, b: string) => calendarAgeOn(a, b);
  // how many full years the 本人 is older (positive) or younger (negative)
  const olderBy = p.birthDate >= honnin.birthDate ? years(honnin.birthDate, p.birthDate) : -years(p.birthDate, honnin.birthDate);
  const spouse = household.find((h) => h.relation === '配偶者' && /^\d{4}-\d{2}-\d{2}$/.test(h.birthDate));
  if (olderBy >= GENERATION_YEARS && (!spouse || spouse.birthDate < p.birthDate)) return '子';
  if (olderBy <= -GENERATION_YEARS) return '父母';
  const adult = calendarAgeOn(p.birthDate, on) >= 18;
  const sameFamily = !!p.familyName && p.familyName === honnin.familyName;
  if (Math.abs(olderBy) < GENERATION_YEARS && adult && sameFamily && !spouse) return '配偶者';
  return null;
}
