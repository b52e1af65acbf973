import { describe, expect, it } from 'vitest';
import { bareLine, spelledLine } from '../support/recognized-lines';
import { extractFields } from '../../common/ocr/extract-fields';
import { applyReread, INLINE_PIXELS, labelAndValue, lastLetterInDoubt, rereadPatch } from '../../main/ocr-engine/reread-fields';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';

const line = bareLine;
/** A foreign resident's card as first read: the given name's last letter misread (MEI → MET). */
const FOREIGN = [
  line('氏名', 33, 60, 79, 82, 23),
  line('SANTOS MET', 145, 48, 400, 90, 34, 0.7),
  line('住所', 32, 172, 80, 194, 23),
  line('東京都千代田区千代田1-1', 141, 174, 669, 207, 31),
  line('1990年3月4日生', 162, 284, 449, 316, 31),
  line('性別', 600, 285, 648, 307, 22),
  line('女', 689, 281, 721, 312, 32),
  line('2030年3月4日まで有効', 154, 346, 534, 378, 25),
];

/** Answers the capitals-only reads with `roman` (and records what was asked), anything else with nothing. */
function poolReading(roman: string[], asked: LineRequest[]): TesseractPool {
  let i = 0;
  return {
    recognize: (req: LineRequest): Promise<LineResult> => {
      asked.push(req);
      const text = req.whitelist?.startsWith('ABC') ? (roman[i++ % roman.length] ?? '') : '';
      return Promise.resolve({ text, confidence: 0.8, symbols: [] } as unknown as LineResult);
    },
  } as unknown as TesseractPool;
}

/** Answers the capitals-only reads with `reads` in turn (text and confidence each), anything else with nothing. */
function poolAnswering(reads: { text: string; confidence: number }[]): TesseractPool {
  let k = 0;
  return {
    recognize: (req: LineRequest): Promise<LineResult> =>
      Promise.resolve({ ...(req.whitelist?.startsWith('ABC') ? reads[k++ % reads.length]! : { text: '', confidence: 0 }), symbols: [] } as unknown as LineResult),
  } as unknown as TesseractPool;
}

