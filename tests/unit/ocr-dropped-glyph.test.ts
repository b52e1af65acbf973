import { describe, expect, it } from 'vitest';
import { countedPrintAt, droppedPrintAt, glyphCellAt } from '../../main/ocr-engine/reread/glyph-place';
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

  it('takes the character before a 目 with a number after it, right after the 町域, for 丁, and the one before that for the numeral', () => {
    const m = buildAddressMaster('19204\t山梨県\t都留市', '19204\t川茂\t上谷\n');
    // 七丁 read 上耳: 耳 is 丁, 上 the numeral the print decides (asked as read: the print is found by the read)
    const two = correctAddress('山梨県都留市川茂上耳目23番24号', m);
    expect(two.town).toBe('川茂');
    expect(two.text).toBe('山梨県都留市川茂上丁目23番24号');
    expect(two.glyphChoices).toEqual([{ read: '川茂上耳目', at: 2, options: NUMERALS }]);
    // 二丁 read as one character: 丁, its numeral dropped
    const one = correctAddress('山梨県都留市川茂耳目23番24号', m);
    expect(one.text).toBe('山梨県都留市川茂丁目23番24号');
    expect(one.glyphChoices).toEqual([{ read: '川茂耳目2', at: 2, options: NUMERALS, insert: true }]);
    // once the print has put the numeral in (as read: 七耳目), 丁目 stands whole and nothing more is asked
    const settled = correctAddress('山梨県都留市川茂七耳目23番24号', m);
    expect(settled.text).toBe('山梨県都留市川茂七丁目23番24号');
    expect(settled.glyphChoices).toEqual([]);
    // 六丁目 read 信本日 (目 misread too) is not taken for one: too little is left of 丁目 to say so
    expect(correctAddress('山梨県都留市川茂信本日13番30号', m).text).toBe('山梨県都留市川茂信本日13番30号');
    // the 町域 one character off as well (川誌): still found, as it ends before that 丁目
    expect(correctAddress('山梨県都留市川誌上耳目23番24号', m).town).toBe('川茂');
    // 目 with no number after it is no 丁目's (a 方書 may hold one), nor is 目 after a number (the 番地 began)
    expect(correctAddress('山梨県都留市川茂23番24号上耳目ハイツ', m).text).toBe('山梨県都留市川茂23番24号上耳目ハイツ');
    expect(correctAddress('山梨県都留市川茂七丁目23番24号', m).text).toBe('山梨県都留市川茂七丁目23番24号');
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
    // the cell over its column of the grid, up to its neighbours' ink: all of the character, none of theirs
    const holds = (box: CharBox | null, c: CharBox, before: number, after: number): void => {
      expect(box).not.toBeNull();
      expect(box!.x0).toBeLessThanOrEqual(c.x0);
      expect(box!.x1).toBeGreaterThanOrEqual(c.x1);
      expect(box!.x0).toBeGreaterThan(before);
      expect(box!.x1).toBeLessThan(after);
    };
    holds(glyphCellAt([line], [tl], '平原丁目', 2, true), cell(164), 157, 196);
    // the character read: 原 is the second cell
    holds(glyphCellAt([line], [tl], '平原丁目', 1), cell(132), 125, 164);
    // the line finder found only a sliver of it (the top bar of a faint 三 on a blurred photo): the whole cell
    // is cut, for the shape test to judge all that is printed there
    holds(glyphCellAt([line], [{ ...tl, chars: [cell(100), cell(132), cell(174, 10), cell(196), cell(228)] }], '平原丁目', 2, true), cell(165, 24), 157, 196);
    // the row ends with the dropped character (北川顔七 | 丁目…): the last cell
    const end: RecognizedLine = { ...line, text: '北川顔' };
    const endTl: TextLine = { ...tl, chars: [cell(100), cell(132), cell(164), cell(196)] };
    holds(glyphCellAt([end], [endTl], '川顔丁目', 2, true), cell(196), 189, 240);
    // no cell after them: nothing is printed there
    expect(glyphCellAt([end], [{ ...tl, chars: [cell(100), cell(132), cell(164)] }], '川顔丁目', 2, true)).toBeNull();
    // a faint 三 read as a mark (~, half width, yet printed in a full-width cell), found as a sliver: its column
    const sliver = { ...tl, chars: [cell(100), cell(132), cell(174, 10), cell(196), cell(228)] };
    holds(glyphCellAt([{ ...line, text: '平原~丁目' }], [sliver], '平原~丁目', 2), cell(164, 22), 157, 196);
    // a character read at a character's width is judged by its ink alone (no neighbour's sliver between look-alikes)
    expect(glyphCellAt([{ ...line, text: '平原~丁目' }], [tl], '平原~丁目', 2)).toEqual(cell(164));
    // the text asked holds a character the print settled already, the row still reads it as the model did
    expect(glyphCellAt([{ ...line, text: '川誌上耳目' }], [tl], '川茂上耳目', 2)).toEqual(cell(164));
    // half-width characters before it (a cell may hold two digits): the count cannot be trusted
    expect(glyphCellAt([{ ...line, text: '1-2平原丁目' }], [tl], '平原丁目', 2, true)).toBeNull();
    // a row that does not read the text around it is not the row
    expect(glyphCellAt([{ ...line, text: '平野丁目' }], [tl], '平原丁目', 2, true)).toBeNull();
  });
});

