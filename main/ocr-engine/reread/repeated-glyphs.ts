import type { RecognizedSymbol } from '../../../common/ocr/recognized-line';

/**
 * What the model's symbol boxes say about one printed glyph read as several characters. Lengths in the
 * row's text height. On letter-spaced ruby the model often spells one glyph twice, or adds a sliver
 * character between two (ヒラノ read ヒラヲラノ, シバタ read シバパバタ), with boxes that show it.
 */
export const REPEATED_GLYPH_TUNING = {
  /** no kana is this narrow: a symbol that thin, touching another, is a sliver of a neighbouring glyph */
  minWidth: 0.3,
  /** a box may stick out of the one it repeats by this much and still lie within it */
  slack: 0.1,
  /** two identical symbols side by side that together span at most this are one glyph read twice */
  maxGlyph: 1.3,
} as const;

const width = (s: RecognizedSymbol): number => s.x1 - s.x0;
const within = (inner: RecognizedSymbol, outer: RecognizedSymbol, slack: number): boolean => inner.x0 >= outer.x0 - slack && inner.x1 <= outer.x1 + slack;

/**
 * Indices of symbols that repeat a glyph another symbol already stands for: slivers (narrower than any kana
 * and touching a neighbour), a symbol lying inside another with the same text, and a pair of identical
 * symbols together no wider than one glyph (the less confident one goes).
 */
export function repeatedGlyphs(symbols: readonly RecognizedSymbol[], textHeight: number): Set<number> {
  const T = REPEATED_GLYPH_TUNING;
  const slack = T.slack * textHeight;
  const drop = new Set<number>();
  symbols.forEach((s, i) => {
    const touches = (j: number): boolean => j >= 0 && j < symbols.length && symbols[j]!.x0 <= s.x1 + 1 && s.x0 <= symbols[j]!.x1 + 1;
    if (width(s) < T.minWidth * textHeight && (touches(i - 1) || touches(i + 1))) drop.add(i);
  });
  symbols.forEach((s, i) => {
    if (drop.has(i)) return;
    for (let j = 0; j < symbols.length; j++) {
      const o = symbols[j]!;
      if (j === i || drop.has(j) || o.text !== s.text) continue;
      const inside = within(s, o, slack) && width(o) > width(s);
      const pair = Math.abs(j - i) <= 2 && Math.max(s.x1, o.x1) - Math.min(s.x0, o.x0) <= T.maxGlyph * textHeight && (s.confidence < o.confidence || (s.confidence === o.confidence && i > j));
      if (inside || pair) {
        drop.add(i);
        return;
      }
    }
  });
  return drop;
}

/**
 * A reading without its repeated glyphs: its text loses those characters (spaces stay where they were),
 * its symbols the dropped ones. Unchanged when the symbols do not spell the text.
 */
export function withoutRepeatedGlyphs<C extends { text: string; symbols: RecognizedSymbol[] }>(c: C, textHeight: number): C {
  return spelledBySymbols(c) ? withoutSymbols(c, repeatedGlyphs(c.symbols, textHeight)) : c;
}

/** Whether a reading's symbols spell its text, one character each (its spaces aside). */
export function spelledBySymbols(c: { text: string; symbols: RecognizedSymbol[] }): boolean {
  return [...c.text].filter((ch) => !/\s/.test(ch)).join('') === c.symbols.map((s) => s.text).join('') && c.symbols.every((s) => [...s.text].length === 1);
}

/** A reading without the symbols at `drop` and their characters (spaces stay where they were, one of a run). */
export function withoutSymbols<C extends { text: string; symbols: RecognizedSymbol[] }>(c: C, drop: ReadonlySet<number>): C {
  if (drop.size === 0) return c;
  let k = 0;
  const text = [...c.text].filter((ch) => /\s/.test(ch) || !drop.has(k++)).join('');
  return { ...c, text: text.replace(/\s+/g, (m) => m[0]!).trim(), symbols: c.symbols.filter((_, i) => !drop.has(i)) };
}

/**
 * A kana without its voicing mark (ボ, ポ → ホ), for comparison only: one glyph read twice may come out once
 * with each mark (コーポ read コーボポ), the mark being what the model is least sure of. (Decomposed only to
 * compare: no text is ever stored folded.)
 */
function withoutVoicing(ch: string): string {
  return ch.normalize('NFD').replace(/[\u3099\u309a]/g, '');
}

/**
 * A reading without the second of two identical characters side by side that both overlap one box of the line
 * finder's most: one printed glyph the model spelled twice (東一口 read 東ーーロロ on a blurred phone
 * photo). Digits are never merged: 11's strokes are two boxes, and a box the model's lags must not join
 * them. Unchanged when the symbols do not spell the text.
 */
export function withoutDoubledGlyphs<C extends { text: string; symbols: RecognizedSymbol[] }>(c: C, boxes: readonly { x0: number; x1: number }[]): C {
  if (!spelledBySymbols(c)) return c;
  // the box a symbol overlaps most (the model's boxes lag the print: a symbol's middle may lie before its glyph)
  const boxOf = (s: RecognizedSymbol): number => {
    let best = -1;
    let most = 0;
    boxes.forEach((b, i) => {
      const o = Math.min(s.x1, b.x1) - Math.max(s.x0, b.x0);
      if (o > most) [best, most] = [i, o];
    });
    return best;
  };
  const drop = new Set<number>();
  for (let i = 1; i < c.symbols.length; i++) {
    const [a, b] = [c.symbols[i - 1]!, c.symbols[i]!];
    if (drop.has(i - 1) || withoutVoicing(a.text) !== withoutVoicing(b.text) || /[0-9０-９]/.test(a.text)) continue;
    const box = boxOf(a);
    if (box >= 0 && box === boxOf(b)) drop.add(a.confidence < b.confidence ? i - 1 : i);
  }
  return withoutSymbols(c, drop);
}
