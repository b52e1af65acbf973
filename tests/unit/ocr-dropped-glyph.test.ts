import { describe, expect, it } from 'vitest';
import { glyphCellAt } from '../../main/ocr-engine/reread/glyph-place';
import { pitchCells, pitchGrid } from '../../main/ocr-engine/layout/pitch-cells';
import { settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import { buildAddressMaster, correctAddress } from '../../common/address/address-master';
import { blockChoices, droppedChomeNumber } from '../../common/address/block-grammar';
import type { RecognizedLine } from '../../common/ocr/recognized-line';
import type { CharBox, TextLine } from '../../main/ocr-engine/layout/text-lines';
import { FONTS, LOOKS, glyph } from '../support/glyph-render';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A character the model left out of an address (平原三丁目 read 平原丁目, 出口町 read 出町, the 七 ending a row
 * read without it): the grammar or the master says one is missing and which it may be, the print says
 * whether it is there.
 */
describe('a dropped character the grammar or the master asks for', () => {
  it('asks for the number before 丁目 when 丁目 follows its 町域, and never takes the 町域 for a misread number', () => {
    expect(droppedChomeNumber('平原丁目27番16号', 2)).toEqual({ read: '平原丁目2', at: 2, options: NUMERALS, insert: true });
    expect(droppedChomeNumber('平原三丁目27番', 2)).toBeNull();
    // the grammar alone takes 原 for a misread number; from the 町域's end on, it does not
    expect(blockChoices('平原丁目27番')).toHaveLength(1);
    expect(blockChoices('平原丁目27番', 2)).toEqual([]);
    const m = buildAddressMaster('30341\t和歌山県\t伊都郡高野町', '30341\t平原\t高野山\n');
    expect(correctAddress('和歌山県伊都郡高野町平原丁目27番16号', m).glyphChoices).toEqual([{ read: '平原丁目2', at: 2, options: NUMERALS, insert: true }]);
  });

  it('asks for the character a 町域 misses inside it, when every such 町域 misses it at the same place', () => {
    const m = buildAddressMaster('23106\t愛知県\t名古屋市昭和区', '23106\t出口町\t曙町\t緑町\n');
    const c = correctAddress('愛知県名古屋市昭和区出町2950番地', m);
    expect(c.town).toBeNull();
    expect(c.glyphChoices).toContainEqual({ read: '出町2', at: 1, options: ['口'], insert: true });
    // two names missing different characters at different places: no place to look
    const two = buildAddressMaster('23106\t愛知県\t名古屋市昭和区', '23106\t出口町\t出町田\n');
    expect(correctAddress('愛知県名古屋市昭和区出町2950番地', two).glyphChoices.filter((g) => g.insert)).toEqual([]);
  });
});

describe('the print of a character, found by count', () => {
  const cell = (x0: number, w = 26): CharBox => ({ x0, y0: 124, x1: x0 + w - 1, y1: 150 });
  it("joins a row's pieces into cells no wider than a character (the strokes of 川 are one cell)", () => {
    const strokes = [cell(100, 5), cell(110, 5), cell(120, 6), cell(140), cell(172)];
    expect(pitchCells(strokes, 26).map((c) => [c.x0, c.x1])).toEqual([[100, 125], [140, 165], [172, 197]]);
  });

  it('finds the pitch of tightly set characters in pieces', () => {
    // 町 小 釿 at a 26 px pitch, 1 px apart: 町 as 田 and 丁, 小 as three strokes, 釿 as 金 and 斤
    const pieces = [cell(100, 11), cell(112, 13), cell(126, 4), cell(132, 6), cell(140, 11), cell(152, 12), cell(165, 13)];
    expect(pitchGrid(pieces, 25, 3)!.map((c) => c && [c.x0, c.x1])).toEqual([[100, 124], [126, 150], [152, 177]]);
    // a cell nothing was found in stays empty
    expect(pitchGrid([cell(100), cell(152)], 25, 3)!.map((c) => c && c.x0)).toEqual([100, null, 152]);
  });

  it('takes the cell after the characters before a dropped one, or the cell of a character read', () => {
    // 平 原 三 丁 目: the read is 平原丁目
    const chars = [cell(100), cell(132), cell(164), cell(196), cell(228)];
    const tl: TextLine = { x0: 100, y0: 124, x1: 257, y1: 150, glyphH: 26, blobs: chars.length, chars };
    const line: RecognizedLine = { x0: 100, y0: 124, x1: 257, y1: 150, glyphH: 26, text: '平原丁目', confidence: 0.8, symbols: [] };
    expect(glyphCellAt([line], [tl], '平原丁目', 2, true)).toEqual(cell(164));
    // the character read: 原 is the second cell
    expect(glyphCellAt([line], [tl], '平原丁目', 1)).toEqual(cell(132));
    // the line finder found only a sliver of it (a faint 三 on a blurred photo): too little to judge
    expect(glyphCellAt([line], [{ ...tl, chars: [cell(100), cell(132), cell(174, 10), cell(196), cell(228)] }], '平原丁目', 2, true)).toBeNull();
    // the row ends with the dropped character (北川顔七 | 丁目…): the last cell
    const end: RecognizedLine = { ...line, text: '北川顔' };
    const endTl: TextLine = { ...tl, chars: [cell(100), cell(132), cell(164), cell(196)] };
    expect(glyphCellAt([end], [endTl], '川顔丁目', 2, true)).toEqual(cell(196));
    // no cell after them: nothing is printed there
    expect(glyphCellAt([end], [{ ...tl, chars: [cell(100), cell(132), cell(164)] }], '川顔丁目', 2, true)).toBeNull();
    // half-width characters before it (a cell may hold two digits): the count cannot be trusted
    expect(glyphCellAt([{ ...line, text: '1-2平原丁目' }], [tl], '平原丁目', 2, true)).toBeNull();
    // a row that does not read the text around it is not the row
    expect(glyphCellAt([{ ...line, text: '平野丁目' }], [tl], '平原丁目', 2, true)).toBeNull();
  });
});

describe('a dropped character settled by its print', () => {
  for (const font of FONTS) {
    it(`${font}: a printed 三 or 七 where a number is missing is that numeral, 口 is the 町域's 口; a neighbour or a stranger is nothing`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[2]!]) {
        const ask = async (printed: string, options: string[], neighbours: string[]): Promise<string> => settleGlyph({ op: 'glyph', crop: await glyph(printed, font, look), read: '', options, neighbours });
        // a thin serif face's 三 and 七 are close to 二, 五 and 丁: there nothing rather than a guess, never another numeral
        const serif = /Serif|Mincho/.test(font);
        for (const [numeral, beside] of [['三', ['原', '丁']], ['七', ['顔', '丁']]] as const) {
          const got = await ask(numeral, NUMERALS, [...beside]);
          if (serif) expect([numeral, '']).toContain(got);
          else expect(got).toBe(numeral);
        }
        expect(await ask('口', ['口'], ['出', '町'])).toBe('口');
        // the cell found is the character after after all: nothing was dropped
        expect(await ask('丁', NUMERALS, ['原', '丁'])).toBe('');
        expect(await ask('町', ['口'], ['出', '町'])).toBe('');
      }
    });
  }
});
