/**
 * Ages the way Japanese law counts them (年齢計算ニ関スル法律 with 民法 §143): age is counted from
 * the day of birth, and one "reaches" age N (満N歳に達する) at the end of the day before the N-th
 * birthday. So on the day before the birthday the person is already N in law.
 *
 * Chosen convention, used everywhere in the app: `lawAgeOn(birth, d)` is the age in law on day d,
 * i.e. the ordinary age on d + 1 day. A person born on 29 February reaches a new age at the end of
 * 28 February in common years (the day before 1 March), which this rule gives without a special case.
 * All dates are ISO YYYY-MM-DD strings, compared as calendar days (no time zone involved).
 */

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Ordinary (calendar) age on `on`: birthdays counted on the birthday itself. */
export function calendarAgeOn(birth: string, on: string): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Age in law on `on` (see the file comment). */
export function lawAgeOn(birth: string, on: string): number {
  return calendarAgeOn(birth, addDays(on, 1));
}

/** The day on which, in law, the person reaches age `n`: the day before the n-th birthday. */
export function dayReachingAge(birth: string, n: number): string {
  const [by, bm, bd] = parts(birth);
  // the n-th birthday; 29 Feb in a common year becomes 1 March, so the day before is 28 Feb
  const t = Date.UTC(by + n, bm - 1, bd);
  return addDays(new Date(t).toISOString().slice(0, 10), -1);
}

/** The first 31 March on or after `iso` (the end of the Japanese fiscal and school year). */
export function fiscalYearEndOnOrAfter(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const march31 = `${y}-03-31`;
  return iso <= march31 ? march31 : `${y + 1}-03-31`;
}

/**
 * "Up to the 31 March after reaching age n" (児童手当: 18歳に達する日以後の最初の3月31日まで):
 * true while `on` is not later than that 31 March.
 */
export function withinFiscalYearOfAge(birth: string, n: number, on: string): boolean {
  return on <= fiscalYearEndOnOrAfter(dayReachingAge(birth, n));
}
