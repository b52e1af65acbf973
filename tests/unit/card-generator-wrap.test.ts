import { describe, expect, it } from 'vitest';
import { wrappedRows } from '../support/cards/varied-card';

describe('the generated 住所 block, as the browser wraps it', () => {
  it('counts the row a last character breaks onto, where width over box rounded up counts one too few', () => {
    const addr = '山梨県笛吹市石和町市部2665番地';
    // 13 kanji at 27 px and 4 digits at up to 0.62 em: 418 px; the old estimate (0.55 em digits) said 410
    expect(wrappedRows(addr, 27, 0, 420)).toBe(1);
    expect(wrappedRows(addr, 27, 0, 415)).toBe(2);
    expect(Math.ceil((13 * 27 + 4 * 0.55 * 27) / 415)).toBe(1);
    // a row ends before the character that would overflow it: two rows of whole characters, not 1.5
    expect(wrappedRows('一二三四五', 10, 0, 25)).toBe(3);
    expect(wrappedRows('一', 10, 0, 5)).toBe(1);
  });
});
