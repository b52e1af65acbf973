/**
 * A My Number card of a Japanese national is valid until a birthday of its holder (the 10th after issue
 * from age 18, the 5th before): its 有効期限 falls on the 生年月日's month and day. A foreign resident's card
 * may end with the period of stay instead, so only the other layouts are held to it.
 */
export function expiryFallsOnBirthday(birthIso: string, expiryIso: string): boolean {
  const b = birthIso.slice(5);
  const e = expiryIso.slice(5);
  if (b === e) return true;
  // born on 29 February: the birthday of a common year is taken as 28 February or 1 March
  return b === '02-29' && (e === '02-28' || e === '03-01');
}

/** The day one month after a birthday in the expiry's year (the 31st of a shorter month is its last day). */
function monthAfter(birthIso: string, expiryYear: number): string {
  const m = Number(birthIso.slice(5, 7));
  const d = Number(birthIso.slice(8, 10));
  const y = expiryYear;
  const nm = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(y, nm, 0)).getUTCDate();
  return `${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Whether a card's 有効期限 fits its 生年月日 under the layout's rule (card-layouts.ts): on a birthday, on it or a
 * month after, or any day. A misfit means one of the two dates is misread.
 */
export function expiryFitsBirthday(rule: 'birthday' | 'birthday-or-month-after' | 'any', birthIso: string, expiryIso: string): boolean {
  if (rule === 'any' || expiryFallsOnBirthday(birthIso, expiryIso)) return true;
  return rule === 'birthday-or-month-after' && expiryIso.slice(5) === monthAfter(birthIso, Number(expiryIso.slice(0, 4)));
}
