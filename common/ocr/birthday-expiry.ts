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
