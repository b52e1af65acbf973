import type { LifeEvent, Relation } from '../domain/household';

/**
 * When a confirmed card read (OCR today, the IC chip through the same confirmed-card path later) starts
 * a 住民基本台帳 search by itself, and with what: the card on the counter already gives the register's
 * two keys, 氏名 and 生年月日, so the clerk does not type them again into 「住民を検索」.
 *
 * Only the 本人's card searches: the household is taken with the found resident as its 本人, so a
 * family member's or a 届出人's card (the spouse reporting a death) must not make them the 本人. Not for
 * a 転入 (the person is not in this city's register yet), and not once the household came from the
 * register (the card is then only compared with it, card-register-diff.ts). A read without a name or a
 * day of birth searches nothing: the clerk searches by hand.
 */
export interface CardLookupInput {
  event: LifeEvent;
  /** the case's person the confirmed card became (after it was applied) */
  relation: Relation | undefined;
  /** whether any person of the case already came from the register */
  householdFromRegister: boolean;
  card: { familyName: string; givenName: string; birthDate: string };
}

export function cardLookupQuery(x: CardLookupInput): { name: string; birthDate: string } | null {
  if (x.event === '転入' || x.householdFromRegister || x.relation !== '本人') return null;
  const name = `${x.card.familyName.trim()} ${x.card.givenName.trim()}`.trim();
  if (name === '' || !/^\d{4}-\d{2}-\d{2}$/.test(x.card.birthDate)) return null;
  return { name, birthDate: x.card.birthDate };
}
