import { describe, expect, it } from 'vitest';
import { joinsByPrint, printBoxes, rowPieces, JOIN_PRINT } from '../../main/ocr-engine/reread/joins-by-print';
import type { RecognizedLine } from '../../common/ocr/recognized-line';
import type { CharBox } from '../../main/ocr-engine/layout/text-lines';
import { doubtfulChars } from '../../common/card/card-checks';

/** A row 33 px tall at y 107–140 (the text height of a phone photo's address row on the warped card). */
const ROW = { y0: 107, y1: 140, glyphH: 33 };
const MID = (ROW.y0 + ROW.y1) / 2;
/** a glyph's box, as tall as the row */
const glyph = (x0: number, w: number): CharBox => ({ x0, y0: ROW.y0, x1: x0 + w - 1, y1: ROW.y1 - 2 });
/** a printed dash: flat, at the row's middle */
const dash = (x0: number, w = 27): CharBox => ({ x0, y0: MID - 3, x1: x0 + w - 1, y1: MID + 3 });

/** A read row: one symbol per character, each over the given columns. */
function row(text: string, cols: [number, number][], confidence = 0.9): RecognizedLine {
  const chars = [...text];
  expect(chars.length).toBe(cols.length);
  return {
    x0: cols[0]![0],
    x1: cols.at(-1)![1],
    ...ROW,
    text,
    confidence,
    symbols: chars.map((c, i) => ({ text: c, confidence, x0: cols[i]![0], x1: cols[i]![1] })),
  };
}

