import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { pitchedLine } from '../support/recognized-lines';
import { splitAtScriptGap } from '../../common/ocr/script-gap';
import { applyReread, rereadPatch } from '../../main/ocr-engine/reread-fields';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';

const line = pitchedLine;

describe('a line joined across a change of script', () => {
  it('is split where Japanese gives way to Latin letters after a wide gap', () => {
    const l = line('宮崎 正人 MIYAZAKI', 414, 218, 253, 36, 0.49, 36, { 1: 20, 3: 60 });
    const parts = splitAtScriptGap(l);
    expect(parts.map((p) => p.text)).toEqual(['宮崎 正人', 'MIYAZAKI']);
    expect(parts[0]!.x1).toBeLessThan(parts[1]!.x0);
    expect(parts[1]!.symbols.map((s) => s.text).join('')).toBe('MIYAZAKI');
  });

  it('is kept whole when the scripts change without a gap, the gap is within one script, or a part is too small to be a name', () => {
    const kept = [
      line('鈴木 アンナ', 100, 10, 40, 30, 0.9, 30, { 1: 40 }),
      line('NAKAMURA KEN', 100, 10, 40, 30, 0.9, 20, { 7: 40 }),
      line('東京都港区芝1', 100, 10, 40, 30, 0.9, 30),
      // a speck at the card's edge read as letters before the name; a label before a roman name
      line('oe 阿部 正人', 0, 10, 90, 48, 0.46, 40, { 1: 60, 3: 20 }),
      line('氏名 LE DAVID', 30, 10, 60, 30, 0.9, 30, { 1: 40, 3: 15 }),
      line('兵名 LE DAVID', 30, 10, 60, 30, 0.9, 30, { 1: 40, 3: 15 }),
      // a roman name then Japanese (a bilingual label before its value) stays as read
      line('Address 東京都港区', 30, 10, 60, 30, 0.9, 20, { 6: 40 }),
    ];
    for (const l of kept) {
      expect(splitAtScriptGap(l)).toEqual([l]);
    }
  });
});

/** A next-generation card read whole (no card outline found): the portrait read as 問, the name and the roman name on one line. */
const WHOLE = [
  { ...line('問', 240, 183, 266, 84, 0, 70), x1: 310 },
  line('ミヤザキ', 422, 191, 205, 14, 0.96, 16),
  line('マサト', 514, 192, 205, 14, 0.91, 16),
  line('宮崎 正人 wasaro', 414, 218, 253, 36, 0.49, 34, { 1: 20, 3: 75 }),
  line('住所', 284, 287, 300, 14, 0.94, 13),
  line('北海道千歳市北陽九丁目3番16号', 413, 289, 310, 21, 0.92, 22),
  line('1930年9月17日', 448, 374, 394, 18, 0.68, 21),
  line('生年月日', 285, 379, 391, 12, 0.95, 12),
  line('2035年10月17日まで有効', 446, 418, 440, 18, 0.92, 22),
  line('有効期限', 284, 424, 436, 13, 0.95, 13),
];

describe('the 氏名 row of a card read whole', () => {
  it('takes the name from the split line, not the portrait, and its ruby as フリガナ', () => {
    const ex = extractFields(WHOLE, '2026-01-01');
    expect(ex.fields.name.value).toBe('宮崎　正人');
    expect(ex.fields.nameKana.value).toBe('ミヤザキ　マサト');
  });

  it('replaces the whole joined line when the name is read again, keeping its roman part', async () => {
    const ex = extractFields(WHOLE, '2026-01-01');
    const pool = { recognize: (): Promise<LineResult> => Promise.resolve({ text: '宮崎 正人', confidence: 0.95, symbols: [] } as unknown as LineResult) } as unknown as TesseractPool;
    const patch = await rereadPatch(pool, createGray(1200, 800, 236), WHOLE, [], ex);
    expect(patch.drop.has(3)).toBe(true);
    expect(patch.add.some((l) => l.text === 'wasaro')).toBe(true);
    expect(extractFields(applyReread(WHOLE, patch), '2026-01-01').fields.name.value).toBe('宮崎　正人');
  });
});
