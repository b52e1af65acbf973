import { DASHES, toAsciiDigits } from './digits';

/**
 * 電話番号 (domestic): starts with 0; 10 digits (固定電話, 0120, 050 is 11) or 11 digits (070/080/090/050/020).
 * Hyphens, spaces and parentheses are separators only: area-code lengths vary, so the clerk's grouping
 * is kept as typed (digits made ASCII) rather than re-grouped by a guess. +81 is turned into a leading 0.
 */
export type PhoneParse = { ok: true; value: string; digits: string } | { ok: false; message: string };

const MESSAGE = '電話番号は市外局番から10桁または11桁の数字で入力してください（例：03-1234-5678、090-1234-5678）。';

export function parsePhone(raw: string): PhoneParse {
  if (raw.length > 40) return { ok: false, message: '電話番号が長すぎます。' };
  let s = toAsciiDigits(raw.trim()).replace(/[\s\u3000]+/gu, ' ').replace(DASHES, '-').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  if (/^\+81/.test(s)) s = '0' + s.slice(3).replace(/^[\s-]*\(?0?\)?/, '');
  if (!/^[\d\-() ]+$/.test(s)) return { ok: false, message: MESSAGE };
  const digits = s.replace(/\D/g, '');
  if (!digits.startsWith('0')) return { ok: false, message: '電話番号は0から始まる番号を入力してください。' };
  const mobileLike = /^0[25789]0/.test(digits);
  const ok = mobileLike ? digits.length === 11 : digits.length === 10;
  if (!ok) return { ok: false, message: MESSAGE };
  return { ok: true, value: s.replace(/ +/g, '-').replace(/-+/g, '-'), digits };
}
