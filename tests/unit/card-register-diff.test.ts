import { describe, expect, it } from 'vitest';
import { cardNeedsUpdate, compareCardWithRegister, foldAddress, type CardFront } from '../../common/register/card-register-diff';

/** 髙橋 正雄 as the seeded register holds him (assets/register/synthetic-residents.json, 10000000008) */
const REG = { name: '髙橋 正雄', birthDate: '1944-03-15', sex: '男', address: '山梨県甲府市相生三丁目5番6号' };
const card = (x: Partial<CardFront> = {}): CardFront => ({ familyName: '髙橋', givenName: '正雄', birthDate: '1944-03-15', sex: '男', address: '山梨県甲府市相生三丁目5番6号', ...x });
const items = (c: CardFront, reg: typeof REG = REG) => compareCardWithRegister(c, reg).map((d) => d.item);

describe('card ↔ register comparison', () => {
  it('a card that says what the register says shows no difference (the space between 氏 and 名 aside)', () => {
    expect(compareCardWithRegister(card(), REG)).toEqual([]);
    expect(items(card(), { ...REG, name: '髙橋　正雄' })).toEqual([]);
  });

  it('a variant kanji is a different name: 高橋 on the card, 髙橋 in the register', () => {
    const d = compareCardWithRegister(card({ familyName: '高橋' }), REG);
    expect(d.map((x) => x.item)).toEqual(['氏名']);
    expect(d[0]!.card).toBe('高橋　正雄');
    expect(d[0]!.register).toBe('髙橋 正雄');
    expect(d[0]!.advice).toContain('券面記載事項変更が必要です');
    expect(cardNeedsUpdate(d)).toBe(true);
  });

  it('an IVS selector present on one side only is a difference (葛󠄀 U+845B U+E0100 vs 葛)', () => {
    const reg = { ...REG, name: '葛\u{E0100}城 健太' };
    expect(items(card({ familyName: '葛城', givenName: '健太' }), reg)).toEqual(['氏名']);
    expect(items(card({ familyName: '葛\u{E0100}城', givenName: '健太' }), reg)).toEqual([]);
    // another selector of the same base is another glyph
    expect(items(card({ familyName: '葛\u{E0101}城', givenName: '健太' }), reg)).toEqual(['氏名']);
  });

  it('a compatibility ideograph is not folded into its unified twin (no NFKC): 﨑 vs 崎', () => {
    const reg = { ...REG, name: '山﨑 和子' };
    expect(items(card({ familyName: '山崎', givenName: '和子' }), reg)).toEqual(['氏名']);
  });

  it('addresses: 全角/半角 and spaces are not differences, another 丁目 or 番地 is', () => {
    expect(items(card({ address: '山梨県甲府市相生三丁目５番６号' }))).toEqual([]);
    expect(items(card({ address: '山梨県甲府市 相生三丁目5番6号' }))).toEqual([]);
    expect(items(card({ address: '山梨県甲府市相生三丁目5番6号　' }))).toEqual([]);
    expect(foldAddress('中央二丁目3番4号　コーポ試験１０１')).toBe(foldAddress('中央二丁目3番4号 コーポ試験101'));
    const d = compareCardWithRegister(card({ address: '山梨県甲府市北口一丁目2番3号' }), REG);
    expect(d.map((x) => x.item)).toEqual(['住所']);
    expect(d[0]!.advice).toBe('券面記載事項変更が必要です（住所の追記）。');
    expect(cardNeedsUpdate(d)).toBe(true);
  });

  it('生年月日 and 性別 differences are shown but are not a 券面記載事項変更; fields not read are not compared', () => {
    const d = compareCardWithRegister(card({ birthDate: '1944-03-16', sex: '女' }), REG);
    expect(d.map((x) => x.item)).toEqual(['生年月日', '性別']);
    expect(cardNeedsUpdate(d)).toBe(false);
    expect(items(card({ birthDate: '', sex: '', address: '' }))).toEqual([]);
  });

  it('every difference at once', () => {
    expect(items(card({ familyName: '高橋', address: '東京都千代田区千代田1-1', birthDate: '1944-03-16', sex: '女' }))).toEqual(['氏名', '住所', '生年月日', '性別']);
  });
});
