import { describe, expect, it } from 'vitest';
import { isKana, widenHalfwidthKatakana } from '../../common/validation/kana';

describe('ふりがな', () => {
  it('widens half-width katakana, voiced and semi-voiced included', () => {
    expect(widenHalfwidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ　タロウ');
    expect(widenHalfwidthKatakana('ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ')).toBe('パピプペポ');
    expect(widenHalfwidthKatakana('ｳﾞｨｸﾄﾘｱ')).toBe('ヴィクトリア');
    expect(widenHalfwidthKatakana('ｼｮｰｺﾞ')).toBe('ショーゴ');
  });

  it('leaves full-width kana, 長音 and small kana as they are', () => {
    expect(widenHalfwidthKatakana('きょうこ')).toBe('きょうこ');
    expect(widenHalfwidthKatakana('ジョージ・ハリスン')).toBe('ジョージ・ハリスン');
  });

  it('accepts kana and spaces only', () => {
    expect(isKana('やまだ　たろう')).toBe(true);
    expect(isKana('ヤマダ ジョージ・ー')).toBe(true);
    expect(isKana('山田')).toBe(false);
    expect(isKana('yamada')).toBe(false);
    expect(isKana('ﾔﾏﾀﾞ')).toBe(false);
  });
});