describe('a roman 氏名 read again as capitals only', () => {
  const card = createGray(1053, 664, 236);
  const ex = extractFields(FOREIGN, '2026-01-01');

  it('takes what the capitals-only reads agree on over the first read', async () => {
    expect(ex.layout).toBe('foreign');
    const asked: LineRequest[] = [];
    const patch = await rereadPatch(poolReading(['SANTOS MEI'], asked), card, FOREIGN, [], ex);
    expect(asked.filter((r) => r.whitelist?.startsWith('ABC')).length).toBeGreaterThanOrEqual(2);
    expect(extractFields(applyReread(FOREIGN, patch), '2026-01-01').fields.name.value).toBe('SANTOS\u3000MEI');
  });

  it('keeps the first read when the reads are no roman name or do not agree', async () => {
    const none = await rereadPatch(poolReading(['santos mei', '了『』'], []), card, FOREIGN, [], ex);
    expect(extractFields(applyReread(FOREIGN, none), '2026-01-01').fields.name.value).toBe('SANTOS\u3000MET');
  });

  it('settles a sure read of the printed words by one agreeing read, but not one ending in a letter the model confuses (I J L T)', async () => {
    // SANTOS MARIA / SANTOS MEI, one row: the line finder's letters with a word gap after SANTOS
    const asked = async (name: string): Promise<number> => {
      const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: name, confidence: 0.9 } : l));
      const letters = [...name.replace(' ', '')].map((_, k) => ({ x0: 145 + 24 * k + (k >= 6 ? 20 : 0), y0: 48, x1: 160 + 24 * k + (k >= 6 ? 20 : 0), y1: 90 }));
      const textLines = lines.map((l, i) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, blobs: 1, chars: i === 1 ? letters : [] }));
      const requests: LineRequest[] = [];
      await rereadPatch(poolReading([name], requests), card, lines, textLines, extractFields(lines, '2026-01-01'));
      return requests.filter((r) => r.whitelist?.startsWith('ABC')).length;
    };
    expect(await asked('SANTOS MARIA')).toBe(1);
    expect(await asked('SANTOS MEI')).toBe(2);
  });

  it('takes the read spaced as the print over reads that agree more with each other by dropping a letter at a word\'s edge', async () => {
    const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: 'GARCIA JI HOON', confidence: 0.8, x0: 104, y0: 39, x1: 470, y1: 72 } : l));
    // G A R C I A | J I | H O O N (text height 33)
    const xs: [number, number][] = [[104, 128], [132, 156], [160, 184], [188, 212], [216, 222], [226, 250], [280, 297], [303, 309], [338, 362], [366, 390], [394, 418], [422, 446]];
    const textLines = lines.map((l, i) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, blobs: 1, chars: i === 1 ? xs.map(([x0, x1]) => ({ x0, y0: 39, x1, y1: 72 })) : [] }));
    const reads = [
      { text: 'GARCIA HOON', confidence: 0.85 },
      { text: 'GARCIAJL HOON', confidence: 0.64 },
      { text: 'GARCIAJ HOON', confidence: 0.46 },
    ];
    const patch = await rereadPatch(poolAnswering(reads), card, lines, textLines, extractFields(lines, '2026-01-01'));
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBe('GARCIA\u3000JI HOON');
  });

  it('takes the read with as many letters as the print shows over reads that agree more with each other by dropping one (MILLER, not ILLER)', async () => {
    const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: 'MILLER MINH TUAN', confidence: 0.92, x0: 104, y0: 39, x1: 600, y1: 72 } : l));
    // M I L L E R | M I N H | T U A N (text height 33): fourteen letters
    const widths = [26, 6, 20, 20, 20, 22, 0, 26, 6, 24, 24, 0, 22, 24, 24, 24];
    const xs: [number, number][] = [];
    let x = 104;
    for (const w of widths) {
      if (w === 0) x += 20;
      else xs.push([x, x + w]);
      x += w + 8;
    }
    const chars = xs.map(([x0, x1]) => ({ x0, y0: 39, x1, y1: 72 }));
    const reads = [
      { text: 'MLLER MINH TUAN', confidence: 0.66 },
      { text: 'ILLER MINH TUAN', confidence: 0.86 },
      { text: 'LER MINH TUAN', confidence: 0.72 },
    ];
    const named = async (letters: typeof chars): Promise<string | null> => {
      const textLines = lines.map((l, i) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, blobs: 1, chars: i === 1 ? letters : [] }));
      const patch = await rereadPatch(poolAnswering(reads), card, lines, textLines, extractFields(lines, '2026-01-01'));
      return extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value;
    };
    expect(chars).toHaveLength(14);
    expect(await named(chars)).toBe('MILLER\u3000MINH TUAN');
    // the print's count speaks for no reading: the reads' agreement decides, as before
    expect(await named(chars.slice(2))).toBe('ILLER\u3000MINH TUAN');
  });

  it('takes the read that ends in the letter the print shows, not the chosen read with its last letter replaced (LE MEI, not MEII)', async () => {
    // L E | M E I (text height 34) and L E | R A J: five letters each
    const xs: [number, number][] = [[145, 165], [172, 190], [215, 240], [246, 265], [272, 277]];
    const read = async (first: string, reads: string[], printed: string): Promise<{ value: string | null; confidence: number }> => {
      const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: first, confidence: 0.9, x0: 145, x1: 280 } : l));
      const textLines = lines.map((l, i) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, blobs: 1, chars: i === 1 ? xs.map(([x0, x1]) => ({ x0, y0: 48, x1, y1: 90 })) : [] }));
      // the shape test of the last printed letter
      const pixels = { ...INLINE_PIXELS, glyph: async () => printed };
      const patch = await rereadPatch(poolReading(reads, []), card, lines, textLines, extractFields(lines, '2026-01-01'), null, null, pixels);
      return extractFields(applyReread(lines, patch), '2026-01-01').fields.name;
    };
    // the model read the narrow I's box as IL half the time; the print's last letter is an I
    const mei = await read('LE MEIL', ['LE MEI', 'LE MEIL', 'LE MEI'], 'I');
    expect(mei.value).toBe('LE\u3000MEI');
    // the print chose among the reads: the clerk is asked to look
    expect(mei.confidence).toBeLessThanOrEqual(0.75);
    // no read ends in the printed letter: it replaces the chosen read's last one, as before
    expect((await read('LE RAT', ['LE RAI', 'LE RAT', 'LE RAI'], 'J')).value).toBe('LE\u3000RAJ');
  });

  it('reads again in capitals a name read mostly as them on a card not taken for a foreign resident\'s (GAXR⑤IA DAVID)', async () => {
    const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: 'GAXR⑤IA DAVID', confidence: 0.37 } : l));
    const misread = extractFields(lines, '2026-01-01');
    expect(misread.fields.name.value).toBe('GAXR⑤IA\u3000DAVID');
    expect(misread.layout).not.toBe('foreign');
    const patch = await rereadPatch(poolReading(['GARCIA DAVID'], []), card, lines, [], misread);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBe('GARCIA\u3000DAVID');
  });

  it("spaces the name as its print does, among reads of the same letters (JI HOON read JIHOON)", async () => {
    const lines = FOREIGN.map((l, i) => (i === 1 ? { ...l, text: 'CHEN JIHOON', confidence: 0.88, x0: 104, y0: 39, x1: 419, y1: 72 } : l));
    // the line finder's letters of the name row: C H E N | J I | H O O N (text height 33)
    const xs: [number, number][] = [[104, 128], [135, 159], [170, 189], [197, 221], [240, 257], [267, 272], [293, 317], [326, 353], [360, 387], [396, 419]];
    const textLines = lines.map((l, i) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, blobs: 1, chars: i === 1 ? xs.map(([x0, x1]) => ({ x0, y0: 39, x1, y1: 72 })) : [] }));
    const exJ = extractFields(lines, '2026-01-01');
    const patch = await rereadPatch(poolReading(['CHEN JI HOON', 'CHEN JIHOON', 'CHEN JIHOON'], []), card, lines, textLines, exJ);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBe('CHEN\u3000JI HOON');
  });
});

