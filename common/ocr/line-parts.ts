import type { RecognizedLine } from './recognized-line';

/** Whether the line's symbols spell its text, one character each: only then can it be cut at a symbol. */
export function symbolsSpellText(l: RecognizedLine): boolean {
  const spelled = [...l.text].filter((c) => !/\s/.test(c)).join('');
  return l.symbols.length >= 2 && l.symbols.every((s) => [...s.text].length === 1) && spelled === l.symbols.map((s) => s.text).join('');
}

/**
 * The line cut after its `i`-th symbol, as two lines, each with its own box, text and symbols (the text keeps
 * its spaces up to the cut). The first part ends with its last symbol's box; the second starts in the middle
 * of the gap before its first symbol: the model's symbol boxes lag its glyphs, so a part cut at its first
 * symbol's box may lose its first letter (岳名 | PARK read again as ARK), and the first part must not reach into
 * the second's glyphs (優子 | MARUYAMA read 優子ぃ). The caller has checked `symbolsSpellText`.
 */
export function cutAfterSymbol(l: RecognizedLine, i: number): [RecognizedLine, RecognizedLine] {
  const chars = [...l.text];
  // the text index just after the i-th symbol's character
  let seen = 0;
  let cut = 0;
  while (cut < chars.length && seen <= i) if (!/\s/.test(chars[cut++]!)) seen++;
  const at = (l.symbols[i]!.x1 + l.symbols[i + 1]!.x0) / 2;
  const part = (text: string, ss: RecognizedLine['symbols'], x0: number, x1: number): RecognizedLine => ({
    ...l,
    x0: Math.max(l.x0, Math.floor(x0)),
    x1: Math.min(l.x1, Math.ceil(x1)),
    text: text.trim(),
    confidence: ss.reduce((m, s) => Math.min(m, s.confidence), 1),
    symbols: ss,
  });
  return [part(chars.slice(0, cut).join(''), l.symbols.slice(0, i + 1), l.x0, l.symbols[i]!.x1), part(chars.slice(cut).join(''), l.symbols.slice(i + 1), at, l.x1)];
}