describe('the print of a dropped character found beside the one before it', () => {
  // 1 第 [二] 寿 荘 9 0 1 号 on a 37 px row (a current card's second address row): the line finder found only
  // the lower bar of the dropped 二; the model's box of 第 covers 第 and 二
  const row = { y0: 190, y1: 227 };
  const piece = (x0: number, x1: number, y0 = row.y0 + 1, y1 = row.y1): CharBox => ({ x0, y0, x1, y1 });
  const chars = [piece(159, 176, 195, 224), piece(183, 220), piece(227, 263, 219, 223), piece(271, 307), piece(314, 352), piece(366, 387, 194, 224), piece(409, 432, 194, 224), piece(454, 476, 194, 224), piece(490, 527)];
  const tl: TextLine = { x0: 157, ...row, x1: 527, glyphH: 37, blobs: chars.length, chars };
  const sym = (text: string, x0: number, x1: number): RecognizedLine['symbols'][number] => ({ text, confidence: 0.9, x0, x1 });
  const symbols = [sym('1', 159, 176), sym('第', 198, 264), sym('寿', 271, 307), sym('荘', 314, 352), sym('9', 366, 387), sym('0', 409, 432), sym('1', 454, 476), sym('号', 490, 527)];
  const line: RecognizedLine = { x0: 157, ...row, x1: 527, glyphH: 37, text: '1第寿荘901号', confidence: 0.8, symbols };

  it('takes the cell after the character before, over the row, when digits before make the count unsure', () => {
    expect(glyphCellAt([line], [tl], '1第寿荘9', 2, true)).toBeNull();
    // the lower bar's column, the row's height: both bars of 二 for the shape test
    expect(droppedPrintAt([line], [tl], '1第寿荘9', 2)).toEqual({ x0: 227, y0: 190, x1: 263, y1: 227 });
    // the context before it on the row above (号 | 第寿荘): the characters either side of it place it
    expect(droppedPrintAt([{ ...line, text: '第寿荘901号', symbols: symbols.slice(1) }], [tl], '号第寿荘９', 2)).toEqual({ x0: 227, y0: 190, x1: 263, y1: 227 });
  });

  it('takes the room between the two where the line finder found nothing, and the next character where there is none', () => {
    const none = { ...tl, chars: chars.filter((c) => c.x0 !== 227) };
    expect(droppedPrintAt([line], [none], '1第寿荘9', 2)).toEqual({ x0: 221, y0: 190, x1: 270, y1: 227 });
    // nothing dropped: 第 and 寿 a character apart, the cell after 第 is 寿 (the shape test says it is a neighbour)
    const tight = [piece(159, 176, 195, 224), piece(183, 220), piece(227, 263), piece(270, 306)];
    const tightLine: RecognizedLine = { ...line, x1: 306, text: '1第寿荘', symbols: [sym('1', 159, 176), sym('第', 183, 220), sym('寿', 227, 263), sym('荘', 270, 306)] };
    expect(droppedPrintAt([tightLine], [{ ...tl, x1: 306, chars: tight }], '1第寿荘', 2)).toEqual({ x0: 227, y0: 190, x1: 263, y1: 227 });
  });

  it('takes the cell after the character before where the dropped character ended its row (第 | 寿荘)', () => {
    // the row reads 1第 and its line takes in the 二 after 第; the row under it starts with 寿荘
    const ends: RecognizedLine = { ...line, x1: 263, text: '1第', symbols: symbols.slice(0, 2) };
    const endsTl = { ...tl, x1: 263, chars: chars.slice(0, 3) };
    expect(droppedPrintAt([ends], [endsTl], '1第寿荘9', 2)).toEqual({ x0: 227, y0: 190, x1: 263, y1: 227 });
    // a row that ends at 第, with no print after it, has no dropped character's cell
    expect(droppedPrintAt([{ ...ends, x1: 220 }], [{ ...endsTl, x1: 220, chars: chars.slice(0, 2) }], '1第寿荘9', 2)).toBeNull();
  });

  it('finds nothing where the model\'s boxes place nothing or the row does not read the characters either side', () => {
    // a box over the whole row (a reread's symbols) places no character
    expect(droppedPrintAt([{ ...line, symbols: symbols.map((s) => ({ ...s, x0: 157, x1: 527 })) }], [tl], '1第寿荘9', 2)).toBeNull();
    // boxes not one per character
    expect(droppedPrintAt([{ ...line, symbols: symbols.slice(1) }], [tl], '1第寿荘9', 2)).toBeNull();
    expect(droppedPrintAt([line], [tl], '1第荘9', 2)).toBeNull();
  });
});

