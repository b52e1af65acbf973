import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { missingDateLine } from '../../main/ocr-engine/date-pair';
import { readAsDate } from '../../main/ocr-engine/refine-lines';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import { bareLine as line, fakeModel } from '../support/recognized-lines';

// a next-generation card (20270102 #16) whose 有効期限 ran into the portrait: its line read as no text at all
const LINES = [
  line('氏名', 51, 33, 89, 52, 20, 0.87),
  line('オカモト', 261, 33, 347, 49, 16, 0.96),
  line('岡本 由美', 257, 56, 471, 95, 39, 0.9),
  line('住所', 50, 149, 90, 167, 19, 0.72),
  line('鳥取県日野郡日野町下菅4-18', 260, 151, 814, 188, 36, 0.92),
  line('-26レジデンス桜20 6号', 254, 199, 745, 237, 31, 0.9),
  line('1989年9月18日', 289, 294, 707, 331, 31, 0.91),
  line('生年月日', 50, 304, 130, 322, 18, 0.95),
  line('多O 久司鐵LO同中属同認合', 285, 370, 827, 406, 31, 0.2),
  line('ーー', 50, 379, 132, 420, 19, 0.24),
];
const TODAY = '2026-12-06';

describe('a date every card prints that no line gave', () => {
  it('is looked for on the unread line in the other date\'s column, right under it', () => {
    const ex = extractFields(LINES, TODAY);
    expect(ex.fields.birthDate.value).toBe('1989-09-18');
    expect(ex.fields.expiryDate.value).toBeNull();
    // not the misread label beside it: it is in no date's column
    expect(missingDateLine(LINES, ex)?.text).toBe('多O 久司鐵LO同中属同認合');
  });

  it('is not looked for when both dates were found, nor on a line the model read, far below, or in another column', () => {
    const both = [...LINES.slice(0, -2), line('2025年10月18日まで有効', 285, 370, 827, 406, 31, 0.9)];
    expect(missingDateLine(both, extractFields(both, TODAY))).toBeNull();
    const read = LINES.map((l) => (l.text.startsWith('多O') ? { ...l, confidence: 0.6 } : l));
    expect(missingDateLine(read, extractFields(read, TODAY))).toBeNull();
    const far = LINES.map((l) => (l.text.startsWith('多O') ? { ...l, y0: 520, y1: 556 } : l));
    expect(missingDateLine(far, extractFields(far, TODAY))).toBeNull();
    const aside = LINES.map((l) => (l.text.startsWith('多O') ? { ...l, x0: 760, x1: 1100 } : l));
    expect(missingDateLine(aside, extractFields(aside, TODAY))).toBeNull();
  });

  it('is looked for on a line read sure of itself but as mostly digits: a date whose 年 月 日 were misread', () => {
    // a scanned next-generation card (20270131 #4), its dates letter-spaced: 2036年11月18日 read 2103.6征1用8旧 at 0.45
    const digits = LINES.map((l) => (l.text.startsWith('多O') ? { ...l, text: '2103.6征1用8旧', confidence: 0.45 } : l));
    expect(missingDateLine(digits, extractFields(digits, TODAY))?.text).toBe('2103.6征1用8旧');
    // read as sure, but as words with a digit or two: some other text, not looked at
    const words = LINES.map((l) => (l.text.startsWith('多O') ? { ...l, text: '第2寿荘の注意書き', confidence: 0.45 } : l));
    expect(missingDateLine(words, extractFields(words, TODAY))).toBeNull();
  });

  it('takes a lone date after today for the 有効期限, and looks for the birth date on the unread line above it', () => {
    // a next-generation card with its labels over the values (20270116 #37): the birth date's line read as no text
    const labelsOver = [
      line('氏名', 270, 26, 304, 42, 17, 0.34),
      line('スギヤマ　タクヤ', 274, 55, 458, 73, 19, 0.93),
      line('杉山　拓也', 271, 86, 456, 117, 31, 0.7),
      line('SUGIYAMA TAKUYA', 270, 132, 459, 145, 14, 0.91),
      line('住所', 270, 172, 306, 188, 17, 0.96),
      line('高知県安芸市幸町3ー7ー16', 271, 205, 628, 227, 22, 0.83),
      line('生年月日', 271, 271, 341, 287, 16, 0.96),
      line('名ら了四⑨ 4同名相国', 304, 295, 578, 317, 19, 0.27),
      line('有効期限', 271, 341, 343, 357, 17, 0.95),
      line('2034年04月21日', 302, 365, 578, 387, 20, 0.91),
    ];
    const ex = extractFields(labelsOver, TODAY);
    expect(ex.fields.birthDate.value).toBeNull();
    expect(ex.fields.expiryDate.value).toBe('2034-04-21');
    expect(missingDateLine(labelsOver, ex)?.text).toBe('名ら了四⑨ 4同名相国');
    // a lone date before today is still taken for the birth date
    const past = labelsOver.map((l) => (l.text.startsWith('2034') ? { ...l, text: '1987年04月21日' } : l));
    expect(extractFields(past, TODAY).fields.birthDate.value).toBe('1987-04-21');
  });

  it('takes what the line\'s date reads give, and leaves a line that reads as no date as it was', async () => {
    const card = createGray(1200, 757, 236);
    const unread = LINES[8]!;
    const dated = await readAsDate(fakeModel(() => ({ text: '2025年10月18日まで有効', confidence: 0.9 })), card, unread, TODAY);
    const after = extractFields(LINES.map((l) => (l === unread ? dated : l)), TODAY);
    expect(after.fields.expiryDate.value).toBe('2025-10-18');
    const still = await readAsDate(fakeModel(() => ({ text: '久司鐵', confidence: 0.3 })), card, unread, TODAY);
    expect(still.text).toBe(unread.text);
  });
});
