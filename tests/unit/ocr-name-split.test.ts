import { describe, expect, it } from 'vitest';
import { rereadPatch, splitAt } from '../../main/ocr-engine/reread-fields';
import { pitchCells } from '../../main/ocr-engine/layout/pitch-cells';
import { extractFields } from '../../common/ocr/extract-fields';
import { buildNameReadings } from '../../common/names/name-readings';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { bareLine as line, fakeModel } from '../support/recognized-lines';

/** A read of the name (no symbols needed where the reads or the print's cells decide). */
const read = (text: string, symbols: { text: string; x0: number }[] = []) => ({ text, confidence: 0.9, symbols: symbols.map((s) => ({ ...s, confidence: 0.9, x1: s.x0 + 20 })) });

describe('where the family name ends', () => {
  it('takes the split the reads agree on', () => {
    expect(splitAt(read('杉山蓮'), 283, [read('杉山 蓮'), read('杉山 蓮'), read('杉 山蓮')])).toBe('杉山\u3000蓮');
  });

  it("counts the print's character cells before its gap when no read split the name or the reads tie, not the symbols' boxes", () => {
    // the model put 山 at 310, right of the gap at 283 (its boxes lie up to a character off): the symbols say 杉 山蓮
    const symbols = [{ text: '杉', x0: 173 }, { text: '山', x0: 310 }, { text: '蓮', x0: 329 }];
    expect(splitAt(read('杉山蓮', symbols), 283, [read('杉山蓮'), read('杉山蓮')])).toBe('杉\u3000山蓮');
    expect(splitAt(read('杉山蓮', symbols), 283, [read('杉山蓮'), read('杉山蓮')], 2)).toBe('杉山\u3000蓮');
    // tied votes: the one the cells agree with
    expect(splitAt(read('杉山蓮', symbols), 283, [read('杉山 蓮'), read('杉 山蓮')], 2)).toBe('杉山\u3000蓮');
    // cells that agree with no read's split, or leave nothing on one side, do not decide
    expect(splitAt(read('杉山蓮', symbols), 283, [read('杉山 蓮'), read('杉 山蓮')], 3)).toBe('杉山\u3000蓮');
    expect(splitAt(read('杉山蓮', symbols), 283, [read('杉山蓮')], 0)).toBe('杉\u3000山蓮');
  });

  it('counts a kanji in pieces as one cell', () => {
    const box = (x0: number, w: number) => ({ x0, y0: 50, x1: x0 + w - 1, y1: 90 });
    // 杉 in three pieces, 山 in two, both left of the gap
    expect(pitchCells([box(172, 10), box(186, 8), box(196, 14), box(222, 12), box(238, 20)], 40)).toHaveLength(2);
  });
});

describe('how many second reads a name gets', () => {
  const card = createGray(1132, 714, 236);
  const lines = (confidence: number) => [
    line('氏名', 59, 53, 95, 71, 19, 0.88),
    line('山田 太郎', 192, 55, 400, 98, 40, confidence),
    line('昭和14年 2月26日生', 242, 259, 563, 291, 30, 0.93),
    line('2029年 2月26日まで有効', 199, 336, 601, 368, 25, 0.91),
  ];
  const known = buildNameReadings([[{ kind: '姓', surface: '山田', readings: ['やまだ'] }, { kind: '名', surface: '太郎', readings: ['たろう'] }]]);
  const strangers = buildNameReadings([[{ kind: '姓', surface: '川田', readings: ['かわだ'] }]]);
  const reads = async (confidence: number, names: typeof known): Promise<number> => {
    const asked: LineRequest[] = [];
    const ls = lines(confidence);
    await rereadPatch(fakeModel(() => ({ text: '山田 太郎', confidence: 0.9 }), asked), card, ls, [], extractFields(ls, '2026-01-01'), null, names);
    return asked.length;
  };

  it('settles a read the model is sure of and the name tables know with one agreeing read in another mode', async () => {
    expect(await reads(0.9, known)).toBe(1);
  });

  it('asks for two when the tables do not know the name or the model is less sure', async () => {
    expect(await reads(0.9, strangers)).toBe(2);
    expect(await reads(0.8, known)).toBe(2);
  });
});
