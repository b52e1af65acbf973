import { describe, expect, it } from 'vitest';
import { FORMS, findForm } from '../../common/forms/registry';
import { checkField } from '../../common/forms/check-field';
import type { FieldDef, FormDefinition } from '../../common/forms/form-definition';
import { validateForm } from '../../common/forms/validate-form';
import { prefillForm } from '../../common/forms/prefill';
import { buildPayload } from '../../common/forms/payload';
import { isKnownFieldKey } from '../../common/forms/form-keys';
import type { VisitCaseData } from '../../common/domain/household';

const TODAY = '2026-11-24';
const tennyu = findForm('jumin-ido-tennyu')!;

/** The family of four moving in; names with a variant kanji (髙) and an IVS to prove nothing is normalized. */
const family: VisitCaseData = {
  event: '転入',
  date: '2026-11-20',
  household: { postalCode: '１００－００１３', address: '東京都千代田区霞が関1-1-1', previousPostalCode: '060-0001', previousAddress: '北海道札幌市中央区北1条西2丁目' },
  persons: [
    { familyName: '髙橋', givenName: '一郎', familyNameKana: 'ﾀｶﾊｼ', givenNameKana: 'いちろう', birthDate: '1986-05-10', sex: '男', relation: '本人', healthInsurance: '社保', pension: '厚生年金', careCertified: false, phone: '090-1234-5678', myNumber: '123456789018' },
    { familyName: '髙橋', givenName: '\u845B\u{E0100}子', familyNameKana: 'たかはし', givenNameKana: 'くずこ', birthDate: '1987-08-15', sex: '女', relation: '配偶者', healthInsurance: '社保', pension: '厚生年金', careCertified: false },
    { familyName: '髙橋', givenName: '翔', familyNameKana: 'たかはし', givenNameKana: 'しょう', birthDate: '2019-06-01', sex: '男', relation: '子', healthInsurance: '社保', pension: 'なし', careCertified: false },
    { familyName: '髙橋', givenName: '結', familyNameKana: 'たかはし', givenNameKana: 'ゆい', birthDate: '2023-03-10', sex: '女', relation: '子', healthInsurance: '社保', pension: 'なし', careCertified: false },
  ],
};

describe('enter once, fill every form', () => {
  it('fills the 住民異動届（転入） for all four from the case; the clerk only picks two options', () => {
    const raw = prefillForm(tennyu, family);
    expect(raw['persons.3.givenName']).toBe('結');
    expect(raw.headFamilyName).toBe('髙橋');
    const v = validateForm(tennyu, { ...raw, origin: '国内', moveOutProof: '転出証明書' }, TODAY);
    expect(v.fieldErrors).toEqual({});
    expect(v.ok).toBe(true);
    expect(v.values.postalCode).toBe('1000013');
    expect(v.values.applicantFamilyNameKana).toBe('タカハシ');
    expect(v.values['persons.1.givenName']).toBe('\u845B\u{E0100}子');
    expect(v.values['persons.2.birthDate']).toBe('2019-06-01');
  });

  it('the same person data fills other forms: 児童手当 with only the children the navigator chose', () => {
    const form = findForm('jidou-teate-nintei')!;
    const raw = prefillForm(form, family, [2, 3]);
    expect(raw.applicantFamilyName).toBe('髙橋');
    expect(raw.applicantMyNumber).toBe('123456789018');
    expect(raw['children.0.givenName']).toBe('翔');
    expect(raw['children.1.givenName']).toBe('結');
    expect(raw['children.2.givenName']).toBeUndefined();
  });

  it('editing a person and filling again updates the form', () => {
    const edited: VisitCaseData = { ...family, persons: family.persons.map((p, i) => (i === 3 ? { ...p, givenName: '結衣' } : p)) };
    expect(prefillForm(tennyu, edited)['persons.3.givenName']).toBe('結衣');
  });

  it('おくやみ forms take the deceased as subject and a surviving relative as 届出人', () => {
    const okuyami: VisitCaseData = {
      event: '死亡', date: '2026-11-18', household: { address: '東京都千代田区1-1' },
      persons: [
        { familyName: '山田', givenName: '太郎', birthDate: '1948-03-03', relation: '本人', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false },
        { familyName: '山田', givenName: '花子', birthDate: '1951-06-06', relation: '配偶者', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false, phone: '03-1234-5678' },
      ],
    };
    const raw = prefillForm(findForm('kouki-sousaihi')!, okuyami);
    expect(raw).toMatchObject({ deceasedGivenName: '太郎', deceasedBirthDate: '1948-03-03', deathDate: '2026-11-18', applicantGivenName: '花子', applicantPhone: '03-1234-5678' });
  });
});

