import type { HealthInsurance, LifeEvent, Pension, Relation } from '../domain/household';

/**
 * 手続きナビ rules are data: a city's IT staff can read, disable, change or add them without
 * code (see city-config.ts). A rule says for which events it applies, which form it needs, who in
 * the household triggers it (a small condition language, below), and the legal deadline.
 *
 * Conditions are three-valued: a "不明" answer makes a condition on it unknown, and an unknown
 * result becomes a 確認が必要 entry instead of a guess.
 */
export type PersonCondition =
  /** age in law on the event date (common/domain/age.ts) */
  | { lawAgeAtLeast: number }
  | { lawAgeBelow: number }
  /** not later than the first 31 March after reaching this age (児童手当: 18) */
  | { untilFiscalYearEndAfterAge: number }
  /** in 小学校 (elementary) or 小・中学校 (compulsory) on the event date, by the school-year rule */
  | { school: 'elementary' | 'compulsory' }
  | { relation: readonly Relation[] }
  | { healthInsurance: readonly HealthInsurance[] }
  | { pension: readonly Pension[] }
  | { careCertified: boolean }
  /** the card's 氏名 or 住所 differs from the 住民基本台帳 (common/register/card-register-diff.ts) */
  | { cardOutdated: boolean }
  /** the person the event is about: the newborn (出生), the deceased (死亡) */
  | { subject: boolean }
  | { all: readonly PersonCondition[] }
  | { any: readonly PersonCondition[] }
  | { not: PersonCondition };

export interface Deadline {
  days: number;
  /**
   * 戸籍法 §43 counts the day of the event as day 1 (出生届 14 days, 死亡届 7 days); other laws
   * follow 民法 §140 and start counting the next day (転入 14 days → event date + 14).
   */
  countFirstDay: boolean;
}

export interface NavigatorRule {
  /** stable id, used by city overrides and tests */
  id: string;
  events: readonly LifeEvent[];
  formId: string;
  /** whether the resident must (or, for benefits, should today) file it; false = on request */
  required: boolean;
  /**
   * case: once per case, nobody in particular; household: one entry listing everyone matching
   * `who` (one form covers them); perPerson: one entry per matching person
   */
  scope: 'case' | 'household' | 'perPerson';
  who?: PersonCondition;
  /** case-level condition: at least `count` persons match `who` */
  householdMin?: { who: PersonCondition; count: number };
  /** who fills the form's person list: the persons matched (default) or the event's subject(s) */
  fill?: 'matched' | 'subjects';
  deadline: Deadline | null;
  /** Japanese; `{who}` = the matched persons ("3歳のお子さま"), `{school}` = 学年 (perPerson only) */
  reason: string;
  /** Japanese, for unknown answers; `{who}` = the persons whose answer is 不明 */
  confirmReason?: string;
  legalBasis?: string;
}
