import { describe, expect, it } from 'vitest';
import { addresseeOf } from '../../common/domain/city';
import { formSheetHtml } from '../../common/print/print-html';
import { findForm } from '../../common/forms/registry';

/** The あて先 of a printed 届: the head of the city the counter serves, never a blanket 市長. */
describe('print あて先 and heading', () => {
  it('names the head of the configured city', () => {
    expect(addresseeOf({ prefecture: '東京都', municipality: '千代田区' })).toBe('千代田区長');
    expect(addresseeOf({ prefecture: '神奈川県', municipality: '横浜市中区' })).toBe('横浜市長');
    expect(addresseeOf({ prefecture: '北海道', municipality: '札幌市' })).toBe('札幌市長');
    expect(addresseeOf({ prefecture: '長野県', municipality: '北佐久郡軽井沢町' })).toBe('軽井沢町長');
    expect(addresseeOf({ prefecture: '沖縄県', municipality: '島尻郡渡嘉敷村' })).toBe('渡嘉敷村長');
    expect(addresseeOf(undefined)).toBe('市区町村長');
  });

  it('a printed 転入届 for 千代田区 is addressed to 千代田区長 and shows no internal form id', () => {
    const form = findForm('jumin-ido-tennyu')!;
    const html = formSheetHtml(form, {}, { fontUrl: 'font.ttf', sample: false, today: '2026-12-03', city: { prefecture: '東京都', municipality: '千代田区' } }, '来庁ケース 1234abcd');
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('（あて先）千代田区長');
    expect(text).not.toContain('市長');
    expect(text).not.toContain('jumin-ido-tennyu');
    expect(text).not.toMatch(/第\d+版/);
  });
});
