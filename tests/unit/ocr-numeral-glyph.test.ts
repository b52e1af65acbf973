import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import { glyphDistances } from '../../main/ocr-engine/kanji/variant-shape';
import { GLYPH } from '../../main/ocr-engine/kanji/glyph-bits';
import type { GrayImage } from '../../main/ocr-engine/image/gray-image';
import { FONTS, LOOKS, glyph } from '../support/glyph-render';

const NUMERALS = [...'一二三四五六七八九十'];

/** A binary PGM (P5) as a grey image. */
function readPgm(file: string): GrayImage {
  const bytes = fs.readFileSync(file);
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 40))!;
  const width = Number(head[1]);
  const height = Number(head[2]);
  return { width, height, data: new Uint8Array(bytes.subarray(head[0].length, head[0].length + width * height)) };
}

// the 七 of 松ノ木七丁目 on a phone photo of a next-generation card (20270113 #10), as the reader cut it: its bar
// faint, read し by the model
const PHONE_SEVEN = readPgm(path.join(import.meta.dirname, '../fixtures/glyphs/phone-7-read-shi.pgm'));

describe('a kanji numeral before 丁目 settled by its print', () => {
  it('is not 一 for a print as tall as wide: stretched to a square, 一 is a block nearly any blurred print lies inside', () => {
    const d = glyphDistances(PHONE_SEVEN, NUMERALS)!;
    expect(d.get('一')).toBe(GLYPH);
    expect(Math.min(...NUMERALS.map((n) => d.get(n)!))).toBe(d.get('七'));
    // a read the atlas has (a kanji that cannot stand there) keeps to the print's closest, only when clear of the next
    expect(settleGlyph({ op: 'glyph', crop: PHONE_SEVEN, read: '信', options: NUMERALS })).not.toBe('一');
  });

  it('takes the numeral a kana read is drawn like when the print leaves the options close (し for 七)', () => {
    expect(settleGlyph({ op: 'glyph', crop: PHONE_SEVEN, read: 'し', options: NUMERALS })).toBe('七');
  });

  for (const font of FONTS) {
    it(`${font}: a printed 一 is still 一, and 七 still 七 where the print is clear`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[1]!]) {
        expect(settleGlyph({ op: 'glyph', crop: await glyph('一', font, look), read: 'ー', options: NUMERALS })).toBe('一');
        expect(settleGlyph({ op: 'glyph', crop: await glyph('七', font, look), read: 'し', options: NUMERALS })).toBe('七');
        // a kana drawn like one numeral does not outvote a print clearly showing another
        expect(settleGlyph({ op: 'glyph', crop: await glyph('四', font, look), read: 'し', options: NUMERALS })).toBe('四');
      }
    });
  }
});
