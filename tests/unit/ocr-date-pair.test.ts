import { describe, expect, it } from 'vitest';
import { bareLine } from '../support/recognized-lines';
import { expiryFallsOnBirthday } from '../../common/ocr/birthday-expiry';
import { extractFields } from '../../common/ocr/extract-fields';
import { glyphCount, onesDoubled, settleDatePair } from '../../main/ocr-engine/date-pair';
import { dateBox } from '../../main/ocr-engine/refine-lines';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';

const line = bareLine;
const CURRENT = [line('氏名', 33, 60, 79, 82, 23), line('藤原　浩二', 145, 48, 343, 90, 38), line('住所', 32, 172, 80, 194, 23), line('神奈川県横浜市中区日本大通8-37-1', 141, 174, 669, 207, 31), line('性別', 600, 325, 648, 347, 22), line('男', 689, 321, 721, 352, 32)];
const BIRTH = line('昭和7年 1月 1日生', 162, 284, 449, 316, 31, 0.89);
const EXPIRY = line('2025年 11月 1日まで有効', 154, 346, 534, 378, 25, 0.93);

describe('有効期限 on the holder\'s birthday', () => {
  it('holds for the same month and day, and 29 February against 28 February or 1 March', () => {
    expect(expiryFallsOnBirthday('1932-11-01', '2025-11-01')).toBe(true);
    expect(expiryFallsOnBirthday('1932-01-01', '2025-11-01')).toBe(false);
    expect(expiryFallsOnBirthday('2000-02-29', '2027-02-28')).toBe(true);
    expect(expiryFallsOnBirthday('2000-02-29', '2027-03-01')).toBe(true);
    expect(expiryFallsOnBirthday('2000-02-28', '2027-03-01')).toBe(false);
  });

  it('warns the clerk and marks both dates for checking when a national\'s card disagrees, not a foreign resident\'s', () => {
    const r = extractFields([...CURRENT, BIRTH, EXPIRY], '2025-01-01');
    expect(r.layout).toBe('current');
    expect(r.warnings.map((w) => w.code)).toContain('expiry-not-on-birthday');
    expect(r.fields.birthDate.confidence).toBeLessThanOrEqual(0.6);
    expect(r.fields.expiryDate.confidence).toBeLessThanOrEqual(0.6);
    const foreign = extractFields([line('氏名', 33, 60, 79, 82, 23), line('SMITH JOHN', 145, 48, 400, 90, 34), ...CURRENT.slice(2), line('1932年1月1日生', 162, 284, 449, 316, 31), EXPIRY], '2025-01-01');
    expect(foreign.layout).toBe('foreign');
    expect(foreign.warnings.map((w) => w.code)).not.toContain('expiry-not-on-birthday');
    const agreeing = extractFields([...CURRENT, line('昭和7年 11月 1日生', 162, 284, 449, 316, 31), EXPIRY], '2025-01-01');
    expect(agreeing.warnings.map((w) => w.code)).not.toContain('expiry-not-on-birthday');
  });
});

