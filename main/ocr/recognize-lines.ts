import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { crop, resize, type GrayImage } from './image/gray-image';
import type { TextLine } from './layout/text-lines';
import { PSM, type TesseractPool } from './engine/tesseract-pool';

/** The LSTM model reads CJK best with glyphs about this tall; bigger only costs time. */
const TARGET_GLYPH_H = 36;

/** OCR of every found line in parallel across the pool (PSM 7: one line of text per request). */
export async function recognizeLines(pool: TesseractPool, card: GrayImage, lines: TextLine[], onLine?: () => void): Promise<RecognizedLine[]> {
  return Promise.all(
    lines.map(async (l) => {
      const pad = Math.round(l.glyphH * 0.35);
      const cx = Math.max(0, l.x0 - pad);
      const c = crop(card, cx, l.y0 - pad, l.x1 - l.x0 + 2 * pad, l.y1 - l.y0 + 2 * pad);
      const k = Math.min(2, TARGET_GLYPH_H / l.glyphH);
      const img = Math.abs(k - 1) > 0.1 ? resize(c, Math.max(1, Math.round(c.width * k)), Math.max(1, Math.round(c.height * k))) : c;
      const kk = img.width / c.width;
      const r = await pool.recognize({ image: img, psm: PSM.SINGLE_LINE });
      onLine?.();
      return {
        ...l,
        text: r.text,
        confidence: r.confidence,
        symbols: r.symbols.map((s) => ({ text: s.text, confidence: s.confidence, x0: cx + s.x0 / kk, x1: cx + s.x1 / kk })),
      };
    }),
  );
}
