import { describe, expect, it } from 'vitest';
import { bareLine as line } from '../support/recognized-lines';
import { extractFields } from '../../common/ocr/extract-fields';
import { vouchedByPair } from '../../main/ocr-engine/date-pair';
import { refineLines } from '../../main/ocr-engine/refine-lines';
import { REREAD_TUNING } from '../../main/ocr-engine/reread/tuning';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';

const TODAY = '2025-01-01';
const CURRENT = [line('氏名', 33, 60, 79, 82, 23), line('藤原　浩二', 145, 48, 343, 90, 38), line('住所', 32, 172, 80, 194, 23), line('神奈川県横浜市中区日本大通8-37-1', 141, 174, 669, 207, 31), line('性別', 600, 325, 648, 347, 22), line('男', 689, 321, 721, 352, 32)];
/** first reads that parse, neither sure enough (0.9) to stand without a confirming read */
const BIRTH = line('昭和7年 11月 1日生', 162, 284, 449, 316, 31, 0.72);
const EXPIRY = line('2025年 11月 1日まで有効', 154, 346, 534, 378, 25, 0.68);

/** a pool that answers every read with `text` and counts the reads */
const counting = (text: string, calls: LineRequest[]): TesseractPool =>
  ({
    recognize: (req: LineRequest): Promise<LineResult> => {
      calls.push(req);
      return Promise.resolve({ text, confidence: 0.9, symbols: [] } as unknown as LineResult);
    },
  }) as unknown as TesseractPool;

describe("a national's two dates vouching for each other", () => {
  it('vouches for either date line when both were read and fall on one birthday', () => {
    const ex = extractFields([...CURRENT, BIRTH, EXPIRY], TODAY);
    expect(ex.layout).toBe('current');
    expect(vouchedByPair(BIRTH, ex)).toBe(true);
    expect(vouchedByPair(EXPIRY, ex)).toBe(true);
    // another line of the card is no date of the pair
    expect(vouchedByPair(CURRENT[3]!, ex)).toBe(false);
  });

  it('does not when the days differ, a date is missing or unsure, or the card is a foreign resident\'s', () => {
    const apart = extractFields([...CURRENT, line('昭和7年 1月 1日生', 162, 284, 449, 316, 31, 0.72), EXPIRY], TODAY);
    expect(vouchedByPair(EXPIRY, apart)).toBe(false);
    expect(vouchedByPair(BIRTH, extractFields([...CURRENT, BIRTH], TODAY))).toBe(false);
    const unsure = line('2025年 11月 1日まで有効', 154, 346, 534, 378, 25, REREAD_TUNING.datePair.minConfidence - 0.05);
    expect(vouchedByPair(BIRTH, extractFields([...CURRENT, BIRTH, unsure], TODAY))).toBe(false);
    const foreign = extractFields([line('氏名', 33, 60, 79, 82, 23), line('SMITH JOHN', 145, 48, 400, 90, 34), ...CURRENT.slice(2), line('1932年11月1日生', 162, 284, 449, 316, 31, 0.72), EXPIRY], TODAY);
    expect(foreign.layout).toBe('foreign');
    expect(vouchedByPair(EXPIRY, foreign)).toBe(false);
  });
});

describe('a date line read again only when nothing vouches for it', () => {
  const card = createGray(1053, 664, 236);

  it('reads a vouched date line no more and takes it as sure as a confirming read would', async () => {
    const calls: LineRequest[] = [];
    const [out] = await refineLines(counting('2025年11月1日まで有効', calls), card, [EXPIRY], TODAY, [EXPIRY], undefined, undefined, async () => true);
    expect(calls).toHaveLength(0);
    expect(out!.text).toBe(EXPIRY.text);
    expect(out!.confidence).toBe(REREAD_TUNING.datePair.vouchedConfidence);
  });

  it('confirms an unvouched one with a whitelisted read, as before', async () => {
    const calls: LineRequest[] = [];
    const [out] = await refineLines(counting('2025年11月1日まで有効', calls), card, [EXPIRY], TODAY, [EXPIRY], undefined, undefined, async () => false);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.whitelist).toContain('年');
    expect(out!.confidence).toBe(0.9);
  });

  it('still reads a line whose first read gives no date, whatever the vouch says', async () => {
    const calls: LineRequest[] = [];
    const broken = line('2025年 11月 有効', 154, 346, 534, 378, 25, 0.68);
    await refineLines(counting('2025年11月1日まで有効', calls), card, [broken], TODAY, [broken], undefined, undefined, async () => true);
    expect(calls.length).toBeGreaterThan(0);
  });
});