describe('a misread date settled by the other one', () => {
  const card = createGray(1053, 664, 236);
  /** answers the birth line's re-reads with `birth` and the expiry line's with `expiry` (three each, birth first) */
  const pool = (birth: string, expiry: string, calls: LineRequest[]): TesseractPool =>
    ({
      recognize: (req: LineRequest): Promise<LineResult> => {
        calls.push(req);
        return Promise.resolve({ text: calls.length <= 3 ? birth : expiry, confidence: 0.9, symbols: [] } as unknown as LineResult);
      },
    }) as unknown as TesseractPool;

  it('re-reads both lines and takes the pair of dates that fall on one birthday', async () => {
    const lines = [...CURRENT, BIRTH, EXPIRY];
    const ex = extractFields(lines, '2025-01-01');
    const calls: LineRequest[] = [];
    const settled = await settleDatePair(pool('昭和7年 11月 1日生', '2025年 1月 1日まで有効', calls), card, lines, ex, '2025-01-01');
    expect(calls.length).toBe(6);
    expect(calls.every((c) => c.whitelist?.includes('年'))).toBe(true);
    const after = extractFields(settled!, '2025-01-01');
    expect(after.fields.birthDate.value).toBe('1932-11-01');
    expect(after.fields.expiryDate.value).toBe('2025-11-01');
    expect(after.warnings.map((w) => w.code)).not.toContain('expiry-not-on-birthday');
  });

  it('reads nothing more when the dates agree or the card is a foreign resident\'s, and gives up when no pair agrees', async () => {
    const calls: LineRequest[] = [];
    const agreeing = [...CURRENT, line('昭和7年 11月 1日生', 162, 284, 449, 316, 31), EXPIRY];
    expect(await settleDatePair(pool('', '', calls), card, agreeing, extractFields(agreeing, '2025-01-01'), '2025-01-01')).toBeNull();
    expect(calls).toHaveLength(0);
    const lines = [...CURRENT, BIRTH, EXPIRY];
    expect(await settleDatePair(pool('昭和7年 3月 1日生', '2025年 5月 1日まで有効', calls), card, lines, extractFields(lines, '2025-01-01'), '2025-01-01')).toBeNull();
  });

  it('takes the print\'s glyph count for a line whose every read dropped one of two narrow １s', async () => {
    const lines = [...CURRENT, BIRTH, EXPIRY];
    const ex = extractFields(lines, '2025-01-01');
    // every re-read repeats the slip: by votes alone, the pair 1 January, 1 January wins
    const slipped = (): TesseractPool => pool('昭和7年 1月 1日生', '2025年 1月 1日まで有効', []);
    expect(extractFields((await settleDatePair(slipped(), card, lines, ex, '2025-01-01'))!, '2025-01-01').fields.birthDate.value).toBe('1932-01-01');
    // the line finder saw ten glyphs in the birth line (昭和7年11月1日生) and fourteen in the expiry line
    const boxes = (n: number) => Array.from({ length: n }, (_, i) => ({ x0: 10 * i, x1: 10 * i + 6 }));
    const boxesOf = (l: { text: string }) => (l === BIRTH ? boxes(10) : l === EXPIRY ? boxes(14) : null);
    const settled = await settleDatePair(slipped(), card, lines, ex, '2025-01-01', undefined, boxesOf);
    const after = extractFields(settled!, '2025-01-01');
    expect(after.fields.birthDate.value).toBe('1932-11-01');
    expect(after.fields.expiryDate.value).toBe('2025-11-01');
  });

  it('restores a １ the model dropped when the other date\'s reads speak for it, and asks the clerk to look', async () => {
    // 20270101 #10: every read of the birth line lost a １ of 11月; the expiry line read 11月 three times, 1月 once
    const birth = line('2007年1月 1日', 162, 284, 449, 316, 31, 0.7);
    const expiry = line('2036年11月 1日まで有効', 154, 346, 534, 378, 25, 0.93);
    const lines = [...CURRENT, birth, expiry];
    const ex = extractFields(lines, '2026-12-01');
    expect(ex.warnings.map((w) => w.code)).toContain('expiry-not-on-birthday');
    const answers = ['2007年1月1日', '2007年1月1日', '2007年1月1日', '2036年11月1日', '2036年1月1日', '2036年11月1日'];
    const reads = { recognize: (): Promise<LineResult> => Promise.resolve({ text: answers.shift()!, confidence: 0.86, symbols: [] }) } as unknown as TesseractPool;
    const after = extractFields((await settleDatePair(reads, card, lines, ex, '2026-12-01'))!, '2026-12-01');
    expect(after.fields.birthDate.value).toBe('2007-11-01');
    expect(after.fields.expiryDate.value).toBe('2036-11-01');
    // the birth date no read gave as printed is the reader's judgement; the expiry as read keeps its read's confidence
    expect(after.fields.birthDate.confidence).toBeLessThanOrEqual(0.75);
    expect(after.fields.expiryDate.confidence).toBeGreaterThan(0.75);
  });

  it('counts a box inside another once, narrow boxes side by side twice; doubles only a date\'s １s', () => {
    expect(glyphCount([{ x0: 136, x1: 149 }, { x0: 136, x1: 140 }, { x0: 156, x1: 179 }, { x0: 188, x1: 195 }, { x0: 202, x1: 213 }])).toBe(4);
    expect(onesDoubled('平成4年1月23日生', '2025-01-01')).toEqual(['平成4年11月23日生']);
    expect(onesDoubled('昭和7年1月1日生', '2025-01-01')).toEqual(['昭和7年11月1日生', '昭和7年1月11日生']);
    expect(onesDoubled('2031年2月5日まで有効', '2025-01-01')).toEqual([]);
    // a １ doubled into no date (20311年) is no reading
    expect(onesDoubled('2031年3月1日', '2025-01-01')).toEqual(['2031年3月11日']);
  });

  it('holds a next-generation card to its own rule: an expiry a month after the birthday is read no more', async () => {
    const ng = [line('氏名', 33, 60, 79, 82, 23), line('フジワラ　コウジ', 145, 30, 343, 46, 14), line('藤原　浩二', 145, 48, 343, 90, 38), ...CURRENT.slice(2, 4), line('生年月日', 33, 284, 120, 306, 22), line('1990年1月5日', 162, 284, 449, 316, 31), line('有効期限', 33, 346, 120, 368, 22)];
    const monthAfter = [...ng, line('2031年2月5日まで有効', 154, 346, 534, 378, 25)];
    const ex = extractFields(monthAfter, '2025-01-01');
    expect(ex.layout).toBe('next-gen');
    expect(ex.warnings.map((w) => w.code)).not.toContain('expiry-not-on-birthday');
    const calls: LineRequest[] = [];
    expect(await settleDatePair(pool('', '', calls), card, monthAfter, ex, '2025-01-01')).toBeNull();
    expect(calls).toHaveLength(0);
    // two months after fits no rule: re-read, and a pair a month apart is accepted as settled
    const off = [...ng, line('2031年3月5日まで有効', 154, 346, 534, 378, 25)];
    const settled = await settleDatePair(pool('1990年1月5日', '2031年2月5日まで有効', calls), card, off, extractFields(off, '2025-01-01'), '2025-01-01');
    expect(calls).toHaveLength(6);
    expect(extractFields(settled!, '2025-01-01').fields.expiryDate.value).toBe('2031-02-05');
  });

  it('cuts a date line at a 性別 label only after something of a date (a 性 in noise is no label)', () => {
    const sym = (text: string, x0: number): { text: string; confidence: number; x0: number; x1: number } => ({ text, confidence: 0.5, x0, x1: x0 + 20 });
    const noise = { ...line('958丁翌過邊性較', 217, 367, 564, 398, 27, 0.04), symbols: [...'958丁翌過邊性較'].map((ch, i) => sym(ch, 220 + 38 * i)) };
    expect(dateBox(noise).x1).toBe(564);
    const shared = { ...line('昭和7年1月1日生性別男', 162, 284, 720, 316, 31), symbols: [...'昭和7年1月1日生性別男'].map((ch, i) => sym(ch, 162 + 40 * i)) };
    expect(dateBox(shared).x1).toBe(162 + 40 * 9 - 2);
  });
});
