import { describe, expect, it } from 'vitest';
import { formatPostalCode, parsePostalCode } from '../../common/validation/postal-code';
import { parsePhone } from '../../common/validation/phone';
import { maskMyNumber, myNumberCheckDigit, parseMyNumber } from '../../common/validation/my-number';
import { hiraganaToKatakana, toFullwidthKatakana } from '../../common/validation/kana';
import { checkField } from '../../common/forms/check-field';
import type { FieldDef } from '../../common/forms/form-definition';

describe('郵便番号', () => {
  it.each([
    ['123-4567', '1234567'],
    ['1234567', '1234567'],
    ['１２３－４５６７', '1234567'],
    ['〒100-0013', '1000013'],
    [' 100ー0013 ', '1000013'],
    ['100−0013', '1000013'],
  ])('%s → %s, shown 3-4', (raw, digits) => {
    const r = parsePostalCode(raw);
    expect(r).toEqual({ ok: true, digits, display: `${digits.slice(0, 3)}-${digits.slice(3)}` });
  });

  it.each(['123-456', '12345678', '12-34567', 'abc-defg', '', '1234-567'])('%s is refused in Japanese', (raw) => {
    const r = parsePostalCode(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('7桁');
  });

  it('formats stored digits for display', () => {
    expect(formatPostalCode('1000013')).toBe('100-0013');
  });
});

describe('電話番号', () => {
  it.each([
    ['03-1234-5678', '03-1234-5678'],
    ['０９０－１２３４－５６７８', '090-1234-5678'],
    ['0312345678', '0312345678'],
    ['03 1234 5678', '03-1234-5678'],
    ['(0134)22-3456', '(0134)22-3456'],
    ['+81 90-1234-5678', '090-1234-5678'],
    ['0120-123-456', '0120-123-456'],
    ['050-1234-5678', '050-1234-5678'],
  ])('%s accepted as %s', (raw, value) => {
    const r = parsePhone(raw);
    expect(r.ok && r.value).toBe(value);
  });

  it.each([
    ['090-1234-567', '10桁または11桁'],
    ['03-1234-56789', '10桁または11桁'],
    ['3-1234-5678', '0から始まる'],
    ['03-1234-567a', '10桁または11桁'],
  ])('%s refused (%s)', (raw, why) => {
    const r = parsePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});

describe('個人番号 check digit', () => {
  it('accepts the published test vectors', () => {
    expect(parseMyNumber('123456789018')).toEqual({ ok: true, digits: '123456789018' });
    expect(parseMyNumber('537686677188')).toEqual({ ok: true, digits: '537686677188' });
    expect(parseMyNumber('１２３４ ５６７８ ９０１８')).toEqual({ ok: true, digits: '123456789018' });
  });

  it('computes the check digit with weights 6,5,4,3,2,7,6,5,4,3,2', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(myNumberCheckDigit('53768667718')).toBe(8);
    // r ≤ 1 gives 0: 00000000001 → 1·2 = 2 mod 11 = 2 → 9; 00000000000 → 0 → 0
    expect(myNumberCheckDigit('00000000000')).toBe(0);
    expect(myNumberCheckDigit('00000000001')).toBe(9);
  });

  it('rejects every wrong last digit and wrong lengths, never echoing the number', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 8) continue;
      const r = parseMyNumber(`12345678901${d}`);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('検査用数字');
        expect(r.message).not.toContain('12345678901');
      }
    }
    const short = parseMyNumber('12345678901');
    expect(!short.ok && short.message).toContain('12桁');
  });

  it('masks for display', () => {
    expect(maskMyNumber('123456789018')).toBe('********9018');
  });
});

describe('全角カナ', () => {
  it('widens half-width, turns ひらがな into カタカナ, keeps 長音 and small kana', () => {
    expect(toFullwidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ　タロウ');
    expect(toFullwidthKatakana('しょーこ')).toBe('ショーコ');
    expect(toFullwidthKatakana('ジョージ・ハリスン')).toBe('ジョージ・ハリスン');
    expect(toFullwidthKatakana('ゔぁっ')).toBe('ヴァッ');
    expect(hiraganaToKatakana('ゕゖ')).toBe('ヵヶ');
  });

  it('refuses kanji and latin', () => {
    expect(toFullwidthKatakana('山田')).toBeNull();
    expect(toFullwidthKatakana('Yamada')).toBeNull();
  });
});

describe('checkField for every kind', () => {
  const def = (kind: FieldDef['kind'], extra: Partial<FieldDef> = {}): FieldDef => ({ id: 'x', label: '項目', kind, required: true, maxLength: 60, ...extra });

  it('normalizes each kind', () => {
    expect(checkField(def('postalCode'), '１００－００１３')).toEqual({ value: '1000013' });
    expect(checkField(def('phone'), '03-1234-5678')).toEqual({ value: '03-1234-5678' });
    expect(checkField(def('myNumber'), '537686677188')).toEqual({ value: '537686677188' });
    expect(checkField(def('katakana'), 'やまだ')).toEqual({ value: 'ヤマダ' });
    expect(checkField(def('date'), '平成元年1月8日')).toEqual({ value: '1989-01-08' });
    expect(checkField(def('date'), '1989-01-08')).toEqual({ value: '1989-01-08' });
    expect(checkField(def('select', { options: [{ value: '男', label: '男' }] }), '男')).toEqual({ value: '男' });
    expect(checkField(def('checkbox', { required: false }), 'true')).toEqual({ value: 'はい' });
    expect(checkField(def('checkbox', { required: false }), '')).toEqual({ value: '' });
  });

  it('refuses impossible 和暦 dates with the reason', () => {
    expect(checkField(def('date'), '平成32年1月1日').error).toContain('平成は2019年4月30日まで');
    expect(checkField(def('date'), '昭和64年2月1日').error).toContain('昭和は1989年1月7日まで');
  });

  it('refuses a value outside a select and a required unchecked box', () => {
    expect(checkField(def('select', { options: [{ value: '男', label: '男' }] }), '男性').error).toBe('項目は選択肢から選んでください。');
    expect(checkField(def('checkbox'), '').error).toContain('チェック');
    expect(checkField(def('checkbox'), 'maybe').error).toContain('「はい」か空欄');
  });

  it('refuses a huge paste quickly and cleanly, whatever the kind', () => {
    const huge = 'あ'.repeat(5_000_000);
    for (const kind of ['name', 'kana', 'katakana', 'date', 'address', 'text', 'postalCode', 'phone', 'myNumber'] as const) {
      const t = performance.now();
      const r = checkField(def(kind), huge);
      expect(performance.now() - t).toBeLessThan(50);
      expect(r.error).toBe('項目: 入力が長すぎます。貼り付けた内容を確認してください。');
    }
    // just over maxLength is the ordinary length message
    expect(checkField(def('text'), 'あ'.repeat(61)).error).toBe('項目は60文字以内で入力してください。');
  });

  it('keeps name code points exactly (no NFC/NFKC)', () => {
    const name = '\u845B\u{E0100}\uFA10髙﨑';
    expect(checkField(def('name'), ` ${name}\u3000`)).toEqual({ value: name });
  });
});
