import { describe, expect, it } from 'vitest';
import { bareLine as line } from '../support/recognized-lines';
import { extractFields } from '../../common/ocr/extract-fields';
import { applyReread, rereadPatch } from '../../main/ocr-engine/reread-fields';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { buildNameReadings } from '../../common/names/name-readings';

/**
 * Answers capitals-only reads with `roman`; other reads of the name's row (about 8 times as wide as tall with
 * its margins; the address row is ~12) with `other`; anything else with nothing.
 */
function pool(roman: string, other = ''): TesseractPool {
  return {
    recognize: (req: LineRequest): Promise<LineResult> => {
      const aspect = req.image.width / req.image.height;
      const text = req.whitelist?.startsWith('ABC') ? roman : !req.whitelist && aspect > 6 && aspect < 10 ? other : '';
      return Promise.resolve({ text, confidence: 0.85, symbols: [] } as unknown as LineResult);
    },
  } as unknown as TesseractPool;
}

/**
 * A foreign resident's card whose roman name, set in a serif, the model read as junk with a few capitals in it
 * (LOPEZ ANA PAULA read 箇0ツ層較2 AINAEBAIMIIEA at 0.14): no line was found to be the name.
 */
const UNREAD_ROMAN = [
  line('氏名', 33, 41, 67, 57, 17, 0.39),
  line('箇0ツ層較2 AINAEBAIMIIEA', 92, 44, 442, 70, 25, 0.14),
  line('住所', 32, 107, 68, 123, 17, 0.96),
  line('佐賀県嬉野市塩田町大草野乙8-30-14', 92, 112, 583, 136, 25, 0.95),
  line('1978年2月28日生', 85, 256, 376, 281, 21, 0.92),
  line('性別 女', 450, 257, 533, 277, 17, 0.89),
  line('2036年2月28日まで有効', 98, 300, 474, 325, 21, 0.92),
];

describe('a 氏名 read as no name at all', () => {
  const card = createGray(874, 551, 236);

  it('is read again from the line beside its label, in roman capitals when it was read mostly as them', async () => {
    const ex = extractFields(UNREAD_ROMAN, '2026-01-01');
    expect(ex.fields.name.value).toBeNull();
    const patch = await rereadPatch(pool('LOPEZ ANA PAULA'), card, UNREAD_ROMAN, [], ex);
    expect(extractFields(applyReread(UNREAD_ROMAN, patch), '2026-01-01').fields.name.value).toBe('LOPEZ\u3000ANA PAULA');
  });

  it('stays empty rather than take a kanji misread the name tables do not know', async () => {
    // the junk read as kanji junk, on a national's card (和暦, no roman letters in it)
    const lines = UNREAD_ROMAN.map((l) =>
      l.text.startsWith('箇') ? { ...l, text: '2ツ0ー', symbols: [] } : l.text.startsWith('1978') ? { ...l, text: '昭和53年2月28日生' } : l.text.startsWith('2036') ? { ...l, text: '2036年2月28日まで有効' } : l,
    );
    const names = buildNameReadings([
      [
        { kind: '姓', surface: '田中', readings: ['たなか'] },
        { kind: '名', surface: '太郎', readings: ['たろう'] },
      ],
    ]);
    const ex = extractFields(lines, '2026-01-01');
    expect(ex.fields.name.value).toBeNull();
    const patch = await rereadPatch(pool('', '較層 ツ箇'), card, lines, [], ex, null, names);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBeNull();
  });
});
