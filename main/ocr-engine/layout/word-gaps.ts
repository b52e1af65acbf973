import type { CharBox } from './text-lines';

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
} as const;

/**
 * How many words a row of roman letters prints, by its gaps: the line finder's pieces (one per letter, or
 * pieces of one) joined where they overlap across, and the gaps between them that are clearly wider than the
 * others. Null when the row has fewer than three letters to compare gaps between.
 */
export function printedWords(pieces: readonly CharBox[], glyphH: number): number | null {
  const letters: { x0: number; x1: number }[] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = letters.at(-1);
    if (last && p.x0 <= last.x1) last.x1 = Math.max(last.x1, p.x1);
    else letters.push({ x0: p.x0, x1: p.x1 });
  }
  if (letters.length < 3 || glyphH <= 0) return null;
  const gaps = letters.slice(1).map((l, i) => l.x0 - letters[i]!.x1 - 1);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const cut = Math.max(WORD_GAP.min * glyphH, WORD_GAP.overMedian * median);
  return 1 + gaps.filter((g) => g >= cut).length;
}

/** The words of a reading (runs between spaces of either width). */
export function wordCount(text: string): number {
  return text.split(/[\s\u3000]+/).filter(Boolean).length;
}
