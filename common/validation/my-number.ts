import { toAsciiDigits } from './digits';

/**
 * 個人番号 (My Number): 12 digits, the last a check digit (番号法施行令 §8):
 * weights 6,5,4,3,2,7,6,5,4,3,2 over d1..d11; r = Σ mod 11; check = r ≤ 1 ? 0 : 11 − r.
 * 個人番号 is 特定個人情報: messages never echo it back, and `maskMyNumber` is what a screen shows.
 */
const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(first11[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export type MyNumberParse = { ok: true; digits: string } | { ok: false; message: string };

export function parseMyNumber(raw: string): MyNumberParse {
  if (raw.length > 40) return { ok: false, message: '個人番号が長すぎます。' };
  // spaces and hyphens are how people group it (4-4-4); nothing else is stripped
  const s = toAsciiDigits(raw).replace(/[\s\u3000\-\uFF0D]/gu, '');
  if (!/^\d{12}$/.test(s)) return { ok: false, message: '個人番号は12桁の数字で入力してください。' };
  if (myNumberCheckDigit(s.slice(0, 11)) !== Number(s[11])) {
    return { ok: false, message: '個人番号の検査用数字が一致しません。番号を確認してください。' };
  }
  return { ok: true, digits: s };
}

export function maskMyNumber(digits: string): string {
  return digits.length === 12 ? `********${digits.slice(8)}` : '************';
}
