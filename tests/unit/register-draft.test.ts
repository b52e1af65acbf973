import { describe, expect, it } from 'vitest';
import { followRegisterAddress, householdFromRegister, registerTakenText } from '../../renderer/src/register/register-draft';
import { searchQuery, type SearchFields } from '../../renderer/src/register/register-query';
import type { HouseholdDraft, PersonDraft } from '../../renderer/src/case-store';
import type { RegisterHousehold } from '../../common/contract/register-operations';

/** 髙橋 正雄 and トメ as the seeded register answers them (assets/register/synthetic-residents.json) */
const TAKAHASHI: RegisterHousehold = {
  persons: [
    { residentCode: '10000000008', householdNumber: '00001003', name: '髙橋 正雄', kana: 'タカハシ マサオ', birthDate: '1944-03-15', sexCode: '1', sex: '男', relationship: '世帯主', address: '山梨県甲府市相生三丁目5番6号' },
    { residentCode: '10000000009', householdNumber: '00001003', name: '髙橋 トメ', kana: 'タカハシ トメ', birthDate: '1947-07-07', sexCode: '2', sex: '女', relationship: '妻', address: '山梨県甲府市相生三丁目5番6号' },
  ],
  statuses: [
    { residentCode: '10000000008', kouki: '被保険者', kaigo: '要介護2', nenkin: '老齢基礎年金受給者' },
    { residentCode: '10000000009', kouki: '被保険者', kaigo: '要支援1', nenkin: '老齢基礎年金受給者' },
  ],
};

const person = (x: Partial<PersonDraft>): PersonDraft => ({
  relation: '本人', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', birthRaw: '', sex: '', healthInsurance: '不明', pension: '不明',
  careCertified: false, phone: '', myNumber: '', nationality: '', answers: {}, ...x,
});
const draft = (persons: PersonDraft[], x: Partial<HouseholdDraft> = {}): HouseholdDraft => ({
  event: '死亡', dateRaw: '2', persons, postalCode: '', address: '', previousPostalCode: '', previousAddress: '', nextAddress: '', ...x,
});

describe('the household step after a register pick', () => {
  it('a new visit: the blank 本人 gives way to the register\'s 世帯, names exact, status as answers', () => {
    const d = householdFromRegister(draft([person({})]), '10000000008', TAKAHASHI)!;
    expect(d.persons.map((p) => [p.relation, p.familyName, p.givenName, p.familyNameKana, p.birthRaw, p.sex, p.healthInsurance, p.pension, p.careCertified])).toEqual([
      ['本人', '\u9AD9橋', '正雄', 'タカハシ', '昭和19年3月15日', '男', '後期高齢', '国民年金', true],
      ['配偶者', '\u9AD9橋', 'トメ', 'タカハシ', '昭和22年7月7日', '女', '後期高齢', '国民年金', true],
    ]);
    expect(d.persons[1]!.register?.status).toEqual({ kouki: '被保険者', kaigo: '要支援1', nenkin: '老齢基礎年金受給者' });
    expect(d.address).toBe('山梨県甲府市相生三丁目5番6号');
    expect(d.headIndex).toBe(0);
    expect(registerTakenText(d, TAKAHASHI)).toBe('住民票から世帯（2人）を反映しました。');
  });

  it('what the clerk had for the same people stays (a card read before the search, a phone); someone else typed is kept, no longer 本人', () => {
    const card = { familyName: '高橋', givenName: '正雄', birthDate: '1944-03-15', sex: '男' as const, address: '山梨県甲府市北口一丁目2番3号' };
    const before = draft([
      person({ familyName: '高橋', givenName: '正雄', birthRaw: 'S19.3.15', card, fromCard: true }),
      person({ relation: 'その他', familyName: '髙橋', givenName: '一郎', birthRaw: 'S45.1.1', phone: '09011112222' }),
      person({ relation: '子' }),
    ]);
    const d = householdFromRegister(before, '10000000008', TAKAHASHI)!;
    expect(d.persons.map((p) => p.givenName)).toEqual(['正雄', 'トメ', '一郎']);
    expect(d.persons[0]!.familyName).toBe('\u9AD9橋'); // the register's name, the card kept beside it
    expect(d.persons[0]!.card).toEqual(card);
    expect(d.persons[0]!.fromCard).toBe(true);
    expect(d.persons[2]!.phone).toBe('09011112222');
    expect(registerTakenText(d, { ...TAKAHASHI, statusNote: '保険・年金の資格は取得できませんでした。' })).toBe('住民票から世帯（2人）を反映しました。住民票の世帯にいない1人はそのまま残しています。保険・年金の資格は取得できませんでした。');
  });

  it('a 転居: the register\'s 住所 is the previous address; no status answered leaves the answers 不明', () => {
    const d = householdFromRegister(draft([person({})], { event: '転居', address: '山梨県甲府市' }), '10000000009', { persons: TAKAHASHI.persons, statuses: [] })!;
    expect([d.address, d.previousAddress]).toEqual(['山梨県甲府市', '山梨県甲府市相生三丁目5番6号']);
    expect(d.persons.map((p) => [p.givenName, p.relation, p.healthInsurance, p.pension])).toEqual([['トメ', '本人', '不明', '不明'], ['正雄', '配偶者', '不明', '不明']]);
    expect(d.headIndex).toBe(1);
    expect(householdFromRegister(draft([]), '99999999999', TAKAHASHI)).toBeNull();
  });
});

describe('the event changed after the pick', () => {
  it('the register\'s 住所 moves to the previous address for a 転居, and back; an edited address stays', () => {
    const d = householdFromRegister(draft([person({})]), '10000000008', TAKAHASHI)!;
    expect(followRegisterAddress(d, '転居')).toEqual({ address: '', previousAddress: '山梨県甲府市相生三丁目5番6号' });
    const t = { ...d, ...followRegisterAddress(d, '転居'), event: '転居' as const };
    expect(followRegisterAddress(t, '転出')).toEqual({ previousAddress: '', address: '山梨県甲府市相生三丁目5番6号' });
    expect(followRegisterAddress({ ...d, address: '山梨県甲府市中央1-1' }, '転居')).toEqual({});
    expect(followRegisterAddress(d, '出生')).toEqual({});
  });
});

describe('the search query', () => {
  const f = (x: Partial<SearchFields>): SearchFields => ({ mode: 'name', name: '', birthDate: '', address: '', residentCode: '', ...x });
  it('name or フリガナ (kana searches by フリガナ) with the birth date; 住所; 住民票コード (全角 digits and hyphens accepted)', () => {
    expect(searchQuery(f({ name: '髙橋正雄', birthDate: '1944-03-15' }))).toEqual({ by: 'name', name: '髙橋正雄', birthDate: '1944-03-15' });
    expect(searchQuery(f({ name: 'タカハシ マサオ', birthDate: '1944-03-15' }))).toEqual({ by: 'kana', kana: 'タカハシ マサオ', birthDate: '1944-03-15' });
    expect(searchQuery(f({ name: '髙橋正雄' }))).toBe('生年月日を入力してください（例 S19.3.15）。');
    expect(searchQuery(f({ mode: 'address', address: ' 相生三丁目 ' }))).toEqual({ by: 'address', address: '相生三丁目' });
    expect(searchQuery(f({ mode: 'residentCode', residentCode: '１０００００－００００８' }))).toEqual({ by: 'residentCode', residentCode: '10000000008' });
    expect(searchQuery(f({ mode: 'residentCode', residentCode: '123' }))).toBe('住民票コードは11桁の数字で入力してください。');
  });
});
