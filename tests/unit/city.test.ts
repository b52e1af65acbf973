import { describe, expect, it } from 'vitest';
import { addressForEvent, cityAddressPrefix, expandSuggestions, isOnlyCityPrefix, localAuthorityOf } from '../../common/domain/city';

const chiyoda = { prefecture: '東京都', municipality: '千代田区' };

describe('the counter\'s city', () => {
  it('is the start of every address in it', () => {
    expect(cityAddressPrefix(chiyoda)).toBe('東京都千代田区');
    expect(cityAddressPrefix({ prefecture: '北海道', municipality: '札幌市中央区' })).toBe('北海道札幌市中央区');
    expect(cityAddressPrefix(null)).toBe('');
  });

  it('an address holding only the prefix counts as not entered', () => {
    expect(isOnlyCityPrefix('東京都千代田区', chiyoda)).toBe(true);
    expect(isOnlyCityPrefix(' 東京都千代田区 ', chiyoda)).toBe(true);
    expect(isOnlyCityPrefix('', chiyoda)).toBe(true);
    expect(isOnlyCityPrefix('東京都千代田区千代田1-1', chiyoda)).toBe(false);
    expect(isOnlyCityPrefix('東京都千代田区', null)).toBe(false);
  });

  it('starts the new address after 転入 / 転居, and takes an untouched prefix away for other events', () => {
    expect(addressForEvent('転入', '', chiyoda)).toBe('東京都千代田区');
    expect(addressForEvent('転居', '  ', chiyoda)).toBe('東京都千代田区');
    expect(addressForEvent('転入', '東京都千代田区千代田1-1', chiyoda)).toBe('東京都千代田区千代田1-1');
    expect(addressForEvent('死亡', '東京都千代田区', chiyoda)).toBe('');
    expect(addressForEvent('死亡', '東京都千代田区千代田2-2', chiyoda)).toBe('東京都千代田区千代田2-2');
    expect(addressForEvent('転入', '', null)).toBe('');
  });

  it('fills quick picks naming the city, and leaves them out while no city is configured', () => {
    const picks = ['協会けんぽ', '国民健康保険（{市区町村}）', '{都道府県}{市区町村}'];
    expect(expandSuggestions(picks, chiyoda)).toEqual(['協会けんぽ', '国民健康保険（千代田区）', '東京都千代田区']);
    expect(expandSuggestions(picks, null)).toEqual(['協会けんぽ']);
    expect(expandSuggestions(undefined, chiyoda)).toEqual([]);
  });

  it('a previous school\'s quick picks: the public schools of the previous address\'s local authority, and of this city', () => {
    const picks = ['{前住所の自治体}立', '{自治体}立'];
    expect(expandSuggestions(picks, chiyoda, '大阪府大阪市北区中之島一丁目3番20号')).toEqual(['大阪市立', '千代田区立']);
    expect(expandSuggestions(picks, { prefecture: '神奈川県', municipality: '横浜市中区' }, '北海道余市郡余市町黒川町1')).toEqual(['余市町立', '横浜市立']);
    expect(expandSuggestions(picks, null, '三重県四日市市諏訪町1-5')).toEqual(['四日市市立']);
    // no previous address (not a move into the city): that pick is left out
    expect(expandSuggestions(picks, chiyoda, '')).toEqual(['千代田区立']);
    expect(expandSuggestions(picks, chiyoda)).toEqual(['千代田区立']);
  });

  it.each([
    ['千代田区', '千代田区'],
    ['横浜市中区', '横浜市'],
    ['札幌市', '札幌市'],
    ['四日市市', '四日市市'],
    ['余市郡余市町', '余市町'],
  ])('the local authority of %s is %s', (m, want) => {
    expect(localAuthorityOf(m)).toBe(want);
  });
});
