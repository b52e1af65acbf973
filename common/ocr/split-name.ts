import type { RecognizedSymbol } from './recognized-line';
import { isLatinName } from './ocr-text';

export interface NamePiece {
  text: string;
  symbols: RecognizedSymbol[];
  glyphH: number;
}

/**
 * Family / given name. The card prints them with a wide gap; the OCR text may or may not keep it, so the
 * gap is found from, in order: two separate line pieces, one run of spaces in the text, the widest gap
 * between the recognized characters. Characters are kept exactly as read.
 */
export function splitName(pieces: NamePiece[]): { family: string; given: string } | null {
  const clean = (s: string): string => s.replace(/[\s\u3000_|]+/g, ' ').trim();
  const texts = pieces.map((p) => clean(p.text)).filter((t) => t.length > 0);
  if (texts.length === 0) return null;
  if (texts.length >= 2) return { family: texts[0]!.replace(/ /g, ''), given: texts.slice(1).join(isLatinName(texts.join('')) ? ' ' : '') };
  const text = texts[0]!;
  if (isLatinName(text)) {
    const [family, ...given] = text.split(' ');
    return given.length ? { family: family!, given: given.join(' ') } : null;
  }
  const words = text.split(' ');
  if (words.length === 2) return { family: words[0]!, given: words[1]! };
  const p = pieces.find((x) => clean(x.text).length > 0)!;
  const chars = text.replace(/ /g, '');
  const syms = p.symbols;
  if (syms.length === [...chars].length && syms.length >= 2) {
    let best = -1;
    let bestGap = 0;
    const gaps: number[] = [];
    for (let i = 1; i < syms.length; i++) {
      const g = syms[i]!.x0 - syms[i - 1]!.x1;
      gaps.push(g);
      if (g > bestGap) {
        bestGap = g;
        best = i;
      }
    }
    const sorted = [...gaps].sort((a, b) => a - b);
    const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
    if (best > 0 && bestGap > 0.35 * p.glyphH && bestGap > typical + 0.25 * p.glyphH) {
      const cs = [...chars];
      return { family: cs.slice(0, best).join(''), given: cs.slice(best).join('') };
    }
  }
  return null;
}
