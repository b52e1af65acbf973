import { leadingLabel, misreadTwoCharLabel } from './card-labels';
import type { RecognizedLine } from './recognized-line';
import { cutAfterSymbol, symbolsSpellText } from './line-parts';

/** A gap this many text heights wide where the script changes splits a line (宮崎 正人 | MIYAZAKI MASATO). */
const SPLIT_GAP = 0.6;
/** The least of a name before the gap (林 凛) and of roman letters after it: less is a speck read as letters (oe). */
const MIN_NAME_CHARS = 2;
const MIN_ROMAN_LETTERS = 3;

const LATIN = /^[A-Za-z]$/;
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]$/u;
const scriptOf = (t: string): 'latin' | 'japanese' | null => (LATIN.test(t) ? 'latin' : JAPANESE.test(t) ? 'japanese' : null);

/**
 * A line the line finder joined across a wide gap where the text changes from Japanese to Latin letters, as
 * two lines: a next-generation design prints the roman name beside the kanji name on its row, and the two
 * together read as neither. Unchanged when the symbols do not spell the text.
 */
export function splitAtScriptGap(l: RecognizedLine): RecognizedLine[] {
  const syms = l.symbols;
  if (!symbolsSpellText(l)) return [l];
  for (let i = 0; i + 1 < syms.length; i++) {
    const a = scriptOf(syms[i]!.text);
    const b = scriptOf(syms[i + 1]!.text);
    if (a !== 'japanese' || b !== 'latin' || syms[i + 1]!.x0 - syms[i]!.x1 < SPLIT_GAP * l.glyphH) continue;
    // a name and the roman name after it: at least two characters of the one (林 凛) and three letters of the
    // other; a label before its value (氏名 LE DAVID) stays on the value's line, where the fields expect it
    const before = syms.slice(0, i + 1).map((s) => s.text).join('');
    const latin = syms.slice(i + 1).filter((s) => LATIN.test(s.text)).length;
    if ([...before].length < MIN_NAME_CHARS || latin < MIN_ROMAN_LETTERS || leadingLabel(before) !== null || ([...before].length === 2 && misreadTwoCharLabel(before, ['name', 'address', 'sex']))) continue;
    const [left, right] = cutAfterSymbol(l, i);
    return [left, ...splitAtScriptGap(right)];
  }
  return [l];
}
