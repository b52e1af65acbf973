import type { RecognizedLine } from '../../common/ocr/recognized-line';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';

/** A line as the first reads give it, without symbol boxes. */
export const bareLine = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number, confidence = 0.9): RecognizedLine => ({ x0, y0, x1, y1, glyphH, text, confidence, symbols: [] });

/** A line with a symbol per character, spread evenly over it (as the model gives them). */
export function spelledLine(text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number, confidence = 0.9): RecognizedLine {
  const cs = [...text.replace(/\s/g, '')];
  const w = (x1 - x0) / cs.length;
  return { ...bareLine(text, x0, y0, x1, y1, glyphH, confidence), symbols: cs.map((c, i) => ({ text: c, confidence, x0: x0 + i * w, x1: x0 + (i + 1) * w - 1 })) };
}

/**
 * A line with a symbol per character, laid out from `x` at `pitch` (each symbol `pitch - 2` wide), with a wider
 * gap where `gaps` says (after the symbol at that index → extra px).
 */
export function pitchedLine(text: string, x: number, y0: number, y1: number, glyphH: number, confidence: number, pitch: number, gaps: Record<number, number> = {}): RecognizedLine {
  const symbols: RecognizedLine['symbols'] = [];
  let at = x;
  [...text.replace(/\s/g, '')].forEach((c, i) => {
    symbols.push({ text: c, confidence, x0: at, x1: at + pitch - 2 });
    at += pitch + (gaps[i] ?? 0);
  });
  return { x0: x, y0, x1: Math.round(at), y1, glyphH, text, confidence, symbols };
}

/** A model that answers every request with `answer(req)` (text and confidence, no symbols), recording what it was asked. */
export function fakeModel(answer: (req: LineRequest) => { text: string; confidence: number }, asked: LineRequest[] = []): TesseractPool {
  return {
    recognize: (req: LineRequest): Promise<LineResult> => {
      asked.push(req);
      return Promise.resolve({ ...answer(req), symbols: [] } as unknown as LineResult);
    },
  } as unknown as TesseractPool;
}

/** What a fake model reads in a crop whose width is at least `from` and less than `to` times its height. */
export interface AspectBand {
  from: number;
  to: number;
  text: string;
  confidence: number;
}

/**
 * A model that reads by the crop's shape alone: a second read of a region (no whitelist) gives the text of the
 * band its aspect falls in, anything else nothing. The name tests tell the crops apart so (the whole name row
 * with its margins is wider than the part the first reads found).
 */
export function aspectModel(bands: readonly AspectBand[]): TesseractPool {
  return fakeModel((req) => {
    const aspect = req.image.width / req.image.height;
    const band = req.whitelist ? undefined : bands.find((b) => aspect >= b.from && aspect < b.to);
    return band ? { text: band.text, confidence: band.confidence } : { text: '', confidence: 0 };
  });
}

/**
 * A model that answers every request with `answer(req)` at confidence 0.9, with a symbol box per character
 * (the numbers-only re-read of a 番地 needs them to put its characters back in place).
 */
export function spellingModel(answer: (req: LineRequest) => string): TesseractPool {
  return {
    recognize: (req: LineRequest): Promise<LineResult> => {
      const text = answer(req);
      return Promise.resolve({ text, confidence: 0.9, symbols: [...text].map((c, i) => ({ text: c, confidence: 0.9, x0: 10 + 20 * i, x1: 28 + 20 * i })) });
    },
  } as unknown as TesseractPool;
}