describe('a roman 氏名 on the line of its label', () => {
  const card = createGray(1053, 664, 236);
  // 氏名 SANTOS MET as one line: the design sets the label beside the name
  const labelled = FOREIGN.filter((_, i) => i !== 0).map((l, i) => (i === 0 ? spelledLine('氏名 SANTOS MET', 60, 48, 400, 90, 34, 0.7) : l));

  it('is read again from the end of the label, and the label stays', async () => {
    const ex = extractFields(labelled, '2026-01-01');
    expect(ex.fields.name.value).toBe('SANTOS\u3000MET');
    const asked: LineRequest[] = [];
    const patch = await rereadPatch(poolReading(['SANTOS MEI'], asked), card, labelled, [], ex);
    // the capitals-only reads start right of the label
    expect(asked.filter((r) => r.whitelist?.startsWith('ABC')).length).toBeGreaterThanOrEqual(2);
    const after = applyReread(labelled, patch);
    expect(extractFields(after, '2026-01-01').fields.name.value).toBe('SANTOS\u3000MEI');
    expect(after.some((l) => l.text === '氏名')).toBe(true);
  });

  it('splits at the middle of the gap after the label, keeping the value\'s spaces', () => {
    const parts = labelAndValue(spelledLine('氏名 TRAN RAT', 70, 37, 370, 75, 33))!;
    expect(parts.map((p) => p.text)).toEqual(['氏名', 'TRAN RAT']);
    expect(parts[0].x1 + 1).toBe(parts[1].x0);
    expect(parts[1].symbols.map((s) => s.text).join('')).toBe('TRANRAT');
    // no label, or nothing after it
    expect(labelAndValue(spelledLine('TRAN RAT', 70, 37, 370, 75, 33))).toBeNull();
    expect(labelAndValue(spelledLine('氏名', 70, 37, 120, 75, 33))).toBeNull();
  });
});

describe('a roman name\'s last letter in doubt', () => {
  it('only when the reads end in different letters the model takes for each other', () => {
    expect(lastLetterInDoubt('LE RAJ', ['LE RAJ', 'LE RAI', 'LE RAJ'])).toBe(true);
    // RAU is another letter altogether: the three agreeing on J stand
    expect(lastLetterInDoubt('LE RAJ', ['LE RAU', 'LE RAJ', 'LE RAJ', 'LE RAJ'])).toBe(false);
    expect(lastLetterInDoubt('SANTOS MARIA', ['SANTOS MARIA', 'SANTOS MARI'])).toBe(false);
  });
});
