import { describe, expect, it } from 'vitest';
import { findTextLines, groupLines, mergeIntoChars } from '../../main/ocr-engine/layout/text-lines';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import { extractFields } from '../../common/ocr/extract-fields';
import type { RecognizedLine } from '../../common/ocr/recognized-line';

const blob = (x0: number, y0: number, x1: number, y1: number): { x0: number; y0: number; x1: number; y1: number; area: number } => ({ x0, y0, x1, y1, area: (x1 - x0 + 1) * (y1 - y0 + 1) });

describe('text lines from ink blobs', () => {
  it("joins a character's stacked parts (刀 over 口 in 召) but not ruby kana over a name", () => {
    const chars = mergeIntoChars([blob(100, 40, 128, 52), blob(102, 55, 126, 68), blob(200, 40, 214, 55), blob(196, 60, 240, 104)], 1);
    expect(chars).toContainEqual({ x0: 100, y0: 40, x1: 128, y1: 68 });
    expect(chars).toContainEqual({ x0: 200, y0: 40, x1: 214, y1: 55 });
    expect(chars).toContainEqual({ x0: 196, y0: 60, x1: 240, y1: 104 });
  });

  it('joins the parts of a character that touch, whatever their sizes: 恵 with its 心 in pieces, 森 with its upper 木', () => {
    // 恵 as found on a flat card: the upper part (25 px) and, touching it from below, the three dots and the
    // hook of 心 as four small blobs
    const kei = mergeIntoChars([blob(314, 47, 351, 71), blob(313, 72, 322, 84), blob(318, 74, 338, 84), blob(330, 72, 336, 78), blob(342, 73, 352, 82)], 1);
    expect(kei).toEqual([{ x0: 313, y0: 47, x1: 352, y1: 84 }]);
    // 森: the small upper 木 overlaps the wide 木木 under it by a pixel
    expect(mergeIntoChars([blob(150, 45, 172, 65), blob(138, 64, 182, 87)], 1)).toEqual([{ x0: 138, y0: 45, x1: 182, y1: 87 }]);
  });

  it("keeps ruby ニ's lower bar off the long top bar of 西 under it, and still joins 二's bars", () => {
    // ニ (two short bars, as found on a scanned card) over 西 (one blob, 49 × 44)
    const chars = mergeIntoChars([blob(137, 30, 155, 33), blob(134, 43, 158, 45), blob(134, 67, 182, 110)], 1);
    expect(chars).toContainEqual({ x0: 134, y0: 67, x1: 182, y1: 110 });
    // 二 as printed: the top bar a little shorter than the bottom one
    const two = mergeIntoChars([blob(105, 50, 135, 54), blob(100, 70, 140, 75)], 1);
    expect(two).toEqual([{ x0: 100, y0: 50, x1: 140, y1: 75 }]);
    // 三: the first two bars join first, then the last bar, as long as they, far under them
    const three = mergeIntoChars([blob(104, 40, 136, 44), blob(106, 56, 134, 60), blob(100, 74, 140, 79)], 1);
    expect(three).toEqual([{ x0: 100, y0: 40, x1: 140, y1: 79 }]);
  });

  it("keeps ruby ミ and グ off the top of 恵 under them (a third to a half as wide: 意 was read), and still joins 恵's own parts", () => {
    // a scanned next-generation card: ミ's three strokes (its lowest bar 17 × 9), 12 px over 恵's upper part
    // (52 × 31, flat too), then 心 in four pieces touching it
    const blobs = [blob(538, 86, 552, 91), blob(539, 93, 550, 98), blob(536, 99, 552, 107), blob(537, 119, 588, 149), blob(560, 151, 568, 160), blob(537, 154, 547, 168), blob(551, 153, 577, 168), blob(575, 153, 588, 166)];
    const chars = mergeIntoChars(blobs, 1.2);
    expect(chars).toContainEqual({ x0: 537, y0: 119, x1: 588, y1: 168 });
    expect(chars.every((c) => c.y1 < 119 || c.y0 >= 119)).toBe(true);
    // a flat card of the same design: グ whole (21 px wide) and ミ's strokes (15 px) over 恵's upper part (48 × 30,
    // not flat), as tall as グ: a third to a half as wide is no part of it
    const flat = mergeIntoChars([blob(546, 86, 566, 108), blob(578, 89, 590, 94), blob(579, 95, 588, 100), blob(576, 101, 590, 108), blob(536, 120, 583, 149), blob(557, 151, 565, 160), blob(536, 154, 545, 168), blob(549, 153, 573, 168), blob(572, 153, 583, 166)], 1.122);
    expect(flat.every((c) => c.y1 < 120 || c.y0 >= 120)).toBe(true);
  });

  it("ignores the card's rim along the image edge: it would join the 住所 label and the address into one line", () => {
    const card = createGray(1200, 757, 230);
    const ink = (x0: number, y0: number, w: number, h: number): void => {
      for (let y = y0; y < y0 + h; y++) card.data.fill(40, y * 1200 + x0, y * 1200 + x0 + w);
    };
    // the label: two small characters of strokes; the address: ten big ones
    for (const x of [42, 70]) for (let k = 0; k < 3; k++) ink(x, 170 + 9 * k, 22, 3);
    for (let i = 0; i < 10; i++) for (let k = 0; k < 4; k++) ink(141 + 40 * i, 167 + 11 * k, 34, 4);
    // a one-pixel sliver of the desk at the warped card's left edge, level with both
    ink(0, 135, 1, 85);
    const lines = findTextLines(card);
    expect(lines.some((l) => l.x0 === 0)).toBe(false);
    expect(lines.find((l) => l.x0 >= 40 && l.x0 <= 44)?.x1).toBeLessThan(141);
    expect(lines.some((l) => l.x0 >= 139 && l.x0 <= 143 && l.x1 >= 500)).toBe(true);
  });

  it('finds the text on a card printed with fine pale horizontal lines, and keeps a dark dash as ink', () => {
    const card = createGray(1200, 757, 236);
    // the pattern: a 1 px line, a little darker than the paper, every 4 px, broken every ~100 px
    for (let y = 2; y < 757; y += 4) for (let x = 0; x < 1200; x++) if ((x + 13 * y) % 100 > 3) card.data[y * 1200 + x] = 206;
    const ink = (x0: number, y0: number, w: number, h: number): void => {
      for (let y = y0; y < y0 + h; y++) card.data.fill(40, y * 1200 + x0, y * 1200 + x0 + w);
    };
    // two rows of ten characters, each of four strokes; a dash (a 2 px bar) between the fifth and sixth of the first
    for (const y of [300, 380]) for (let i = 0; i < 10; i++) for (let k = 0; k < 4; k++) ink(200 + 40 * i + (i >= 5 && y === 300 ? 40 : 0), y + 11 * k, 34, 4);
    ink(403, 318, 30, 2);
    const lines = findTextLines(card);
    const rows = lines.filter((l) => l.glyphH >= 35 && l.glyphH <= 45);
    expect(rows).toHaveLength(2);
    // each row where its characters are (a fragment of a stripe touching a character's top may stay with it)
    expect(rows.map((r) => r.y1)).toEqual([336, 416]);
    for (const [r, top] of [[rows[0]!, 300], [rows[1]!, 380]] as const) expect(Math.abs(r.y0 - top)).toBeLessThanOrEqual(8);
    // no line taller than a row: the pattern joined nothing across the rows (a fragment of it beside a
    // character may remain a small line of its own, read as noise)
    expect(lines.every((l) => l.y1 - l.y0 < 60)).toBe(true);
    expect(rows[0]!.chars.some((c) => c.x0 === 403 && c.y1 - c.y0 + 1 === 2)).toBe(true);
  });

  it('leaves out the short pale dashes of a wavy hairline pattern along a name, and keeps a dark hairline as ink', () => {
    const card = createGray(1200, 757, 236);
    const ink = (x0: number, y0: number, w: number, h: number, v = 40): void => {
      for (let y = y0; y < y0 + h; y++) card.data.fill(v, y * 1200 + x0, y * 1200 + x0 + w);
    };
    // a name of two characters, a space, and two more (50 px tall, each of five strokes)
    for (const x of [216, 281, 411, 476]) for (let k = 0; k < 5; k++) ink(x, 92 + 10 * k, 48, 5);
    // the pattern: one-pixel-tall dashes, ~10 px long, every ~20 px along the whole row, at heights across it
    for (let x = 160; x < 1180; x += 19) if (x < 210 || (x > 335 && x < 405) || x > 530) ink(x, 84 + ((x * 7) % 64), 10, 1, 206);
    // the card's other text (the address and the dates: the card's ink is measured from all of its print)
    for (const y of [300, 380, 460]) for (let i = 0; i < 10; i++) for (let k = 0; k < 4; k++) ink(200 + 40 * i, y + 11 * k, 34, 4);
    // a dark hairline between the name's parts: printed, it stays (a pale one is the pattern)
    ink(350, 117, 40, 1);
    const lines = findTextLines(card);
    const name = lines.find((l) => l.glyphH >= 40);
    expect(name).toMatchObject({ x0: 216, x1: 523 });
    expect(name!.chars.some((c) => c.x0 === 350 && c.y0 === 117)).toBe(true);
  });

  it('keeps a row going after a kana broken into strokes (クハウス: ハ\'s two strokes are small)', () => {
    const box = (x: number, y: number, w: number, h: number): { x0: number; y0: number; x1: number; y1: number } => ({ x0: x, y0: y, x1: x + w - 1, y1: y + h - 1 });
    const lines = groupLines([box(207, 231, 25, 30), box(238, 238, 15, 17), box(257, 239, 12, 15), box(277, 232, 25, 30), box(309, 235, 29, 24), box(351, 233, 19, 28)], 1.2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x0: 207, x1: 369 });
  });

  it('puts roman capitals printed a space after a kanji name on a line of their own (拓也 SHIBATA), and keeps small kana and a dash after a space in theirs', () => {
    const box = (x: number, y: number, w: number, h: number): { x0: number; y0: number; x1: number; y1: number } => ({ x0: x, y0: y, x1: x + w - 1, y1: y + h - 1 });
    // 拓也 53 px tall; S H I B A 22 px tall on the same baseline, 36 px (0.68 of the name's height) after it
    const name = [box(377, 46, 19, 56), box(395, 48, 35, 51), box(437, 47, 53, 53)];
    const roman = [525, 542, 563, 572, 588].map((x) => box(x, 78, 14, 22));
    const lines = groupLines([...name, ...roman], 1);
    expect(lines.map((l) => [l.x0, l.x1])).toEqual([[377, 489], [525, 601]]);
    // a small kana (ャ, 0.6 of the height) close after its neighbour, and a dash a space away, stay on the row
    const row = [box(100, 50, 40, 40), box(144, 66, 26, 24), box(174, 50, 40, 40), box(240, 68, 36, 3), box(282, 50, 40, 40)];
    expect(groupLines(row, 1)).toHaveLength(1);
  });

  it('joins a character blur broke into parts found as lines of their own, overlapping (号 alone on a wrapped 住所 row)', () => {
    const box = (x0: number, y0: number, x1: number, y1: number): { x0: number; y0: number; x1: number; y1: number } => ({ x0, y0, x1, y1 });
    // a camera photo's 号 (20270130 #43): 口 in two halves, the foot under them overlapping their rows
    const go = [box(242, 312, 251, 335), box(258, 312, 270, 330), box(254, 329, 266, 345)];
    const lines = groupLines(go, 1.2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x0: 242, y0: 312, x1: 270, y1: 345, chars: [box(242, 312, 270, 345)] });
    // a ruby row over its name, set apart from it, and a label beside its value stay lines of their own
    const ruby = [box(100, 40, 114, 54), box(118, 40, 132, 54)];
    const name = [box(98, 58, 138, 98), box(142, 58, 182, 98)];
    expect(groupLines([...ruby, ...name], 1)).toHaveLength(2);
  });

  it('keeps a small label apart from the big value beside it, and a hyphen inside its line', () => {
    const label = [
      { x0: 30, y0: 50, x1: 48, y1: 68 },
      { x0: 50, y0: 50, x1: 68, y1: 68 },
    ];
    const value = [
      { x0: 110, y0: 40, x1: 150, y1: 80 },
      { x0: 154, y0: 40, x1: 194, y1: 80 },
      { x0: 200, y0: 58, x1: 230, y1: 61 }, // a hyphen
      { x0: 236, y0: 40, x1: 276, y1: 80 },
    ];
    const lines = groupLines([...label, ...value], 1);
    expect(lines).toHaveLength(2);
    const big = lines.find((l) => l.x0 === 110)!;
    expect(big.blobs).toBe(4);
    expect(big.glyphH).toBe(41);
    expect(lines.find((l) => l.x0 === 30)!.x1).toBe(68);
  });

  it('keeps the end of a 番地 wrapped onto a row of its own (－１): a dash then a narrow digit', () => {
    const lines = groupLines(
      [
        { x0: 135, y0: 201, x1: 161, y1: 202 }, // －
        { x0: 176, y0: 189, x1: 190, y1: 214 }, // １
      ],
      1.05,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x0: 135, x1: 190, blobs: 2, glyphH: 26 });
  });

  it('keeps a narrow digit standing alone as a line (the １ of ３－３０－ | １), never a speck or a hairline that tall', () => {
    // a full-width １ of 21 px text, 8 px wide, under an address row
    const lines = groupLines([{ x0: 96, y0: 128, x1: 103, y1: 148 }], 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x0: 96, x1: 103, blobs: 1 });
    // a stroke as tall and 3 px wide (a scratch, a line of the pattern) is no character
    expect(groupLines([{ x0: 96, y0: 128, x1: 98, y1: 148 }], 1)).toHaveLength(0);
  });

  describe("a line's first character broken into pieces by blur", () => {
    /** the rest of an address row after its first character: 川県羽咋市, 30 px text */
    const rest = [
      { x0: 224, y0: 170, x1: 231, y1: 198 },
      { x0: 238, y0: 173, x1: 242, y1: 196 },
      { x0: 248, y0: 170, x1: 253, y1: 199 },
      { x0: 261, y0: 171, x1: 289, y1: 200 },
      { x0: 295, y0: 170, x1: 325, y1: 201 },
      { x0: 330, y0: 169, x1: 353, y1: 201 },
    ];

    it('joins the pieces to the line (石 as 丆, the lower half of 口 and a speck), so the row begins at its first character', () => {
      const pieces = [
        { x0: 189, y0: 172, x1: 204, y1: 201 },
        { x0: 208, y0: 183, x1: 217, y1: 201 },
        { x0: 215, y0: 171, x1: 219, y1: 175 },
      ];
      const lines = groupLines([...pieces, ...rest], 1.2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ x0: 189, x1: 353 });
    });

    it('joins them across the wider gap of a letter-spaced row (~0.6 of the text height before its second character)', () => {
      const pieces = [
        { x0: 175, y0: 172, x1: 190, y1: 201 },
        { x0: 194, y0: 183, x1: 203, y1: 201 },
        { x0: 201, y0: 171, x1: 205, y1: 175 },
      ];
      const lines = groupLines([...pieces, ...rest], 1.2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ x0: 175, x1: 353 });
    });

    it('joins pieces that made two "lines" of their own (the halves of 大 over the halves of 示 in 奈)', () => {
      const shifted = rest.map((c) => ({ x0: c.x0 + 39, y0: c.y0 + 70, x1: c.x1 + 39, y1: c.y1 + 74 }));
      const pieces = [
        { x0: 221, y0: 239, x1: 239, y1: 258 },
        { x0: 240, y0: 243, x1: 254, y1: 261 },
        { x0: 222, y0: 260, x1: 231, y1: 271 },
        { x0: 230, y0: 260, x1: 240, y1: 274 },
        { x0: 243, y0: 263, x1: 252, y1: 272 },
      ];
      const lines = groupLines([...pieces, ...shifted], 1.2);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.x0).toBe(221);
    });

    it('leaves apart a label in smaller type right before the value, and a stretch of a portrait\'s edge', () => {
      // 氏名 at 0.4 of the name's height, half a character before it
      const label = [
        { x0: 29, y0: 54, x1: 42, y1: 69 },
        { x0: 44, y0: 54, x1: 56, y1: 68 },
      ];
      const name = [
        { x0: 76, y0: 52, x1: 88, y1: 83 },
        { x0: 85, y0: 38, x1: 119, y1: 83 },
        { x0: 130, y0: 42, x1: 167, y1: 82 },
      ];
      const lines = groupLines([...label, ...name], 1.2);
      expect(lines.map((l) => l.x0).sort((a, b) => a - b)).toEqual([29, 76]);
      const edge = [
        { x0: 310, y0: 166, x1: 312, y1: 174 },
        { x0: 310, y0: 137, x1: 312, y1: 163 },
      ];
      const family = [
        { x0: 343, y0: 125, x1: 402, y1: 185 },
        { x0: 416, y0: 124, x1: 476, y1: 185 },
      ];
      const withEdge = groupLines([...edge, ...family, ...family.map((c) => ({ ...c, x0: c.x0 + 220, x1: c.x1 + 220 }))], 1.2);
      expect(withEdge.every((l) => l.x0 >= 343)).toBe(true);
    });
  });

  it('keeps a mincho digit that stands above the kanji beside it in its date line (平成14年 12月 16日生)', () => {
    // 月 and a narrow 1 sitting low, then 6 a little higher and shorter than the line's box: one line
    const date = [
      { x0: 100, y0: 268, x1: 122, y1: 298 },
      { x0: 126, y0: 270, x1: 147, y1: 292 },
      { x0: 160, y0: 270, x1: 170, y1: 292 },
      { x0: 176, y0: 266, x1: 190, y1: 288 },
      { x0: 194, y0: 266, x1: 218, y1: 291 },
    ];
    const lines = groupLines(date, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.blobs).toBe(5);
  });
});