describe('groups, conditions and payload', () => {
  const base = () => ({ ...prefillForm(tennyu, family), origin: '国内', moveOutProof: '転出証明書' });

  it('a conditional field is ignored while its condition does not hold, required once it does', () => {
    const abroad = { ...base(), origin: '国外' };
    delete (abroad as Record<string, string>).moveOutProof;
    expect(validateForm(tennyu, abroad, TODAY).ok).toBe(true);
    expect(validateForm(tennyu, { ...base(), moveOutProof: '' }, TODAY).fieldErrors.moveOutProof).toBe('転出の確認を選択してください。');

    const foreign = { ...base(), 'persons.1.nationality': 'ベトナム' };
    const v = validateForm(tennyu, foreign, TODAY);
    expect(v.fieldErrors['persons.1.residenceStatus']).toBe('在留資格を入力してください。');
    expect(v.fieldErrors['persons.1.residencePeriodEnd']).toBe('在留期間の満了日を入力してください。');
    expect(v.fieldErrors['persons.0.residenceStatus']).toBeUndefined();
  });

  it('checks each member, and a member rule against a shared field marks the member', () => {
    const v = validateForm(tennyu, { ...base(), 'persons.2.birthDate': '2026-11-21', 'persons.3.sex': '不明', 'persons.0.birthDate': '平成32年1月1日' }, TODAY);
    expect(v.fieldErrors['persons.2.birthDate']).toBe('異動日が生年月日より前になっています。');
    expect(v.fieldErrors.moveDate).toBeUndefined();
    expect(v.fieldErrors['persons.3.sex']).toBe('性別は選択肢から選んでください。');
    expect(v.fieldErrors['persons.0.birthDate']).toContain('存在しません');
  });

  it('enforces the group size', () => {
    const none = Object.fromEntries(Object.entries(base()).filter(([k]) => !k.startsWith('persons.')));
    expect(validateForm(tennyu, none, TODAY).fieldErrors.persons).toBe('異動する人を1人以上入力してください。');
    expect(validateForm(tennyu, { ...base(), 'persons.10.familyName': 'x' }, TODAY).fieldErrors.persons).toBe('異動する人は10人までです。');
  });

  it('warns (but accepts) a 転入 after 14 days', () => {
    const v = validateForm(tennyu, { ...base(), moveDate: '2026-11-01' }, TODAY);
    expect(v.ok).toBe(true);
    expect(v.warnings.moveDate).toContain('14日を過ぎています');
  });

  it('builds the back-end payload with standard item names and member lists, names untouched', () => {
    const v = validateForm(tennyu, base(), TODAY);
    const p = buildPayload(tennyu, v.values);
    expect(p).toMatchObject({ formId: 'jumin-ido-tennyu', formVersion: 1, gyomu: '住民基本台帳', kind: 'jumin-ido' });
    expect(p.items).toMatchObject({ 新住所_郵便番号: '1000013', 転入した日: '2026-11-20', 世帯主_氏: '髙橋', 転入元区分: '国内' });
    expect(p.groups.persons).toHaveLength(4);
    expect(p.groups.persons![1]).toMatchObject({ 氏: '髙橋', 名: '\u845B\u{E0100}子', 生年月日: '1987-08-15', 性別: '女', 続柄: '配偶者' });
    expect(p.groups.persons![0]).not.toHaveProperty('国籍・地域');
  });

  it('knows which keys belong to a form (for refusing others at the service boundary)', () => {
    expect(isKnownFieldKey(tennyu, 'moveDate')).toBe(true);
    expect(isKnownFieldKey(tennyu, 'persons.3.birthDate')).toBe(true);
    expect(isKnownFieldKey(tennyu, 'persons.10.birthDate')).toBe(false);
    expect(isKnownFieldKey(tennyu, 'persons.0.shoeSize')).toBe(false);
    expect(isKnownFieldKey(tennyu, '__proto__')).toBe(false);
  });

  it('a huge paste in any field is refused cleanly without slowing validation', () => {
    const t = performance.now();
    const v = validateForm(tennyu, { ...base(), 'persons.0.familyName': '髙'.repeat(3_000_000), address: 'x'.repeat(3_000_000) }, TODAY);
    expect(performance.now() - t).toBeLessThan(200);
    expect(v.fieldErrors['persons.0.familyName']).toContain('入力が長すぎます');
    expect(v.fieldErrors.address).toContain('入力が長すぎます');
  });

  it('validates the four-person 転入 form (65 fields) well within a 16 ms frame', () => {
    const raw = base();
    const t = performance.now();
    for (let i = 0; i < 100; i++) validateForm(tennyu, raw, TODAY);
    expect((performance.now() - t) / 100).toBeLessThan(16);
  });
});

const allFields = (f: FormDefinition): FieldDef[] => [...f.fields, ...(f.groups ?? []).flatMap((g) => g.fields)];

describe('messages a clerk reads when a required field is empty', () => {
  it('a choice says 選択, and a yes/no question reads as a question', () => {
    const kaigo = findForm('kaigo-shikaku-ido')!;
    const v = validateForm(kaigo, { notification: '資格取得（転入）', certifiedBefore: '' }, TODAY);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.fieldErrors.certifiedBefore).toBe('前住所地で要介護・要支援の認定を受けていたかを選択してください。');
    expect(v.fieldErrors.notification).toBeUndefined();
  });

  it('every required choice of every form reads 「…を選択してください。」 and never 「…たを」', () => {
    for (const form of FORMS) {
      for (const f of allFields(form)) {
        if (f.kind !== 'select' || !f.required) continue;
        const msg = checkField(f, '').error!;
        expect(msg, `${form.id}.${f.id}`).toBe(`${f.label}を選択してください。`);
        expect(msg, `${form.id}.${f.id}`).not.toMatch(/たを|るを|からを/);
      }
    }
  });
});
