import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PSM, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { DATE_WHITELIST } from '../../main/ocr-engine/refine-lines';
import { FONTS, LOOKS, render, svgText } from '../support/glyph-render';

/**
 * Reads that vote with their text alone (dates, 性別) ask the model for no symbols: the same text and
 * confidence, and no symbols to carry back (the dump itself costs nothing measurable with tesseract.js 7).
 */
describe('the OCR pool without symbols', () => {
  let pool: TesseractPool;
  beforeAll(async () => {
    pool = await TesseractPool.create({ size: 1, recycleAfter: 1000 });
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
  });

  it('gives the same text and confidence as with them, and no symbols', async () => {
    const image = await render(svgText('2031年 8月21日', 10, 44, 36, FONTS[0]!, 30), 320, 60, LOOKS[0]!);
    const req = { image, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST };
    const full = await pool.recognize(req);
    const bare = await pool.recognize({ ...req, symbols: false });
    expect(full.text.replace(/\s/g, '')).toBe('2031年8月21日');
    expect(full.symbols.length).toBeGreaterThan(5);
    expect(bare).toEqual({ text: full.text, confidence: full.confidence, symbols: [] });
  }, 60_000);
});
