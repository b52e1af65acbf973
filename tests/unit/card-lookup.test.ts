import { describe, expect, it } from 'vitest';
import { cardLookupQuery, type CardLookupInput } from '../../common/register/card-lookup';

/** When a confirmed card read searches the register by itself (renderer/src/register/card-lookup.ts runs it). */
const card = { familyName: '髙橋', givenName: '正雄', birthDate: '1944-03-15' };
const base: CardLookupInput = { event: '死亡', relation: '本人', householdFromRegister: false, card };

describe('the card read drives the register lookup', () => {
  it('the 本人\'s card searches with its 氏名 and 生年月日, exactly as confirmed', () => {
    expect(cardLookupQuery(base)).toEqual({ name: '髙橋 正雄', birthDate: '1944-03-15' });
    for (const event of ['転居', '転出', '出生', '婚姻'] as const) expect(cardLookupQuery({ ...base, event })).not.toBeNull();
    // IVS kept: the register compares them (the simulator ignores selectors, a real one may not)
    expect(cardLookupQuery({ ...base, card: { ...card, familyName: '葛\u{E0100}城' } })?.name).toBe('葛\u{E0100}城 正雄');
  });

  it('no search for a 転入, for a family member\'s or a 届出人\'s card, once the household came from the register, or without name or birth', () => {
    expect(cardLookupQuery({ ...base, event: '転入' })).toBeNull();
    expect(cardLookupQuery({ ...base, relation: '配偶者' })).toBeNull();
    expect(cardLookupQuery({ ...base, relation: undefined })).toBeNull();
    expect(cardLookupQuery({ ...base, householdFromRegister: true })).toBeNull();
    expect(cardLookupQuery({ ...base, card: { ...card, birthDate: '' } })).toBeNull();
    expect(cardLookupQuery({ ...base, card: { familyName: ' ', givenName: '', birthDate: '1944-03-15' } })).toBeNull();
  });
});
