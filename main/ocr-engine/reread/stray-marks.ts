import type { RecognizedSymbol } from '../../../common/ocr/recognized-line';
import { spelledBySymbols, withoutSymbols } from './repeated-glyphs';

/**
 * Marks no 住所 is written with and no character of one looks like: a speck, a pattern's dot or a smudge the
 * model read as one (コー※ポ山田 for コーポ山田). Marks that are the model's reads of an address's own
 * characters stay for the checks that know them: 〒 (七丁 squeezed), ＋ (十), ＝ (二), ＊ (米), ＃ (井),
 * □ (口), ° (〇); so do parentheses, the middle dot and dashes, which a 方書 may hold ((山田方), ・, －).
 */
export const NOT_IN_ADDRESS = /[※★☆♪◎●■△▲▽▼◆◇‡§¶©®™℃€£¢＠@％%＾^]/u;

/** A reading of a 住所 row without the marks no address holds, its symbols with them (text alone when they do not spell it). */
export function withoutMarksNoAddressHolds<C extends { text: string; symbols: RecognizedSymbol[] }>(c: C): C {
  if (!NOT_IN_ADDRESS.test(c.text)) return c;
  if (spelledBySymbols(c)) return withoutSymbols(c, new Set(c.symbols.flatMap((s, i) => (NOT_IN_ADDRESS.test(s.text) ? [i] : []))));
  return { ...c, text: [...c.text].filter((ch) => !NOT_IN_ADDRESS.test(ch)).join('').trim(), symbols: c.symbols.filter((s) => !NOT_IN_ADDRESS.test(s.text)) };
}
