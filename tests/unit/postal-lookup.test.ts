import { describe, expect, it } from 'vitest';
import { buildAddressMaster } from '../../common/address/address-master';
import { lookupPostalCode, postalCodesForAddress } from '../../common/address/postal-lookup';
import { operations } from '../../common/contract/operations';
import { loadAddressMaster } from '../../main/ocr-engine/address-master-files';
import { createAddressHandlers } from '../../main/services/api/address-handlers';
import { sharedAddressMaster } from '../../main/services/address/shared-address-master';

/** the shipped KEN_ALL master: the codes below are real */
const real = loadAddressMaster()!;

describe('郵便番号 → 住所', () => {
  it('gives 都道府県+市区町村+町域 for a code with one 町域, however the code is typed', () => {
    for (const typed of ['1000001', '100-0001', '１００－０００１', '１０００００１', '〒100-0001', ' 100ー0001 ']) {
      expect(lookupPostalCode(real, typed)).toEqual({ postalCode: '1000001', address: '東京都千代田区千代田', towns: [] });
    }
    expect(lookupPostalCode(real, '980-0811')).toEqual({ postalCode: '9800811', address: '宮城県仙台市青葉区一番町', towns: [] });
    expect(lookupPostalCode(real, '604-0925')).toEqual({ postalCode: '6040925', address: '京都府京都市中京区上本能寺前町', towns: [] });
  });

  it('gives 都道府県+市区町村 alone for a municipality-wide code (以下に掲載がない場合)', () => {
    expect(lookupPostalCode(real, '1000000')).toEqual({ postalCode: '1000000', address: '東京都千代田区', towns: [] });
    expect(lookupPostalCode(real, '6040000')).toEqual({ postalCode: '6040000', address: '京都府京都市中京区', towns: [] });
    // a village with one code for all of it
    expect(lookupPostalCode(real, '100-0301')).toEqual({ postalCode: '1000301', address: '東京都利島村', towns: [] });
  });

  it('offers the 町域 of a code that covers several, after the part they share', () => {
    const r = lookupPostalCode(real, '028-7302');
    expect(r).toEqual({ postalCode: '0287302', address: '岩手県八幡平市', towns: ['八幡平温泉郷', '松尾寄木', '松川温泉'] });
    const many = lookupPostalCode(real, '4520961');
    expect(many.address).toBe('愛知県清須市');
    expect(many.towns).toContain('春日一番割');
    expect(many.towns.length).toBeGreaterThan(60);
  });

  it('finds nothing for an unknown code or a code not yet complete, and never throws', () => {
    expect(lookupPostalCode(real, '0000000')).toEqual({ postalCode: '0000000', address: '', towns: [] });
    for (const typed of ['100000', '10000011', 'abc', '', '１２３']) expect(lookupPostalCode(real, typed)).toEqual({ postalCode: '', address: '', towns: [] });
  });

  it('keeps the master\'s code points: a 町域 with ケ/ヶ or an old form is given as listed', () => {
    const synthetic = buildAddressMaster('13999\t東京都\t髙田区', '13999\t﨑町\t霞ヶ丘', () => '1999999\t13999\t﨑町\n1999998\t13999\t霞ヶ丘');
    expect(lookupPostalCode(synthetic, '1999999').address).toBe('東京都髙田区﨑町');
    expect(postalCodesForAddress(synthetic, '東京都髙田区霞ヶ丘1-2')).toEqual({ postalCodes: ['1999998'], place: '東京都髙田区霞ヶ丘' });
    // no folding of the address: 高田区 is not 髙田区
    expect(postalCodesForAddress(synthetic, '東京都高田区霞ヶ丘1-2').postalCodes).toEqual([]);
  });
});

