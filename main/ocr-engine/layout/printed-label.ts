import { LABEL } from '../../../common/ocr/card-labels';
import { crop, type GrayImage } from '../image/gray-image';
import { glyphDistances } from '../kanji/variant-shape';
import { glyphAtlas } from '../kanji/glyph-atlas';
import { pitchCells } from './pitch-cells';
import type { CharBox, TextLine } from './text-lines';

/**
 * A line that is a card's label alone (住所, 氏名, 生年月日, 有効期限, 性別) is known by its print, without the
 * model: each of its characters is compared with the label's drawn in the glyph atlas's typefaces, by the
 * chamfer test the variants use. Labels are ~10 % of a card's first-read width (up to a quarter on designs
 * that label every row), and the model misread the small grey print of 氏名 (as 兵名, 虐釧, 直省…) in 51 of the
 * 183 whose shape the test was sure of on the sets below. A line the test is not sure of goes to the model as before.
 *
 * Measured on 6 tuning sets (288 cards, 1,234 lines of 2 or 4 characters; scripts kept out of the repo):
 * every line the model read as a label, or as one misread, had each character ≤ 0.7 of the distance to any
 * other label character and ≤ 2.5 from its own where the test was sure (459 lines); every line where the
 * shape named another label than the model read was ≥ 1.19 in that ratio, and no name, date or address
 * line came under 1.0.
 */
export const PRINTED_LABEL = {
  /** each character's distance to the label's, at most this share of its distance to any other label character */
  maxCellRatio: 0.7,
  /** … and at most this far from it (chamfer, GLYPH px): a blurred print the test cannot vouch for goes to the model */
  maxDistance: 2.5,
  /** the confidence the label's line and characters are given (the model's for a clean label: 0.8–0.96) */
  confidence: 0.9,
} as const;

/** The labels a print can be compared with: the kanji ones (the atlas draws no kana, so フリガナ is the model's). */
const SHAPE_LABELS: readonly string[] = Object.values(LABEL)
  .map((l) => l.text)
  .filter((t) => /^\p{Script=Han}+$/u.test(t));
const LABEL_CHARS: readonly string[] = [...new Set(SHAPE_LABELS.flatMap((t) => [...t]))];
const LENGTHS = new Set(SHAPE_LABELS.map((t) => [...t].length));

export interface PrintedLabel {
  /** the label as spelled */
  text: string;
  /** its characters' boxes on the card, left to right */
  cells: CharBox[];
}

/** The label `line` prints, or null when it is no label alone or its print is not plain enough to say. */
export function printedLabel(card: GrayImage, line: TextLine): PrintedLabel | null {
  const cells = pitchCells([...line.chars], line.glyphH);
  if (!LENGTHS.has(cells.length)) return null;
  const glyphs = cells.map((c) => crop(card, c.x0, c.y0, c.x1 - c.x0 + 1, c.y1 - c.y0 + 1));
  // first each character against the labels' own characters there only, left to right: most lines are no
  // label and fail at their first character, in two or three comparisons
  let spellings = SHAPE_LABELS.filter((t) => [...t].length === cells.length);
  for (let i = 0; i < cells.length && spellings.length > 0; i++) {
    const own = glyphDistances(glyphs[i]!, new Set(spellings.map((t) => [...t][i]!)));
    spellings = spellings.filter((t) => (own?.get([...t][i]!) ?? Infinity) <= PRINTED_LABEL.maxDistance);
  }
  // … then against every other label character
  const text = spellings.find((t) =>
    [...t].every((ch, i) => {
      const d = glyphDistances(glyphs[i]!, LABEL_CHARS);
      const others = d ? [...d].filter(([k]) => k !== ch).map(([, v]) => v) : [];
      const mine = d?.get(ch);
      return mine !== undefined && others.length > 0 && mine <= PRINTED_LABEL.maxCellRatio * Math.min(...others);
    }),
  );
  return text ? { text, cells } : null;
}

/** The labels' characters drawn from the atlas now (when the preprocessing worker starts), not during the first card's read. */
export function loadLabelShapes(): void {
  for (const c of LABEL_CHARS) glyphAtlas()?.shapes(c);
}
