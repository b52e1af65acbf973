import { describe, expect, it } from 'vitest';
import { CardNumberReads } from '../../main/services/api/card-number-reads';

/** The services' record of numbers read from card backs: what alone makes a 個人番号 確認済み. */
describe('card number reads', () => {
  it('gives a read once, forgets it after ten minutes, and keeps only the newest reads', () => {
    let now = 0;
    const reads = new CardNumberReads(() => now);
    reads.remember('a', '537686677188', 'card-qr');
    expect(reads.take('a')).toEqual({ digits: '537686677188', source: 'card-qr' });
    expect(reads.take('a')).toBeNull();
    reads.remember('b', '537686677188', 'card-qr');
    now += 10 * 60_000 + 1;
    expect(reads.take('b')).toBeNull();
    for (let i = 0; i < 40; i++) reads.remember(`r${i}`, '537686677188', 'card-qr');
    expect(reads.take('r0')).toBeNull();
    expect(reads.take('r39')).not.toBeNull();
  });
});
