import { describe, expect, it } from 'vitest';
import { validateForm } from '../../common/forms/validate-form';
import { juminIdoTenkyo } from '../../common/forms/jumin-ido-tenkyo';
import { FORMS } from '../../common/forms/registry';

const TODAY = '2026-11-27';
const valid = {
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'やまだ',
  givenNameKana: 'たろう',
  birthDate: 'S60.4.1',
  newAddress: '東京都千代田区霞が関1-1-1',
  oldAddress: '東京都千代田区永田町2-2-2',
  moveDate: '令和8年11月20日',
};

describe('住民異動届（転居） validation', () => {
  it('accepts a complete form and normalizes dates to ISO', () => {
    const v = validateForm(juminIdoTenkyo, valid, TODAY);
    expect(v.fieldErrors).toEqual({});
    expect(v.ok).toBe(true);
    expect(v.values.birthDate).toBe('1985-04-01');
    expect(v.values.moveDate).toBe('2026-11-20');
    expect(v.warnings).toEqual({});
  });

  it('names every missing required field in Japanese', () => {
    const v = validateForm(juminIdoTenkyo, {}, TODAY);
    expect(v.ok).toBe(false);
    expect(Object.keys(v.fieldErrors).sort()).toEqual(juminIdoTenkyo.fields.map((f) => f.id).sort());
    expect(v.fieldErrors.familyName).toBe('氏を入力してください。');
  });

  it('keeps names code point for code point: IVS, compatibility ideographs, rare variants', () => {
    const ivs = '\u845B\u{E0100}'; // 葛 + IVS
    const compat = '\uFA10'; // 塚 (compatibility ideograph; NFC would turn it into U+585A)
    const v = validateForm(juminIdoTenkyo, { ...valid, familyName: `${ivs}${compat}﨑`, givenName: '髙' }, TODAY);
    expect(v.ok).toBe(true);
    expect(v.values.familyName).toBe(`${ivs}${compat}﨑`);
    expect([...v.values.familyName!].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['845b', 'e0100', 'fa10', 'fa11']);
    expect(v.values.givenName).toBe('髙');
  });

  it('counts length in code points and refuses control characters', () => {
    expect(validateForm(juminIdoTenkyo, { ...valid, familyName: '𠮷'.repeat(40) }, TODAY).ok).toBe(true);
    expect(validateForm(juminIdoTenkyo, { ...valid, familyName: '𠮷'.repeat(41) }, TODAY).fieldErrors.familyName).toContain('40文字以内');
    expect(validateForm(juminIdoTenkyo, { ...valid, newAddress: '東京都\n千代田区' }, TODAY).fieldErrors.newAddress).toContain('制御文字');
  });

  it('widens half-width ふりがな and refuses kanji there', () => {
    const v = validateForm(juminIdoTenkyo, { ...valid, familyNameKana: 'ﾔﾏﾀﾞ' }, TODAY);
    expect(v.values.familyNameKana).toBe('ヤマダ');
    expect(validateForm(juminIdoTenkyo, { ...valid, familyNameKana: '山田' }, TODAY).fieldErrors.familyNameKana).toContain('ひらがなまたはカタカナ');
  });

  it('applies the cross-field rules', () => {
    expect(validateForm(juminIdoTenkyo, { ...valid, moveDate: '2026-11-28' }, TODAY).fieldErrors.moveDate).toContain('未来の日付');
    expect(validateForm(juminIdoTenkyo, { ...valid, birthDate: '2026-11-21', moveDate: '2026-11-20' }, TODAY).fieldErrors.moveDate).toContain('生年月日より前');
    expect(validateForm(juminIdoTenkyo, { ...valid, oldAddress: valid.newAddress }, TODAY).fieldErrors.oldAddress).toContain('同じ');
    expect(validateForm(juminIdoTenkyo, { ...valid, birthDate: '平成32年1月1日' }, TODAY).fieldErrors.birthDate).toContain('存在しません');
  });

  it('warns, but accepts, a 転居 reported after the 14-day deadline', () => {
    const late = validateForm(juminIdoTenkyo, { ...valid, moveDate: '2026-11-12' }, TODAY);
    expect(late.ok).toBe(true);
    expect(late.warnings.moveDate).toContain('14日を過ぎています');
    expect(validateForm(juminIdoTenkyo, { ...valid, moveDate: '2026-11-13' }, TODAY).warnings).toEqual({});
  });

  it('every registered form has unique field ids and rules that name existing fields', () => {
    for (const form of FORMS) {
      const ids = form.fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of form.rules) {
        expect(ids).toContain(r.field);
        if ('other' in r) expect(ids).toContain(r.other);
      }
    }
  });
});