describe('住所 → 郵便番号', () => {
  it('finds the code of the longest 都道府県+市区町村+町域 the address starts with', () => {
    expect(postalCodesForAddress(real, '東京都千代田区千代田1-1')).toEqual({ postalCodes: ['1000001'], place: '東京都千代田区千代田' });
    expect(postalCodesForAddress(real, '宮城県仙台市青葉区一番町4-7-17')).toEqual({ postalCodes: ['9800811'], place: '宮城県仙台市青葉区一番町' });
    // KEN_ALL has no 大字; its 軽井沢 has two codes by 番地 range, which the master does not keep: both are offered
    expect(postalCodesForAddress(real, '長野県北佐久郡軽井沢町大字軽井沢1323')).toEqual({ postalCodes: ['3890102', '3890103'], place: '長野県北佐久郡軽井沢町軽井沢' });
  });

  it('reads a 京都市 address: the 町域 after the street and its direction', () => {
    expect(postalCodesForAddress(real, '京都府京都市中京区寺町通御池上る上本能寺前町488')).toEqual({ postalCodes: ['6040925'], place: '京都府京都市中京区上本能寺前町' });
    expect(postalCodesForAddress(real, '京都府京都市中京区寺町通御池上ル上本能寺前町488')).toMatchObject({ postalCodes: ['6040925'] });
    expect(postalCodesForAddress(real, '京都府京都市中京区上本能寺前町488')).toMatchObject({ postalCodes: ['6040925'] });
    // one 町域 name used three times in the ward: all three, for the clerk to choose
    expect(postalCodesForAddress(real, '京都府京都市中京区大黒町1')).toEqual({ postalCodes: ['6040014', '6048031', '6048073'], place: '京都府京都市中京区大黒町' });
  });

  it('gives the municipality-wide code where no 町域 is listed, or the 番地 follows the 市区町村', () => {
    expect(postalCodesForAddress(real, '東京都利島村248')).toEqual({ postalCodes: ['1000301'], place: '東京都利島村' });
    expect(postalCodesForAddress(real, '京都府京都市中京区123番地')).toEqual({ postalCodes: ['6040000'], place: '京都府京都市中京区' });
  });

  it('suggests nothing for an address not yet typed far enough, or not known', () => {
    for (const a of ['', '東京都', '東京都千代田区', '東京都千代田区千代', '東京都千代田区霞ケ関1-1', '千代田区千代田1-1', 'ＡＢＣ', '東京府千代田区千代田1']) {
      expect(postalCodesForAddress(real, a).postalCodes).toEqual([]);
    }
  });
});

describe('the lookup operations', () => {
  it('answer through the handlers, empty without the address files', () => {
    const h = createAddressHandlers(() => real);
    expect(h.lookupPostalCode({ postalCode: '100-0001' })).toEqual({ ok: true, value: { postalCode: '1000001', address: '東京都千代田区千代田', towns: [] } });
    expect(h.suggestPostalCode({ address: '東京都千代田区千代田1-1' })).toEqual({ ok: true, value: { postalCodes: ['1000001'], place: '東京都千代田区千代田' } });
    const none = createAddressHandlers(() => null);
    expect(none.lookupPostalCode({ postalCode: '1000001' })).toEqual({ ok: true, value: { postalCode: '', address: '', towns: [] } });
    expect(none.suggestPostalCode({ address: '東京都千代田区千代田1-1' })).toEqual({ ok: true, value: { postalCodes: [], place: '' } });
  });

  it('bound their input', () => {
    expect(operations.lookupPostalCode.input.safeParse({ postalCode: '1'.repeat(41) }).success).toBe(false);
    expect(operations.suggestPostalCode.input.safeParse({ address: '東'.repeat(201) }).success).toBe(false);
    expect(operations.suggestPostalCode.input.safeParse({ address: '東京都', extra: 1 }).success).toBe(false);
  });

  it('read the address master once, shared by every user', () => {
    let loads = 0;
    const logged: string[] = [];
    const get = sharedAddressMaster((_l, event) => logged.push(event), () => {
      loads++;
      return real;
    });
    expect(get()).toBe(real);
    expect(get()).toBe(real);
    expect(loads).toBe(1);
    expect(logged).toEqual(['address.loaded']);
    const missing = sharedAddressMaster((_l, event) => logged.push(event), () => null);
    expect(missing()).toBeNull();
    expect(missing()).toBeNull();
    expect(logged).toEqual(['address.loaded', 'address.missing']);
  });
});
