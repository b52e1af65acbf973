/**
 * Folding of what tesseract typically gets wrong on card text, for parsing only (never applied to a
 * name that is stored: names keep their exact code points).
 */
const FULLWIDTH_DIGIT = /[０-９]/g;

export function asciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Characters the model reads for a printed hyphen or 長音 between digits. */
export const DASHES = '-－ー一‐‑–—―−ｰ';
const DASH_CLASS = `[${DASHES}]`;

/** Text for date / number parsing: ASCII digits, no spaces, look-alike letters between digits made digits. */
export function foldForNumbers(s: string): string {
  let t = asciiDigits(s).replace(/[\s\u3000]+/g, '');
  t = t.replace(/(?<=\d)[oOＯ〇](?=\d|[年月日])/g, '0').replace(/(?<=\d|^)[lI|｜](?=\d)/g, '1');
  return t;
}

/**
 * Dashes between two digits become one kind of hyphen: full-width when the digits are, ASCII otherwise. For
 * addresses only: a dot or comma between two digits is a hyphen read short (an address has no decimals).
 */
export function normalizeDashes(s: string): string {
  // a full-width hyphen is sometimes read as イー
  return s.replace(new RegExp(`([0-9０-９])\\s*(?:[イィ]?${DASH_CLASS}|[.．・,，])\\s*(?=[0-9０-９])`, 'g'), (_m, d: string) => (/[０-９]/.test(d) ? `${d}－` : `${d}-`));
}

export function isLatinName(s: string): boolean {
  const letters = s.replace(/[\s\u3000.,'-]/g, '');
  return letters.length >= 2 && /^[A-Za-zÀ-ÿ]+$/.test(letters);
}

export function isKatakanaText(s: string): boolean {
  const t = s.replace(/[\s\u3000]/g, '');
  return t.length >= 2 && /^[\u30a0-\u30ffー・]+$/.test(t);
}

/** How many digits (ASCII or full width) a read holds. */
export function countDigits(s: string): number {
  return (s.match(/[0-9０-９]/g) ?? []).length;
}