describe('a slanted row', () => {
  it('follows the slope of its last characters: a date line climbing on a scan straightened short stays one line (平成２５年２月１４日生)', () => {
    // as found on a flat scan of a card whose outline was not found (deskewed whole image): the row climbs
    // ~1.4 px per character; ４ (268–293) falls just outside a band centred on the last six characters' median
    const date = [
      [124, 277, 155, 309], [164, 275, 196, 309], [212, 276, 228, 302], [252, 275, 268, 301], [284, 271, 316, 303], [332, 272, 348, 297],
      [365, 269, 391, 301], [414, 269, 425, 294], [450, 268, 469, 293], [488, 266, 511, 295], [524, 264, 556, 293],
    ].map(([x0, y0, x1, y1]) => ({ x0: x0!, y0: y0!, x1: x1!, y1: y1! }));
    const lines = groupLines(date, 1.071);
    expect(lines.map((l) => [l.x0, l.x1])).toEqual([[124, 556]]);
  });
  it("keeps a short row level: ３０号's stacked pieces do not tilt it, so the lower piece of 号 stays in", () => {
    const row = [[145, 227, 163, 253], [180, 227, 199, 254], [214, 227, 227, 249], [225, 226, 240, 241], [225, 243, 236, 258]].map(([x0, y0, x1, y1]) => ({ x0: x0!, y0: y0!, x1: x1!, y1: y1! }));
    const lines = groupLines(row, 1.2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x0: 145, y1: 258, blobs: 5 });
  });
  it('does not let two characters of different sizes tilt the line: the row under it stays its own', () => {
    const rowA = [[100, 100, 130, 130], [140, 104, 160, 126], [170, 100, 200, 130], [210, 100, 240, 130]].map(([x0, y0, x1, y1]) => ({ x0: x0!, y0: y0!, x1: x1!, y1: y1! }));
    const rowB = [[250, 150, 280, 180], [290, 150, 320, 180], [330, 150, 360, 180]].map(([x0, y0, x1, y1]) => ({ x0: x0!, y0: y0!, x1: x1!, y1: y1! }));
    expect(groupLines([...rowA, ...rowB], 1).map((l) => [l.x0, l.x1])).toEqual([[100, 240], [250, 360]]);
  });
});

describe('date cross-checks', () => {
  const line = (text: string, y: number): RecognizedLine => ({ x0: 100, y0: y, x1: 400, y1: y + 30, glyphH: 28, text, confidence: 0.9, symbols: [] });
  it('takes a birth date after the expiry date for the two lines swapped', () => {
    const ex = extractFields([line('氏名 GARCIA ANNA', 40), line('住所 東京都千代田区永田町1-2-3', 120), line('2026年4月27日', 300), line('2009年4月27日', 360)], '2026-06-01');
    expect(ex.fields.birthDate.value).toBe('2009-04-27');
    expect(ex.fields.expiryDate.value).toBe('2026-04-27');
  });
});
