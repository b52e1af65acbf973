import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { splitJoinedLines } from '../../common/ocr/joined-lines';
import { bareLine, pitchedLine } from '../support/recognized-lines';

// the rest of a current card, its 住所 label read as one at x 47 (the label column)
const rest = [
  pitchedLine('住所 埼玉県さいたま市浦和区高砂7-33-29', 47, 164, 202, 35, 0.9, 36, { 1: 20 }),
  bareLine('1942年2月8日生', 160, 320, 500, 352, 31),
  bareLine('性別 男', 700, 325, 760, 352, 30),
];
const texts = (ls: { text: string }[]): string[] => ls.map((l) => l.text);

describe('lines joined across fields, cut apart', () => {
  it('a misread 氏名 before a roman name is a label of its own, whatever its column (丘名 KIM VAN AN); in the labels\' column it is spelled 氏名', () => {
    const joined = pitchedLine('丘名 KIM VAN AN', 47, 69, 108, 39, 0.6, 36, { 1: 30 });
    expect(texts(splitJoinedLines([joined, ...rest])[0]!)).toEqual(['氏名', 'KIM VAN AN']);
    // where values start: cut off, left as read
    expect(texts(splitJoinedLines([pitchedLine('丘名 KIM VAN AN', 137, 69, 108, 39, 0.6, 36, { 1: 30 }), ...rest])[0]!)).toEqual(['丘名', 'KIM VAN AN']);
    const r = extractFields([joined, ...rest], '2026-01-01');
    expect(r.fields.name.value).toBe('KIM\u3000VAN AN');
    expect(r.layout).toBe('foreign');
  });

  it('a speck read as a character glued to a roman name is cut off, and the card reads as a foreign resident’s (でCHEN SOFIA)', () => {
    const joined = pitchedLine('でCHEN SOFIA', 173, 58, 95, 36, 0.78, 34, { 4: 20 });
    const parts = splitJoinedLines([joined])[0]!;
    expect(texts(parts)).toEqual(['で', 'CHEN SOFIA']);
    // the part starts in the middle of the gap between で's box and C's (the model's boxes lag its glyphs)
    expect(parts[1]!.x0).toBe((173 + 32 + 173 + 34) / 2);
    const r = extractFields([joined, ...rest], '2026-01-01');
    expect(r.fields.name.value).toBe('CHEN\u3000SOFIA');
    expect(r.layout).toBe('foreign');
    expect(r.sources.name?.x).toBe((173 + 32 + 173 + 34) / 2);
  });

  it('a roman name alone, or letters after too few letters, stay as read', () => {
    for (const t of ['CHEN SOFIA', 'で OE', '王 明'])
      expect(texts(splitJoinedLines([pitchedLine(t, 173, 58, 95, 36, 0.9, 34)])[0]!)).toEqual([t]);
  });

  it('a misread 氏名 in the label column, apart from its value, is the label (兵名 濵田): the name is the value alone', () => {
    const joined = pitchedLine('兵名 濵田', 47, 21, 50, 27, 0.66, 27, { 1: 14 });
    const given = pitchedLine('悠真', 201, 21, 50, 29, 0.63, 30);
    expect(texts(splitJoinedLines([joined, given, ...rest])[0]!)).toEqual(['氏名', '濵田']);
    const r = extractFields([joined, given, ...rest], '2026-01-01');
    expect(r.fields.name.value).toBe('濵田\u3000悠真');
    // from the middle of the gap between 名's box and 濵's
    expect(r.sources.name?.x).toBe((47 + 27 + 25 + 47 + 2 * 27 + 14) / 2);
  });

  it('a family name ending in 名 is never taken for the label: not where values start, nor set tight in the column (椎名)', () => {
    const atValues = pitchedLine('椎名 一郎', 137, 60, 105, 44, 0.9, 44, { 1: 30 });
    expect(texts(splitJoinedLines([atValues, ...rest])[0]!)).toEqual(['椎名 一郎']);
    expect(extractFields([atValues, ...rest], '2026-01-01').fields.name.value).toBe('椎名\u3000一郎');
    const tight = pitchedLine('椎名一郎', 47, 60, 105, 44, 0.9, 44);
    expect(texts(splitJoinedLines([tight, ...rest])[0]!)).toEqual(['椎名一郎']);
    // with no label read as one, there is no column to stand in
    expect(texts(splitJoinedLines([pitchedLine('兵名 濵田', 47, 21, 50, 27, 0.66, 27, { 1: 14 })])[0]!)).toEqual(['兵名 濵田']);
  });
});
