import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { bareLine as line } from '../support/recognized-lines';

const TODAY = '2026-12-06';

// a scanned next-generation card (20261229 #4) as first read: 工藤 彩 read as 25 at 0, its roman spelling under it
// read well, the ruby above it too
const NEXT_GEN = [
  line('フリガナ', 55, 40, 141, 59, 18, 0.91),
  line('クドウ', 241, 38, 317, 60, 22, 0.96),
  line('ギヤ', 355, 38, 405, 60, 23, 0.57),
  line('氏名', 53, 96, 95, 115, 20, 0.82),
  line('25', 241, 78, 482, 133, 46, 0),
  line('KUDO AYA', 239, 154, 407, 176, 21, 0.93),
  line('住所', 54, 231, 97, 253, 23, 0.94),
  line('佐賀県三養基郡みやき町袋原3-20-', 240, 228, 855, 264, 34, 0.81),
  line('28', 240, 280, 285, 309, 30, 0.79),
  line('生年月日', 57, 424, 142, 444, 20, 0.95),
  line('1977年7月2日', 298, 417, 636, 452, 30, 0.93),
  line('有効期限', 56, 490, 146, 511, 21, 0.93),
  line('2031年8月2日', 295, 483, 635, 518, 30, 0.94),
];

describe("a next-generation card's roman spelling of the name", () => {
  it('is not the name: the line twice as tall over it is, however it was read, and the card is no foreign resident\'s', () => {
    const ex = extractFields(NEXT_GEN, TODAY);
    expect(ex.layout).toBe('next-gen');
    expect(ex.sources.name).toMatchObject({ x: 241, y: 78 });
    expect(ex.fields.name.value).not.toContain('KUDO');
    expect(ex.fields.nameKana.value).toBe('クドウ\u3000ギヤ');
  });

  it('after the name on its row (a bilingual design) is no name either; a roman name alone is', () => {
    const beside = NEXT_GEN.map((l) => (l.text === 'KUDO AYA' ? { ...l, x0: 520, y0: 111, x1: 688, y1: 133 } : l));
    expect(extractFields(beside, TODAY).sources.name).toMatchObject({ x: 241, y: 78 });
    // a foreign resident's card: its roman name at the name's size, nothing taller over it
    const foreign = [
      line('氏名', 53, 96, 95, 115, 20, 0.82),
      line('GARCIA ANNA', 241, 84, 560, 128, 44, 0.9),
      line('住所', 54, 231, 97, 253, 23, 0.94),
      line('東京都千代田区永田町1-2-3', 240, 228, 855, 264, 34, 0.9),
      line('1990年4月1日生', 298, 417, 636, 452, 30, 0.93),
      line('2031年4月1日まで有効', 295, 483, 635, 518, 30, 0.94),
    ];
    const ex = extractFields(foreign, TODAY);
    expect(ex.layout).toBe('foreign');
    expect(ex.fields.name.value).toBe('GARCIA\u3000ANNA');
  });
});
