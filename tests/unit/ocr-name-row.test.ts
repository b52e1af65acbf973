import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { applyReread, rereadPatch } from '../../main/ocr-engine/reread-fields';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import { aspectModel, bareLine as line } from '../support/recognized-lines';

/**
 * A current card as first read: 松本 in a thin typeface (27 px by its glyphs, in a 44 px box) and the given
 * name さくら, letter-spaced hiragana over a wavy pattern, read as junk 70 px to its right.
 */
const CARD = [
  line('氏名', 59, 53, 95, 71, 19, 0.88),
  line('松本', 192, 55, 289, 98, 27, 0.96),
  line('にルK2', 359, 56, 500, 96, 41, 0.3),
  line('住所', 59, 129, 96, 148, 20, 0.95),
  line('神奈川県川崎市多摩区堰1-20-26', 192, 132, 715, 164, 31, 0.95),
  line('昭和14年 2月26日生', 242, 259, 563, 291, 30, 0.93),
  line('性別 女', 642, 260, 700, 279, 19, 0.92),
  line('2029年 2月26日まで有効', 199, 336, 601, 368, 25, 0.91),
];

describe('the name row', () => {
  it('takes in a piece after the name as far as the name is tall by its box, not only by its glyphs (松本 さくら)', async () => {
    const card = createGray(1132, 714, 236);
    // the model reads the whole row's band (with its margins, about 5 times as wide as tall) as the whole name, anything
    // else as nothing (松本 alone is about 2 times as wide, the address row 10)
    const pool = aspectModel([{ from: 3.5, to: 7, text: '松本 さくら', confidence: 0.9 }]);
    const ex = extractFields(CARD, '2026-01-01');
    expect(ex.fields.name.value).not.toBe('松本\u3000さくら');
    const patch = await rereadPatch(pool, card, CARD, [], ex);
    expect(extractFields(applyReread(CARD, patch), '2026-01-01').fields.name.value).toBe('松本\u3000さくら');
  });

  it('takes in a piece as large as the name whatever it reads as (正人 read 町5, an address by its text), but not an address row\'s size', async () => {
    const card = createGray(1132, 714, 236);
    // 岡田 and its given name read as 町5, both 42 px; the address below at 25 px
    const lines = [
      line('岡田', 249, 80, 338, 121, 42, 0.93),
      line('町5', 400, 80, 496, 121, 42, 0.64),
      line('住所', 23, 161, 74, 186, 25, 0.96),
      line('三重県いなべ市北勢町南中津原2489', 245, 163, 785, 189, 25, 0.92),
      line('1953年9月19日', 250, 300, 560, 325, 25, 0.93),
      line('2032年10月19日まで有効', 250, 360, 640, 385, 25, 0.93),
    ];
    // the whole row (岡田 to 町5, about 6 times as wide as tall with its margins) reads 岡田 正人
    const pool = aspectModel([{ from: 3.5, to: 8, text: '岡田 正人', confidence: 0.86 }]);
    const ex = extractFields(lines, '2026-01-01');
    expect(ex.fields.name.value).toBe('岡田');
    const patch = await rereadPatch(pool, card, lines, [], ex);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBe('岡田\u3000正人');
    // the same piece at an address's size stays out: the name (岡田, sure, one line) is settled as read
    const small = lines.map((l) => (l.text === '町5' ? { ...l, y0: 96, y1: 121, glyphH: 25 } : l));
    const kept = await rereadPatch(pool, card, small, [], extractFields(small, '2026-01-01'));
    expect(extractFields(applyReread(small, kept), '2026-01-01').fields.name.value).toBe('岡田');
  });

  it('takes in a piece as large as the name right before it: the family name read as no name (菅原 read ーー before 陽翔)', async () => {
    const card = createGray(1200, 757, 236);
    const lines = [
      line('ーー', 166, 89, 270, 138, 50, 0.03),
      line('陽翔', 344, 89, 447, 137, 49, 0.83),
      line('住所', 34, 210, 83, 235, 26, 0.96),
      line('沖縄県島尻郡粟国村西1188番地6', 165, 222, 750, 253, 30, 0.9),
      line('1978年07月18日', 191, 299, 562, 329, 25, 0.92),
      line('2030年07月18日', 191, 366, 562, 397, 25, 0.91),
    ];
    // the whole row (ーー to 陽翔, ~4 times as wide as tall with its margins) reads 菅原 陽翔; 陽翔 alone (~1.7) only itself
    const pool = aspectModel([
      { from: 3, to: Infinity, text: '菅原 陽翔', confidence: 0.86 },
      { from: 0, to: 3, text: '陽翔', confidence: 0.8 },
    ]);
    const ex = extractFields(lines, '2026-01-01');
    expect(ex.fields.name.value).toBe('陽翔');
    const patch = await rereadPatch(pool, card, lines, [], ex);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.name.value).toBe('菅原\u3000陽翔');
  });
});

