import { describe, expect, it } from 'vitest';
import { readingRequest, settleReading } from '../../main/ocr-engine/reread/reading-choice';
import { LOOKS, render, svgText, type Look } from '../support/glyph-render';
import type { GrayImage } from '../../main/ocr-engine/image/gray-image';

type Box = { x0: number; y0: number; x1: number; y1: number };

/** ルビ: a row of kana at a fixed pitch, and each one's ink box (as the line finder gives a ruby row's glyphs). */
async function ruby(text: string, font: string, look: Look): Promise<{ card: GrayImage; boxes: Box[] }> {
  const s = look.size;
  const pitch = Math.round(s * 1.1);
  const cs = [...text];
  const card = await render(cs.map((c, i) => svgText(c, 8 + i * pitch, 8 + 0.88 * s, s, font, look.ink ?? 17)).join(''), 16 + cs.length * pitch, s + 16, look);
  const boxes = cs.map((_, i) => {
    const b = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    for (let y = 0; y < card.height; y++)
      for (let x = 8 + i * pitch - 1; x < Math.min(card.width, 8 + (i + 1) * pitch - 1); x++) {
        if (card.data[y * card.width + x]! > 150) continue;
        b.x0 = Math.min(b.x0, x);
        b.x1 = Math.max(b.x1, x);
        b.y0 = Math.min(b.y0, y);
        b.y1 = Math.max(b.y1, y);
      }
    return b;
  });
  return { card, boxes };
}

const RUBY_LOOKS = LOOKS.filter((l) => l.name === 'scanner' || l.name === 'camera');
const RUBY_FONTS = ['Noto Sans CJK JP', 'IPAexGothic', 'IPAexMincho'];
/**
 * The prints it judges: every face scanned, the gothic ones also through a document camera's blur (a mincho's thin
 * bars are lost there at ruby size: its ナ ranks 37th of the kana, and the reading is not taken)
 */
const JUDGED = RUBY_FONTS.flatMap((font) => RUBY_LOOKS.filter((l) => l.name === 'scanner' || !font.includes('Mincho')).map((look) => ({ font, look })));

describe('a フリガナ part held against the readings its kanji have', () => {
  it('is the known reading its print shows when the reads made it into no reading (ワタダ over 福田: フクダ)', async () => {
    for (const { font, look } of JUDGED) {
      const { card, boxes } = await ruby('フクダ', font, look);
        expect(settleReading(readingRequest(card, boxes, 'ワタダ', ['フクダ'])), `${font} ${look.name}`).toBe('フクダ');
        // a read of another length than the print's glyphs (ナオキル over 直美's three): the reading, when the print shows it
        const naomi = await ruby('ナオミ', font, look);
        expect(settleReading(readingRequest(naomi.card, naomi.boxes, 'ナオキル', ['ナオミ'])), `${font} ${look.name}`).toBe('ナオミ');
    }
  });

  it('never takes a reading the print does not show: the read stays', async () => {
    for (const font of RUBY_FONTS)
      for (const look of RUBY_LOOKS) {
        // キヨコ printed, a reading the tables do not give for its kanji: ケイコ is not what it shows
        const { card, boxes } = await ruby('キヨコ', font, look);
        expect(settleReading(readingRequest(card, boxes, 'キックコ', ['ケイコ'])), `${font} ${look.name}`).toBe('キックコ');
        // the read is what the print shows: kept against a known reading of the same length
        const sato = await ruby('サドウ', font, look);
        expect(settleReading(readingRequest(sato.card, sato.boxes, 'サドウ', ['サトウ', 'サイトウ'])), `${font} ${look.name}`).toBe('サドウ');
      }
  });

  it('chooses nothing from a print it cannot judge or readings of another length', async () => {
    const { card, boxes } = await ruby('フクダ', 'IPAexGothic', LOOKS[0]!);
    expect(settleReading(readingRequest(card, boxes, 'ワタダ', ['フクシマ']))).toBe('ワタダ');
    const blank: GrayImage = { width: 60, height: 24, data: new Uint8Array(60 * 24).fill(236) };
    expect(settleReading(readingRequest(blank, [{ x0: 2, y0: 2, x1: 20, y1: 20 }, { x0: 22, y0: 2, x1: 40, y1: 20 }], 'ワタ', ['フク']))).toBe('ワタ');
  });
});
