import type { CharBox } from './text-lines';
import type { RecognizedSymbol } from '../../../common/ocr/recognized-line';

/**
 * When a gap between letters of a roman-letter row is a space between words. Measured on the generated
 * foreign cards' names, in the row's text heights: a scan of CHEN JI HOON has gaps of 0.18–0.30 inside its
 * words (wider beside a thin I) and 0.55, 0.61 between them; a phone photo of SHARMA JI HOON, set tighter,
 * 0.07–0.17 inside and 0.34, 0.49 between. So a word gap is judged against the row's own gaps, with a floor.
 */
export const WORD_GAP = {
  /** a word gap is at least this many text heights … */
  min: 0.25,
  /** … and at least this many times the row's median gap (a letter-spaced row has wide gaps everywhere) */
  overMedian: 2,
  /**
   * a word gap is put between the two letters of a reading whose boxes meet this near its middle (text
   * heights): the model's boxes lie a little off its glyphs, never a whole letter
   */
  reach: 0.5,
  /**
   * the gaps that pass the cut split again where one is at least this many times the next narrower one, the
   * widest such step: a small print's gaps beside a thin I pass the cut (OLIVEIRA DAVID at 22 px: I→R 6 and
   * I→D 7 px, 3 between most letters, 12 between the words), and a word gap is ~1.7× the widest gap inside
   * a word (12 / 7 there; CHEN JI HOON 18 / 10)
   */
  step: 1.5,
} as const;

/**
 * The spaces between words a row of roman letters prints: the line finder's pieces (one per letter, or
 * pieces of one) joined where they overlap across, and the gaps between them that are clearly wider than the
 * others (of those, the ones past the widest step in width), in card px. Null when the row has fewer than
 * three letters to compare gaps between.
 */
export function printedWordGaps(pieces: readonly CharBox[], glyphH: number): { x0: number; x1: number }[] | null {
  const letters = printedLetters(pieces);
  if (letters.length < 3 || glyphH <= 0) return null;
  const gaps = letters.slice(1).map((l, i) => ({ x0: letters[i]!.x1 + 1, x1: l.x0 - 1 }));
  const width = (g: { x0: number; x1: number }): number => g.x1 - g.x0 + 1;
  const sorted = gaps.map(width).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const cut = Math.max(WORD_GAP.min * glyphH, WORD_GAP.overMedian * median);
  const passing = sorted.filter((w) => w >= cut);
  // the step into the passing gaps from the widest one left out, against the widest step among them
  const under = sorted.filter((w) => w < cut).at(-1);
  let floor = cut;
  let widest = under === undefined ? Infinity : passing[0]! / under;
  for (let i = 1; i < passing.length; i++) {
    const step = passing[i]! / passing[i - 1]!;
    if (step >= WORD_GAP.step && step > widest) {
      widest = step;
      floor = passing[i]!;
    }
  }
  return gaps.filter((g) => width(g) >= floor);
}

/** A roman-letter row's letters as printed, left to right: the line finder's pieces joined where they overlap across. */
export function printedLetters(pieces: readonly CharBox[]): { x0: number; x1: number }[] {
  const letters: { x0: number; x1: number }[] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = letters.at(-1);
    if (last && p.x0 <= last.x1) last.x1 = Math.max(last.x1, p.x1);
    else letters.push({ x0: p.x0, x1: p.x1 });
  }
  return letters;
}

/** How many words a row prints by its word gaps (printedWordGaps): one more than the gaps; null when they could not be told. */
export function wordsBetween(gaps: readonly { x0: number; x1: number }[] | null): number | null {
  return gaps === null ? null : gaps.length + 1;
}

/**
 * A reading of a roman-letter row with a space put at each word gap of the print it has none at (JI HOON read
 * JIHOON: every read ran the two words together), between the two letters the gap lies between. Where the
 * reading has as many letters as the print (`printed`, printedLetters), its i-th letter is the i-th printed
 * one; else where its letters' boxes place the gap: the boundary between two letters nearest the gap's middle,
 * within `reach` of the text height (the model's boxes are loose: CHEN JIHOON's J and I boxes overlap, and
 * their boundary lay nearer the gap after the J than the I's). The reading as it was when neither places every
 * gap.
 */
export function spacedAsPrinted(
  text: string,
  symbols: readonly RecognizedSymbol[],
  gaps: readonly { x0: number; x1: number }[],
  glyphH: number,
  printed: readonly { x0: number; x1: number }[] = [],
): string {
  const words = text.split(/[\s\u3000]+/).filter(Boolean);
  const letters = words.join('');
  const count = [...letters].length;
  const byPrint = printed.length === count && count >= 2;
  if ((!byPrint && (symbols.length !== count || symbols.length < 2)) || gaps.length + 1 <= words.length) return text;
  // the boundaries between letters (after letter i), and those the reading already spaces
  const spaced = new Set<number>();
  let n = 0;
  for (const w of words.slice(0, -1)) spaced.add((n += [...w].length) - 1);
  // where each boundary is: between letter i's end and letter i + 1's start, in the print or by the model's boxes
  const at: readonly { x0: number; x1: number }[] = byPrint ? printed : symbols;
  const boundaries = at.slice(1).map((s, i) => (at[i]!.x1 + s.x0) / 2);
  for (const g of gaps) {
    const mid = (g.x0 + g.x1) / 2;
    const off = boundaries.map((b) => Math.abs(b - mid));
    const best = off.indexOf(Math.min(...off));
    if (off[best]! > WORD_GAP.reach * glyphH) return text;
    spaced.add(best);
  }
  if (spaced.size !== gaps.length) return text;
  return [...letters].map((c, i) => (spaced.has(i) ? `${c} ` : c)).join('');
}

/** The words of a reading (runs between spaces of either width). */
export function wordCount(text: string): number {
  return text.split(/[\s\u3000]+/).filter(Boolean).length;
}