describe('the joins of a read row\'s numbers as printed (joinsByPrint)', () => {
  // 飯田９－３４－２９ as the line finder found it on 20270104 #33 (phone): 田, then ９ － ３ ４ － ２ ９
  const printed = [glyph(389, 27), glyph(432, 19), dash(466), glyph(508, 20), glyph(543, 22), dash(580), glyph(622, 19), glyph(660, 20)];

  it('puts back a dash the model dropped between two digits, the digits as read, and asks the clerk to look', () => {
    // the model's boxes of the first characters lie a character right of their glyphs, as they did on that card
    const read = row('田９－３４２９', [[389, 415], [467, 492], [508, 527], [520, 552], [543, 606], [622, 641], [661, 679]]);
    const out = joinsByPrint(read, printed);
    expect(out.text).toBe('田９－３４－２９');
    expect(out.symbols.map((s) => s.text).join('')).toBe(out.text);
    expect(out.confidence).toBeLessThanOrEqual(JOIN_PRINT.changedConfidence);
    // the check screen marks the character the reader set, and only it
    const marked = doubtfulChars(out.text, out.symbols.map((x) => x.confidence));
    expect([...out.text].filter((_, i) => marked[i])).toEqual(['－']);
  });

  it('takes a dash the read wrote in another form (‐, ―) for a join, and writes the one it puts back the same way', () => {
    const read = row('田９―３４２９', [[389, 415], [432, 450], [466, 492], [508, 527], [543, 564], [622, 641], [660, 679]]);
    expect(joinsByPrint(read, printed).text).toBe('田９―３４―２９');
  });

  it('takes a digit read over a printed dash for the dash (3-3-16 read ３３３－１６)', () => {
    // 山口3-3-16パ on 20270107 #37 (a flat scan, text 21 px tall): the model's boxes a character right of the print
    const r = { y0: 302, y1: 326, glyphH: 21 };
    const m = (r.y0 + r.y1) / 2;
    const g = (x0: number, w: number): CharBox => ({ x0, y0: r.y0, x1: x0 + w - 1, y1: r.y1 - 2 });
    const d = (x0: number, w: number): CharBox => ({ x0, y0: m - 1, x1: x0 + w - 1, y1: m + 1 });
    const print = [g(437, 20), g(466, 14), d(487, 8), g(501, 14), d(522, 8), g(538, 8), g(558, 14), g(579, 9)];
    const text = '口３３３－１６パ';
    const cols = [[437, 457], [490, 494], [501, 515], [522, 529], [538, 546], [558, 572], [579, 599], [611, 633]];
    const read: RecognizedLine = { x0: 437, x1: 633, ...r, text, confidence: 0.9, symbols: cols.map(([x0, x1], i) => ({ text: [...text][i]!, confidence: 0.9, x0: x0!, x1: x1! })) };
    expect(joinsByPrint(read, print).text).toBe('口３－３－１６パ');
  });

  it('keeps a digit whose box lies over the dash after it (４１５ with the ４\'s box over the dash is ４－１５, not －１５)', () => {
    const h = 17;
    const r = { y0: 200, y1: 221, glyphH: h };
    const m = (r.y0 + r.y1) / 2;
    const g = (x0: number, w: number): CharBox => ({ x0, y0: r.y0, x1: x0 + w - 1, y1: r.y1 });
    const d = (x0: number, w: number): CharBox => ({ x0, y0: m - 1, x1: x0 + w - 1, y1: m + 1 });
    const print = [g(312, 19), g(338, 14), d(361, 17), g(389, 7), g(411, 12), d(432, 17), g(458, 12), g(480, 16)];
    const read: RecognizedLine = {
      x0: 312,
      x1: 495,
      ...r,
      text: '岡４１５－６グ',
      confidence: 0.9,
      symbols: [
        [312, 330],
        [361, 377],
        [390, 422],
        [432, 449],
        [458, 470],
        [469, 485],
        [480, 495],
      ].map(([x0, x1], i) => ({ text: [...'岡４１５－６グ'][i]!, confidence: 0.9, x0: x0!, x1: x1! })),
    };
    expect(joinsByPrint(read, print).text).toBe('岡４－１５－６グ');
  });

  it('puts back the dash that starts a wrapped row (8-32 | -1ハイツ read 1ハイツ)', () => {
    const print = [dash(238, 9), glyph(253, 12), glyph(277, 24), glyph(313, 25)];
    const read = row('1ハイ', [[240, 264], [277, 300], [313, 338]]);
    expect(joinsByPrint(read, print).text).toBe('-1ハイ');
  });

  it('puts back the dash that ends a row before its number wraps (8-27- | 21 read 8-27), not one that a box follows', () => {
    const print = [glyph(100, 30), glyph(140, 19), dash(170, 12), glyph(190, 19), glyph(212, 19), dash(240, 12)];
    const read = row('町8-27', [[100, 130], [140, 160], [170, 182], [190, 210], [212, 232]]);
    expect(joinsByPrint(read, print).text).toBe('町8-27-');
    // a glyph printed after that flat mark on the row: the row does not end with it
    expect(joinsByPrint(read, [...print, glyph(262, 30)]).text).toBe('町8-27');
  });

  it('changes nothing where the print agrees, shows no dash, or cannot be laid over the run', () => {
    const agreed = row('田９－３４－２９', [[389, 415], [432, 450], [466, 492], [508, 527], [543, 564], [580, 606], [622, 640], [660, 679]]);
    expect(joinsByPrint(agreed, printed)).toBe(agreed);
    // no flat box: 1762番地 is left as read
    const plain = row('広袴1762', [[100, 130], [135, 165], [170, 180], [185, 195], [200, 210], [215, 225]]);
    expect(joinsByPrint(plain, [glyph(100, 30), glyph(135, 30), glyph(170, 10), glyph(185, 10), glyph(200, 10), glyph(215, 10), dash(400)])).toBe(plain);
    // a digit the print does not show (two digits touching as one box): no laying keeps every digit, so no change
    const touching = row('田９３４２９', [[389, 415], [432, 450], [508, 527], [543, 564], [622, 641], [660, 679]]);
    const merged = [glyph(389, 27), glyph(432, 19), dash(466), glyph(508, 56), dash(580), glyph(622, 19), glyph(660, 20)];
    expect(joinsByPrint(touching, merged)).toBe(touching);
    // the model's boxes not one per character: nothing to lay
    const unboxed = { ...agreed, symbols: agreed.symbols.slice(1) };
    expect(joinsByPrint(unboxed, printed)).toBe(unboxed);
  });

  it('takes no flat mark off the row\'s middle for a dash (a 濁点, a digit\'s detached top bar), and no speck', () => {
    const high: CharBox = { x0: 466, y0: ROW.y0, x1: 492, y1: ROW.y0 + 5 };
    const speck: CharBox = { x0: 470, y0: MID - 1, x1: 472, y1: MID + 1 };
    expect(printBoxes([high], ROW)[0]!.mark).toBe('glyph');
    expect(printBoxes([speck], ROW)).toEqual([]);
    expect(printBoxes([dash(466)], ROW)[0]!.mark).toBe('join');
    // a ５ whose top bar the line finder found apart is one glyph
    expect(printBoxes([glyph(500, 20), { x0: 501, y0: ROW.y0, x1: 518, y1: ROW.y0 + 4 }], ROW)).toHaveLength(1);
  });

  it('puts no join before a run inside a row: a flat 一 ending a place name is no dash before its 番地', () => {
    // 東一５－３: the 一 is flat and at the middle, but the run does not start the row
    const print = [glyph(100, 30), dash(140, 30), glyph(180, 18), dash(205, 20), glyph(232, 18)];
    const read = row('東一５－３', [[100, 130], [140, 170], [180, 198], [205, 225], [232, 250]]);
    expect(joinsByPrint(read, print).text).toBe('東一５－３');
  });

  it('takes the row\'s pieces from its rows and a text height either side of it', () => {
    const read = row('1ハイ', [[240, 264], [277, 300], [313, 338]]);
    const other = { x0: 400, y0: 10, x1: 430, y1: 40 };
    const far = glyph(400, 20);
    const pieces = rowPieces(read, [{ chars: [dash(238, 9), glyph(253, 12), other] }, { chars: [far] }]);
    expect(pieces).toEqual([dash(238, 9), glyph(253, 12)]);
  });
});
