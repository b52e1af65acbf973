import type { HealthInsurance, Pension } from '../domain/household';

/**
 * What the register owner's status words mean for the 手続きナビ's facts about a person. The words are
 * the register owner's (the API annex that would fix them is not public, see register-mapping.ts), so
 * they are read by the few patterns below, each with its reason; a word none of them knows leaves the
 * fact 不明, and the navigator asks (確認が必要) instead of guessing.
 */
export interface RegisterStatusWords {
  kokuho?: string;
  kaigo?: string;
  kouki?: string;
  nenkin?: string;
  /** the systems' numbers for the person, where they hold one (register-mapping.ts STATUS_NUMBERS) */
  kokuhoNumber?: string;
  koukiNumber?: string;
  kaigoNumber?: string;
  basicPensionNumber?: string;
}

/** 被保険者 (and 被扶養者 where a system words it so) is "insured"; 喪失・非該当・なし say the opposite. */
const INSURED = /被保険者|加入/u;
const NOT_INSURED = /喪失|非該当|なし|無/u;
/** 国民年金 第2号 is the 厚生年金 member, and a 厚生 pension paid is the 厚生年金 one. */
const KOSEI = /第2号|厚生/u;
/** 第1号・第3号 are 国民年金 members; 基礎年金・国民年金 paid, or another pension received, are 国民年金. */
const KOKUMIN = /第1号|第3号|基礎|国民|受給/u;
/** 要介護1–5 and 要支援1–2 are a 認定; 認定なし / 非該当 are not. */
const CARE = /要介護|要支援/u;

export interface StatusFacts {
  healthInsurance: HealthInsurance;
  pension: Pension;
  careCertified: boolean;
}

const insured = (w: string | undefined): boolean => w !== undefined && INSURED.test(w) && !NOT_INSURED.test(w);

/**
 * The facts a person's status gives. `answered` false (the city has no status lookup, or it failed):
 * everything the clerk must ask stays 不明.
 */
export function statusFacts(s: RegisterStatusWords | undefined): StatusFacts {
  if (!s) return { healthInsurance: '不明', pension: '不明', careCertified: false };
  // 後期高齢 before 国保: at 75 a person leaves 国保 for 後期高齢者医療, a stale 国保 word loses
  const healthInsurance: HealthInsurance = insured(s.kouki) ? '後期高齢' : insured(s.kokuho) ? '国保' : '不明';
  const pension: Pension = s.nenkin === undefined ? '不明' : KOSEI.test(s.nenkin) ? '厚生年金' : KOKUMIN.test(s.nenkin) ? '国民年金' : NOT_INSURED.test(s.nenkin) ? 'なし' : '不明';
  return { healthInsurance, pension, careCertified: s.kaigo !== undefined && CARE.test(s.kaigo) };
}
