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
    const take = householdFromRegister(draft([person({})]), '10000000008', TAKAHASHI)!;
    const d = take.draft;
    expect(d.persons.map((p) => [p.relation, p.familyName, p.givenName, p.familyNameKana, p.birthRaw, p.sex, p.healthInsurance, p.pension, p.careCertified])).toEqual([
      ['本人', '\u9AD9橋', '正雄', 'タカハシ', '昭和19年3月15日', '男', '後期高齢', '国民年金', true],
      ['配偶者', '\u9AD9橋', 'トメ', 'タカハシ', '昭和22年7月7日', '女', '後期高齢', '国民年金', true],
    ]);
    expect(d.persons[1]!.register?.status).toEqual({ kouki: '被保険者', kaigo: '要支援1', nenkin: '老齢基礎年金受給者' });
    expect(d.address).toBe('山梨県甲府市相生三丁目5番6号');
    expect(d.headIndex).toBe(0);
    expect(registerTakenText(take, TAKAHASHI)).toBe('住民票から世帯（2人）を反映しました。');
  });

  it('what the clerk had for the same people stays (a card read before the search, a phone); someone else typed is kept, no longer 本人', () => {
    const card = { familyName: '高橋', givenName: '正雄', birthDate: '1944-03-15', sex: '男' as const, address: '山梨県甲府市北口一丁目2番3号' };
    const before = draft([
      person({ familyName: '高橋', givenName: '正雄', birthRaw: 'S19.3.15', card, fromCard: true }),
      person({ relation: 'その他', familyName: '髙橋', givenName: '一郎', birthRaw: 'S45.1.1', phone: '09011112222' }),
      person({ relation: '子' }),
    ]);
    const take = householdFromRegister(before, '10000000008', TAKAHASHI)!;
    const d = take.draft;
    expect(d.persons.map((p) => p.givenName)).toEqual(['正雄', 'トメ', '一郎']);
    expect(d.persons[0]!.familyName).toBe('\u9AD9橋'); // the register's name, the card kept beside it
    expect(d.persons[0]!.card).toEqual(card);
    expect(d.persons[0]!.fromCard).toBe(true);
    expect(d.persons[2]!.phone).toBe('09011112222');
    expect(registerTakenText(take, { ...TAKAHASHI, statusNote: '保険・年金の資格は取得できませんでした。' })).toBe('住民票から世帯（2人）を反映しました。住民票の世帯にいない1人はそのまま残しています。保険・年金の資格は取得できませんでした。');
  });

  it('a 転居: the register\'s 住所 is the previous address; no status answered leaves the answers 不明', () => {
    const d = householdFromRegister(draft([person({})], { event: '転居', address: '山梨県甲府市' }), '10000000009', { persons: TAKAHASHI.persons, statuses: [] })!.draft;
    expect([d.address, d.previousAddress]).toEqual(['山梨県甲府市', '山梨県甲府市相生三丁目5番6号']);
    expect(d.persons.map((p) => [p.givenName, p.relation, p.healthInsurance, p.pension])).toEqual([['トメ', '本人', '不明', '不明'], ['正雄', '配偶者', '不明', '不明']]);
    expect(d.headIndex).toBe(1);
    expect(householdFromRegister(draft([]), '99999999999', TAKAHASHI)).toBeNull();
  });
});

