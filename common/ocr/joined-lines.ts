import { leadingLabel, misreadTwoCharLabel } from './card-labels';
import { FIELD_TUNING as T } from './field-tuning';
import { cutAfterSymbol, symbolsSpellText } from './line-parts';
import type { RecognizedLine } from './recognized-line';
import { splitAtScriptGap } from './script-gap';

const LATIN_LETTER = /^[A-Za-z]$/;
/** what a roman name holds besides its letters */
const ROMAN_MARK = /^[,.'-]$/;
/** the fewest letters that make a roman name after the cut (less is a speck read as letters) */
const MIN_ROMAN_LETTERS = 3;
/** at most this many characters before a roman name are cut off (a misread two-character label, a speck) */
const MAX_LEAD = 2;

/**
 * The lines as the fields are found in them, each input line's parts in its place. The line finder joins what
 * stands close on a row; what is no one field is cut apart here (each cut at a symbol, so each part keeps its
 * own box for the re-reads):
 * - a kanji name and the roman name printed beside it (splitAtScriptGap);
 * - a roman name and the one or two characters before it: a roman name holds nothing but letters, so they are
 *   a misread label (丘名 KIM) or a speck read as a character (でCHEN);
 * - a misread 氏名 or 住所 and its value (兵名 濵田), where the line starts in the card's label column (where the
 *   labels read as such start) and the two stand apart: a family name ending in 名 (椎名) starts where values do.
 * A misread 氏名 cut off in the label column is spelled 氏名 (asNameLabel).
 * Lines whose symbols do not spell their text stay as they are.
 */
export function splitJoinedLines(lines: RecognizedLine[]): RecognizedLine[][] {
  const labelColumn = lines.filter((l) => leadingLabel(l.text) !== null).map((l) => l.x0);
  return lines.map((l) => splitAtScriptGap(l).flatMap((p) => splitLeadingLabel(p, labelColumn)));
}

function splitLeadingLabel(l: RecognizedLine, labelColumn: number[]): RecognizedLine[] {
  if (!symbolsSpellText(l) || leadingLabel(l.text) !== null) return [l];
  const syms = l.symbols.map((s) => s.text);
  const inColumn = labelColumn.some((x) => Math.abs(x - l.x0) <= T.labelColumnSlack * l.glyphH);
  for (let k = 1; k <= MAX_LEAD && k < syms.length; k++) {
    const rest = syms.slice(k);
    if (syms.slice(0, k).some((c) => LATIN_LETTER.test(c))) break;
    if (!(rest.every((c) => LATIN_LETTER.test(c) || ROMAN_MARK.test(c)) && LATIN_LETTER.test(rest[0]!) && rest.filter((c) => LATIN_LETTER.test(c)).length >= MIN_ROMAN_LETTERS)) continue;
    const [lead, value] = cutAfterSymbol(l, k - 1);
    return [k === 2 && inColumn && misreadTwoCharLabel(lead.text, ['name']) ? asNameLabel(lead) : lead, value];
  }
  const apart = syms.length > 2 && l.symbols[2]!.x0 - l.symbols[1]!.x1 >= T.labelValueGap * l.glyphH;
  if (inColumn && apart && misreadTwoCharLabel(syms.slice(0, 2).join(''), ['name', 'address'])) {
    const [lead, value] = cutAfterSymbol(l, 1);
    return [misreadTwoCharLabel(lead.text, ['name']) ? asNameLabel(lead) : lead, value];
  }
  return [l];
}

/**
 * A misread 氏名 in the labels' column, cut off its value, spelled as the label it is: left as read (兵名), its
 * two kanji are a name of their own to the field finder, which took them for the card's name on a foreign
 * resident's card (兵名 | LOPEZ THI HUONG read as the name 兵名).
 */
function asNameLabel(lead: RecognizedLine): RecognizedLine {
  return { ...lead, text: '氏名' };
}
