import { calendarAgeOn } from './age';
import type { RegisterRecord } from '../register/register-fill';
import type { CardFront } from '../register/card-register-diff';

/**
 * The household as the counter sees it: who lives together, how they are insured and what pension
 * they are in. The same person record feeds the navigator (手続きナビ) and fills every form (bind
 * paths in form definitions read these keys), so data is entered once per visit.
 */
export const LIFE_EVENTS = ['転入', '転出', '転居', '出生', '死亡', '婚姻'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

/** 続柄 relative to the 本人 of the case (世帯主 or the person the event is about). */
export const RELATIONS = ['本人', '配偶者', '子', '父母', 'その他'] as const;
export type Relation = (typeof RELATIONS)[number];

/** "不明" is an answer in its own right: rules must ask, never guess (see navigator/evaluate.ts). */
export const HEALTH_INSURANCES = ['国保', '社保', '後期高齢', 'なし', '不明'] as const;
export type HealthInsurance = (typeof HEALTH_INSURANCES)[number];

export const PENSIONS = ['国民年金', '厚生年金', 'なし', '不明'] as const;
export type Pension = (typeof PENSIONS)[number];

/**
 * The usual pairs of 健康保険 and 年金, set with one click when the resident's answer is one of them
 * (勤め先の健康保険 goes with 厚生年金, 国保 with 国民年金). A shortcut for an answer the clerk was
 * given, never a default: a person nobody asked stays 不明 on both.
 */
export const COVERAGE_PAIRS: readonly { label: string; healthInsurance: HealthInsurance; pension: Pension }[] = [
  { label: '会社員・公務員など', healthInsurance: '社保', pension: '厚生年金' },
  { label: '自営業・無職など', healthInsurance: '国保', pension: '国民年金' },
];

export const SEXES = ['男', '女'] as const;
export type Sex = (typeof SEXES)[number];

/** Where a checked 個人番号 was read: the QR code on the card's back, or the card's IC chip. */
export const MY_NUMBER_SOURCES = ['card-qr', 'card-chip'] as const;
export type MyNumberSource = (typeof MY_NUMBER_SOURCES)[number];

export interface HouseholdPerson {
  /** ISO date */
  birthDate: string;
  relation: Relation;
  healthInsurance: HealthInsurance;
  pension: Pension;
  /** holds a 要介護/要支援 認定 */
  careCertified: boolean;
  /** optional; when given, navigator reasons name the person ("山田 花子さん（3歳）") */
  name?: string;
  /** their card's 氏名 or 住所 differs from the 住民基本台帳 (券面記載事項変更 needed) */
  cardOutdated?: boolean;
}

/** A person of a visit case: the navigator's facts plus what the forms need. Names keep exact code points. */
export interface CasePerson extends HouseholdPerson {
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  sex?: Sex;
  /** 個人番号: 特定個人情報, only bound into forms that legally use it */
  myNumber?: string;
  /**
   * How `myNumber` was checked: read from this person's card (the QR code of its back, or its chip).
   * Absent when it was typed. Set only by the services when the clerk confirms a card read for this
   * person, and dropped as soon as the number changes (see common/cases/person-facts.ts): a number
   * is shown and printed as 確認済み on this fact alone, never because of how it looks.
   */
  myNumberSource?: MyNumberSource;
  nationality?: string;
  phone?: string;
  /** what the 住民基本台帳 holds for this person, when they were picked from it (common/register) */
  register?: RegisterRecord;
  /** the card's front as the clerk confirmed it, kept for a person from the register to compare */
  card?: CardFront;
}

export interface CaseHousehold {
  postalCode?: string;
  address?: string;
  previousPostalCode?: string;
  previousAddress?: string;
  /** 転出先 */
  nextAddress?: string;
  /** index into persons of the 世帯主; defaults to the 本人 */
  headIndex?: number;
}

/** What one counter visit knows: the event, its date, the household. Forms are filled from this. */
export interface VisitCaseData {
  event: LifeEvent;
  /** ISO date of the event (move, birth, death, marriage) */
  date: string;
  persons: readonly CasePerson[];
  household: CaseHousehold;
  /** index of the 届出人 / 請求者; defaults to the 本人 */
  applicantIndex?: number;
}

/**
 * What a person added to the household is taken to be covered by until the clerk answers. A 子 or
 * 配偶者 usually shares the 本人's health insurance (dependants are insured with the earner; the clerk
 * sees the choice and confirms it). Pension is never assumed: a 子 may be 37 and in 国民年金, a
 * dependent spouse is 第3号 whatever the 本人 is. Unanswered stays 不明, so the navigator asks (要確認)
 * instead of filing or skipping 国民年金 on a guess; under 20 the pension rules do not apply, so 不明
 * costs nothing for a child.
 */
export function assumedCoverage(relation: Relation, honnin?: Pick<HouseholdPerson, 'healthInsurance'>): Pick<HouseholdPerson, 'healthInsurance' | 'pension'> {
  const dependant = relation === '子' || relation === '配偶者';
  return { healthInsurance: honnin && dependant ? honnin.healthInsurance : '不明', pension: '不明' };
}

/** Relations of the 本人's generation and the one above: a 子 must be younger than each of them. */
const PARENT_SIDE: readonly Relation[] = ['本人', '配偶者'];

export function personLabel(p: HouseholdPerson, on: string, index: number): string {
  const age = calendarAgeOn(p.birthDate, on);
  if (p.name) return `${p.name}さん（${age}歳）`;
  switch (p.relation) {
    case '子':
      return `${age}歳のお子さま`;
    case '本人':
      return `本人（${age}歳）`;
    case '配偶者':
      return `配偶者（${age}歳）`;
    case '父母':
      return `父母（${age}歳）`;
    case 'その他':
      return `世帯員${index + 1}（${age}歳）`;
  }
}

/**
 * Facts that cannot all be true. Returned as Japanese messages naming the person (1-based, as the
 * clerk sees the list); an empty array means the household is consistent.
 */
export function householdErrors(persons: readonly HouseholdPerson[], eventDate: string): string[] {
  const errors: string[] = [];
  const no = (i: number) => `${i + 1}人目（${persons[i]!.relation}）`;
  persons.forEach((p, i) => {
    if (p.birthDate > eventDate) errors.push(`${no(i)}の生年月日（${p.birthDate}）が届出の日付（${eventDate}）より後です。`);
  });
  const honnin = persons.filter((p) => p.relation === '本人').length;
  if (honnin > 1) errors.push('本人が2人以上います。本人は1人だけ選んでください。');
  const spouses = persons.filter((p) => p.relation === '配偶者').length;
  if (spouses > 1) errors.push('配偶者が2人以上います。');
  persons.forEach((child, i) => {
    if (child.relation !== '子') return;
    persons.forEach((parent, j) => {
      if (!PARENT_SIDE.includes(parent.relation)) return;
      if (child.birthDate <= parent.birthDate) {
        errors.push(`${no(i)}の生年月日（${child.birthDate}）が親である${no(j)}（${parent.birthDate}）と同じか前です。子が親より年上になっています。`);
      }
    });
  });
  persons.forEach((elder, i) => {
    if (elder.relation !== '父母') return;
    persons.forEach((p, j) => {
      if (p.relation === '本人' && elder.birthDate >= p.birthDate) {
        errors.push(`${no(i)}の生年月日（${elder.birthDate}）が子である${no(j)}（${p.birthDate}）と同じか後です。親が子より年下になっています。`);
      }
    });
  });
  return errors;
}
