/**
 * Clerks and card chips hand us full-width digits (０-９) and a zoo of dashes. Only these are
 * folded to ASCII: an explicit table, never NFKC, which would also rewrite other characters.
 */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Hyphen-like characters typed or read from cards: - ‐ ‑ ‒ – — ― − － ｰ ー */
export const DASHES = /[-\u2010-\u2015\u2212\uFF0D\uFF70\u30FC]/g;

/** Input longer than this many UTF-16 units is refused before any pattern runs: a paste gone wrong. */
export const HARD_INPUT_LIMIT = 10_000;

export function tooLong(raw: string, limit = HARD_INPUT_LIMIT): boolean {
  return raw.length > limit;
}

export const TOO_LONG_MESSAGE = '入力が長すぎます。貼り付けた内容を確認してください。';