describe('the print of an ordinal\'s number read after 第, only where counted', () => {
  // 第 [二] 寿 荘 7 0 6 号 on a phone photo's second address row (20270125 #9): the model read 第一 with its box of
  // 第 over four characters; the line finder found only 二's lower bar, and a piece of the row above (its 地)
  // reaches 10 px into this row
  const box = (x0: number, x1: number, y0: number, y1: number): CharBox => ({ x0, x1, y0, y1 });
  const chars = [box(153, 187, 256, 292), box(194, 229, 284, 289), box(235, 268, 256, 293), box(275, 311, 256, 292), box(323, 344, 260, 289), box(364, 386, 261, 290), box(406, 427, 260, 290), box(439, 474, 257, 293), box(178, 225, 206, 266)];
  const tl: TextLine = { x0: 153, y0: 256, x1: 474, y1: 293, glyphH: 37, blobs: chars.length, chars };
  const sym = (text: string, x0: number, x1: number): RecognizedLine['symbols'][number] => ({ text, confidence: 0.8, x0, x1 });
  const line: RecognizedLine = { x0: 153, y0: 256, x1: 474, y1: 293, glyphH: 37, text: '第一寿荘70 6号', confidence: 0.78, symbols: [sym('第', 153, 344), sym('一', 219, 256), sym('寿', 256, 314), sym('荘', 313, 357), sym('7', 365, 386), sym('0', 376, 386), sym('6', 412, 427), sym('号', 442, 474)] };

  it('counts it along the row that reads it, the context from the row above cut off, the row above\'s piece left out', () => {
    const got = countedPrintAt([line], [tl], '地第一寿荘', 2);
    // 二's column between 第 and 寿, over this row's height only (not the 地 above at 206–266)
    expect(got).not.toBeNull();
    expect(got!.x0).toBeGreaterThan(187);
    expect(got!.x1).toBeLessThan(235);
    expect(got!.x1).toBeGreaterThanOrEqual(229);
    expect([got!.y0, got!.y1]).toEqual([256, 293]);
  });

  it('finds nothing where digits before it on its row make the count unsure (the boxes lag: 第\'s box over 二, the cell after it 寿)', () => {
    const digits: RecognizedLine = { ...line, x0: 120, text: '1号第一寿荘', symbols: [sym('1', 120, 140), sym('号', 150, 180), sym('第', 194, 229), sym('一', 235, 268), sym('寿', 275, 311), sym('荘', 323, 344)] };
    const withDigit: TextLine = { ...tl, x0: 120, chars: [box(120, 140, 257, 292), ...chars] };
    expect(countedPrintAt([digits], [withDigit], '号第一寿荘', 2)).toBeNull();
  });
});

describe('an ordinal\'s number read, settled by its print', () => {
  for (const font of FONTS) {
    it(`${font}: a printed 二 read 一 is 二, a printed 一 stays 一`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[2]!]) {
        const ask = async (printed: string, read: string): Promise<string> => settleGlyph({ op: 'glyph', crop: await glyph(printed, font, look), read, options: NUMERALS });
        expect(await ask('二', '一')).toBe('二');
        expect(await ask('一', '一')).toBe('一');
        expect(await ask('二', '二')).toBe('二');
      }
    });
  }
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
