import { describe, expect, it } from 'vitest';
import { chipFaceDisagreements, warekiYymmdd, type ChipSide } from '../../common/card/chip-face-diff';

const chip: ChipSide = { name: '髙﨑\u3000葛\u{E0100}子', address: '東京都千代田区千代田１丁目１－１', birthDate: '1985-04-01', sex: 'F' };
const face = { familyName: '髙﨑', givenName: '葛\u{E0100}子', address: '東京都千代田区千代田1丁目1-1', birthDate: '1985-04-01', sex: 'F' as const };

describe('the chip against a face read (OCR)', () => {
  it('agrees when only how digits, hyphens and spaces are written differs', () => {
    expect(chipFaceDisagreements(chip, face)).toEqual([]);
    expect(chipFaceDisagreements(chip, { ...face, address: '東京都 千代田区千代田１丁目１ー１' })).toEqual([]);
  });

  it('flags a kanji variant the OCR could not read (高 for 髙, 崎 for 﨑), an IVS dropped, code point by code point', () => {
    expect(chipFaceDisagreements(chip, { ...face, familyName: '高崎' })).toEqual([{ field: 'name', chip: chip.name, face: '高崎\u3000葛\u{E0100}子' }]);
    expect(chipFaceDisagreements(chip, { ...face, givenName: '葛子' }).map((d) => d.field)).toEqual(['name']);
  });

  it('flags every field that disagrees, each with both values', () => {
    const d = chipFaceDisagreements(chip, { familyName: '高崎', givenName: '葛子', address: '東京都千代田区千代田1丁目7-1', birthDate: '1985-04-07', sex: 'M' });
    expect(d.map((x) => x.field)).toEqual(['name', 'address', 'birthDate', 'sex']);
    expect(d[2]).toEqual({ field: 'birthDate', chip: '1985-04-01', face: '1985-04-07' });
    expect(d[3]).toEqual({ field: 'sex', chip: 'F', face: 'M' });
  });

  it('does not flag what the face read left empty', () => {
    expect(chipFaceDisagreements(chip, { familyName: '', givenName: '', address: '', birthDate: null, sex: null })).toEqual([]);
  });

  it('a chip without a sex (JIS X 0303 0 / 9) against a face that shows one is a disagreement', () => {
    expect(chipFaceDisagreements({ ...chip, sex: null }, face)).toEqual([{ field: 'sex', chip: '', face: 'F' }]);
  });
});

describe('照合番号B: the 和暦 birth date as YYMMDD', () => {
  it('matches the worked example (1980-02-17 → 昭和55 → 550217)', () => {
    expect(warekiYymmdd('1980-02-17')).toBe('550217');
  });
  it('uses the era of the day, 元年 as 01', () => {
    expect(warekiYymmdd('1989-01-07')).toBe('640107');
    expect(warekiYymmdd('1989-01-08')).toBe('010108');
    expect(warekiYymmdd('2019-05-01')).toBe('010501');
    expect(warekiYymmdd('2019-04-30')).toBe('310430');
  });
  it('refuses what is not a date of an era', () => {
    expect(warekiYymmdd('1850-01-01')).toBeNull();
    expect(warekiYymmdd('1985/04/01')).toBeNull();
  });
});
