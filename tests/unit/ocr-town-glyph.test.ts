import { describe, expect, it } from 'vitest';
import { characterUnder, glyphBoxOf, glyphInContext } from '../../main/ocr-engine/reread/glyph-place';
import { glyphRequest, settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import type { RecognizedLine } from '../../common/ocr/recognized-line';
import type { TextLine } from '../../main/ocr-engine/layout/text-lines';
import { FONTS, LOOKS, glyph } from '../support/glyph-render';

/**
 * 在田南 is one character off both 荏田南 and 勝田南 in 横浜市都筑区: the address master cannot choose, the
 * printed first character can.
 */
describe('a 町域 character settled by its print', () => {
  for (const font of FONTS) {
    it(`${font}: 荏 printed and read 在 becomes 荏; a printed 在 stays`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[2]!]) {
        const printed = await glyph('荏', font, look);
        expect(settleGlyph({ op: 'glyph', crop: printed, read: '在', options: ['荏', '勝'] })).toBe('荏');
        const plain = await glyph('在', font, look);
        expect(settleGlyph({ op: 'glyph', crop: plain, read: '在', options: ['荏', '勝'] })).toBe('在');
      }
    });
  }

  for (const font of FONTS) {
    it(`${font}: a read that is no 町域 gives way to the option its print is as close to (櫃 read 横: 横田 is no 町域 of 君田町, 櫃田 is); a printed 横 stays`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[2]!]) {
        // 櫃 and 横 share their left half: the print is not clearly closer to 櫃, but no closer to 横, and far from 茂
        expect(settleGlyph({ op: 'glyph', crop: await glyph('櫃', font, look), read: '横', options: ['櫃', '茂'] })).toBe('櫃');
        expect(settleGlyph({ op: 'glyph', crop: await glyph('横', font, look), read: '横', options: ['櫃', '茂'] })).toBe('横');
        expect(settleGlyph({ op: 'glyph', crop: await glyph('内', font, look), read: '内', options: ['丙', '北'] })).toBe('内');
      }
    });
  }

  it('finds a character with context on one side only where its line ends or begins there, never elsewhere alone', () => {
    const sym = (text: string, x0: number): RecognizedLine['symbols'][number] => ({ text, confidence: 0.9, x0, x1: x0 + 38 });
    const row = (y0: number, text: string, x0 = 100): RecognizedLine => ({ x0, y0, x1: x0 + 40 * [...text].length, y1: y0 + 28, glyphH: 28, text, confidence: 0.9, symbols: [...text].map((c, i) => sym(c, x0 + 40 * i)) });
    // ０３区 of an address whose last character (号, read 区) wrapped onto a row of its own, under a row with 中野区
    const lines = [row(100, '東京都中野区'), row(140, '弥生町２丁目コーポ９０３'), row(180, '区')];
    expect(glyphInContext(lines, '０３区', 2)).toEqual({ x0: 100, x1: 138, y0: 180, y1: 208 });
    // … and the character alone only where one symbol of all the lines reads as it: not a 区 of two rows
    expect(glyphInContext([row(100, '東京都中野区'), row(140, '港区芝'), row(180, '弥生町２丁目コーポ９０３')], '０３区', 2)).toBeNull();
    // (so too with the context after it only: the character first in its context)
    expect(glyphInContext([row(100, '中野区役所'), row(140, '港区芝')], '区ポ', 0)).toBeNull();
    // (the row's symbols spell its digits otherwise than the chosen reading: the 叶 that only it has is the one)
    expect(glyphInContext([row(100, '東京都'), row(140, '弥生町コーポ９０８叶')], '０３叶', 2)).toEqual({ x0: 460, x1: 498, y0: 140, y1: 168 });
    // a line that ends at the character: 15史 | コーポ
    expect(glyphInContext([row(100, '２１番１５史'), row(140, 'コーポ山田')], '１５史コー', 2)).toEqual({ x0: 300, x1: 338, y0: 100, y1: 128 });
  });

  it("finds the character in the line the model read, and cuts the line finder's character under it", () => {
    const sym = (text: string, x0: number): RecognizedLine['symbols'][number] => ({ text, confidence: 0.9, x0, x1: x0 + 38 });
    const line: RecognizedLine = { x0: 100, y0: 115, x1: 600, y1: 143, glyphH: 28, text: '区在田南2', confidence: 0.9, symbols: [sym('区', 430), sym('在', 472), sym('田', 512), sym('南', 552), sym('2', 590)] };
    const box = glyphBoxOf([line], '在田南', 0)!;
    expect(box).toEqual({ x0: 472, x1: 510, y0: 115, y1: 143 });
    expect(glyphBoxOf([line], '荏田南', 0)).toBeNull();
    // the symbol box is a third of a character right of the print: the character most under it is taken
    const chars = [
      { x0: 420, y0: 115, x1: 455, y1: 143 },
      { x0: 460, y0: 114, x1: 497, y1: 143 },
      { x0: 500, y0: 116, x1: 537, y1: 143 },
    ];
    const tl: TextLine = { x0: 420, y0: 114, x1: 537, y1: 143, glyphH: 29, blobs: 3, chars };
    expect(characterUnder([tl], box)).toEqual(chars[1]);
    expect(characterUnder([tl], { x0: 700, y0: 115, x1: 730, y1: 143 })).toBeNull();
    // a small character in pieces (六's legs, found apart): the pieces mostly inside the box make it, over the row's height
    const pieces: TextLine = { x0: 277, y0: 276, x1: 333, y1: 288, glyphH: 12, blobs: 3, chars: [{ x0: 277, y0: 276, x1: 287, y1: 288 }, { x0: 293, y0: 276, x1: 302, y1: 288 }, { x0: 308, y0: 266, x1: 333, y1: 290 }] };
    expect(characterUnder([pieces], { x0: 278, x1: 303, y0: 264, y1: 290 })).toEqual({ x0: 277, y0: 264, x1: 302, y1: 290 });
    // the model's box a whole character right, over the digit after the 町域 (堰 | 1 | －): the nearest character
    // as wide as a kanji is taken, not the digit, not the flat dash
    const row: TextLine = { x0: 515, y0: 132, x1: 648, y1: 164, glyphH: 30, blobs: 4, chars: [{ x0: 515, y0: 132, x1: 545, y1: 162 }, { x0: 549, y0: 132, x1: 579, y1: 162 }, { x0: 592, y0: 134, x1: 607, y1: 159 }, { x0: 623, y0: 146, x1: 648, y1: 148 }] };
    expect(characterUnder([row], { x0: 593, x1: 607, y0: 132, y1: 164 })).toEqual({ x0: 549, y0: 132, x1: 579, y1: 164 });
    // the request copies that character out with a small margin
    const card = { width: 800, height: 200, data: new Uint8Array(800 * 200).fill(220) };
    expect(glyphRequest(card, chars[1]!, '在', ['荏']).crop).toMatchObject({ width: 42, height: 34 });
  });
});
