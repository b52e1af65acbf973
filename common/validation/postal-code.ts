import { DASHES, toAsciiDigits } from './digits';

/** 郵便番号: 7 digits, shown as 123-4567. Accepts 〒, full-width digits and any dash, 3-4 grouping or none. */
export type PostalCodeParse = { ok: true; digits: string; display: string } | { ok: false; message: string };

export function parsePostalCode(raw: string): PostalCodeParse {
  if (raw.length > 40) return { ok: false, message: '郵便番号が長すぎます。' };
  const s = toAsciiDigits(raw).replace(/^[\s\u3000]*〒?[\s\u3000]*/u, '').replace(/[\s\u3000]+$/u, '').replace(DASHES, '-');
  const m = /^(\d{3})-?(\d{4})$/.exec(s);
  if (!m) return { ok: false, message: '郵便番号は7桁の数字で入力してください（例：123-4567）。' };
  return { ok: true, digits: `${m[1]}${m[2]}`, display: `${m[1]}-${m[2]}` };
}

export function formatPostalCode(digits: string): string {
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits;
}