describe('what the clerk typed before the lookup for someone without 氏名 or 生年月日', () => {
  const NO_STATUS: RegisterHousehold = { persons: TAKAHASHI.persons, statuses: [] };
  const clerkValues = (p: PersonDraft | undefined) => p && [p.phone, p.myNumber, p.nationality, p.answers];

  it('the blank 本人\'s 電話番号, 個人番号 and answers go to the picked resident, the case\'s 本人 now, and to nobody else; the clerk is told', () => {
    const blank = person({ phone: '09012345678', myNumber: '123456789018', answers: { 届出人の電話番号: '09012345678' } });
    const take = householdFromRegister(draft([blank]), '10000000008', TAKAHASHI)!;
    const d = take.draft;
    expect(d.persons.map((p) => [p.relation, p.givenName])).toEqual([['本人', '正雄'], ['配偶者', 'トメ']]);
    expect(clerkValues(d.persons[0])).toEqual(['09012345678', '123456789018', '', { 届出人の電話番号: '09012345678' }]);
    expect(clerkValues(d.persons[1])).toEqual(['', '', '', {}]);
    expect(take.carriedToHonnin).toEqual(['電話番号', '個人番号', '様式への回答']);
    expect(take.unnamedKept).toEqual([]);
    expect(registerTakenText(take, TAKAHASHI)).toBe('住民票から世帯（2人）を反映しました。本人の欄に入力済みだった電話番号・個人番号・様式への回答は、住民票の本人に引き継ぎました。');
    // the other resident of the 世帯 picked: the same blank 本人 becomes トメ, and 正雄 gets nothing of it
    const tome = householdFromRegister(draft([blank]), '10000000009', TAKAHASHI)!.draft;
    expect(tome.persons.map((p) => [p.givenName, p.phone])).toEqual([['トメ', '09012345678'], ['正雄', '']]);
  });

  it('ふりがな and 性別 typed that agree with the register go with it (ひらがな for the register\'s カタカナ); where the register does not answer 健康保険・年金・認定, the clerk\'s answers stay', () => {
    const blank = person({ familyNameKana: 'たかはし', sex: '男', healthInsurance: '社保', pension: '厚生年金', careCertified: true, phone: '0552123456' });
    const take = householdFromRegister(draft([blank]), '10000000008', NO_STATUS)!;
    const honnin = take.draft.persons[0]!;
    expect([honnin.familyNameKana, honnin.givenNameKana, honnin.sex, honnin.healthInsurance, honnin.pension, honnin.careCertified, honnin.phone]).toEqual(['タカハシ', 'マサオ', '男', '社保', '厚生年金', true, '0552123456']);
    expect(take.carriedToHonnin).toEqual(['健康保険', '年金', '要介護・要支援の認定', '電話番号']);
    // the register answers them: its words win, and the clerk is not told of answers that were replaced
    const answered = householdFromRegister(draft([blank]), '10000000008', TAKAHASHI)!;
    const p = answered.draft.persons[0]!;
    expect([p.healthInsurance, p.pension, p.careCertified, p.phone]).toEqual(['後期高齢', '国民年金', true, '0552123456']);
    expect(answered.carriedToHonnin).toEqual(['電話番号']);
  });

  it('a 性別 or ふりがな the register says otherwise: someone else — nothing goes onto the picked resident, the typed person stays and the clerk is told', () => {
    for (const other of [person({ sex: '女', phone: '09012345678' }), person({ familyNameKana: 'やまだ', phone: '09012345678' })]) {
      const take = householdFromRegister(draft([other]), '10000000008', TAKAHASHI)!;
      const d = take.draft;
      expect(d.persons.map((p) => [p.relation, p.givenName, p.phone])).toEqual([['本人', '正雄', ''], ['配偶者', 'トメ', ''], ['その他', '', '09012345678']]);
      expect(take.carriedToHonnin).toEqual([]);
      expect(registerTakenText(take, TAKAHASHI)).toBe(`住民票から世帯（2人）を反映しました。氏名・生年月日のない1人（${other.sex ? '性別' : 'ふりがな'}・電話番号を入力済み）は、住民票の世帯と照合できないためそのまま残しています。`);
    }
  });

  it('a blank family member holding something typed stays (which of the 世帯 they are is unknown); one holding only what the app put there goes', () => {
    const honnin = person({ familyName: '高橋', givenName: '正雄', birthRaw: 'S19.3.15', healthInsurance: '後期高齢' });
    const typedChild = person({ relation: '子', healthInsurance: '後期高齢', nationality: 'ブラジル' });
    const untouchedChild = person({ relation: '子', healthInsurance: '後期高齢' });
    const take = householdFromRegister(draft([honnin, typedChild, untouchedChild]), '10000000008', TAKAHASHI)!;
    expect(take.draft.persons.map((p) => [p.relation, p.givenName, p.nationality])).toEqual([['本人', '正雄', ''], ['配偶者', 'トメ', ''], ['子', '', 'ブラジル']]);
    expect(take.unnamedKept).toEqual([['国籍・地域']]);
    expect(registerTakenText(take, TAKAHASHI)).toBe('住民票から世帯（2人）を反映しました。氏名・生年月日のない1人（国籍・地域を入力済み）は、住民票の世帯と照合できないためそのまま残しています。');
  });
});

describe('the event changed after the pick', () => {
  it('the register\'s 住所 moves to the previous address for a 転居, and back; an edited address stays', () => {
    const d = householdFromRegister(draft([person({})]), '10000000008', TAKAHASHI)!.draft;
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
