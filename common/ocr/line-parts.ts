import type { RecognizedLine } from './recognized-line';

/** Whether the line's symbols spell its text, one character each: only then can it be cut at a symbol. */
export function symbolsSpellText(l: RecognizedLine): boolean {
  const spelled = [...l.text].filter((c) => !/\s/.test(c)).join('');
  return l.symbols.length >= 2 && l.symbols.every((s) => [...s.text].length === 1) && spelled === l.symbols.map((s) => s.text).join('');
}

/**
 * The line cut after its `i`-th symbol, as two lines, each with its own box, text and symbols (the text keeps
 * its spaces up to the cut). The caller has checked `symbolsSpellText`.
 */
export function cutAfterSymbol(l: RecognizedLine, i: number): [RecognizedLine, RecognizedLine] {
  const chars = [...l.text];
  // the text index just after the i-th symbol's character
  let seen = 0;
  let cut = 0;
  while (cut < chars.length && seen <= i) if (!/\s/.test(chars[cut++]!)) seen++;
  const part = (text: string, ss: RecognizedLine['symbols']): RecognizedLine => ({
    ...l,
    x0: Math.max(l.x0, Math.floor(ss[0]!.x0)),
    x1: Math.min(l.x1, Math.ceil(ss.at(-1)!.x1)),
    text: text.trim(),
    confidence: ss.reduce((m, s) => Math.min(m, s.confidence), 1),
    symbols: ss,
  });
  return [part(chars.slice(0, cut).join(''), l.symbols.slice(0, i + 1)), part(chars.slice(cut).join(''), l.symbols.slice(i + 1))];
}
