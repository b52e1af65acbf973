import { describe, expect, it } from 'vitest';
import { FORMS, findForm } from '../../common/forms/registry';
import { validateForm } from '../../common/forms/validate-form';
import { prefillForm } from '../../common/forms/prefill';
import { buildPayload } from '../../common/forms/payload';
import { upgradeStoredValues } from '../../common/forms/stored-values';
import { PAYEE_PUBLIC, PAYEE_WRITTEN } from '../../common/forms/fragments';
import { formSheetHtml } from '../../common/print/print-html';
import type { VisitCaseData } from '../../common/domain/household';
import { checkStoredPayload, intakePayload } from '../../main/services/sync/payload-checks';

/**
 * 受取口座: a benefit is paid into the 公金受取口座 registered at マイナポータル (with the resident's
 * consent) or into an account written on the form; only the latter asks for bank details.
 */
const TODAY = '2026-11-24';
const BANK = ['bankName', 'branchName', 'accountType', 'accountNumber', 'accountHolderKana'];
const written = { bankName: 'ちよだ銀行', branchName: '本店', accountType: '普通', accountNumber: '1234567', accountHolderKana: 'タカハシイチロウ' };

const family: VisitCaseData = {
  event: '転入',
  date: '2026-11-20',
  household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区中之島一丁目3番20号' },
  persons: [
    { familyName: '髙橋', givenName: '一郎', familyNameKana: 'たかはし', givenNameKana: 'いちろう', birthDate: '1985-10-15', sex: '男', relation: '本人', healthInsurance: '社保', pension: '厚生年金', careCertified: false, phone: '09012345678' },
    { familyName: '髙橋', givenName: '陽翔', familyNameKana: 'たかはし', givenNameKana: 'はると', birthDate: '2023-09-25', sex: '男', relation: '子', healthInsurance: '社保', pension: 'なし', careCertified: false },
  ],
};

function jidouRaw(extra: Record<string, string>): Record<string, string> {
  const form = findForm('jidou-teate-nintei')!;
  return { ...prefillForm(form, family, [1]), pension: '厚生年金', 'children.0.livingTogether': '同居', ...extra };
}

describe('受取口座: 公金受取口座 or a written account', () => {
  it('every form with bank fields asks which account first, and shows the bank fields only for a written one', () => {
    const withBank = FORMS.filter((f) => f.fields.some((x) => x.id === 'bankName'));
    expect(withBank.map((f) => f.id).sort()).toEqual(['jidou-teate-nintei', 'kokuho-sousaihi', 'kouki-sousaihi', 'nenkin-mishikyu']);
    for (const f of withBank) {
      const payee = f.fields.find((x) => x.id === 'payeeAccount')!;
      expect(payee, f.id).toMatchObject({ kind: 'select', required: true, item: '受取口座' });
      expect(payee.options!.map((o) => o.label)).toEqual(['公金受取口座を利用する（マイナポータルに登録済みの口座）', '口座を記入する']);
      for (const id of BANK) expect(f.fields.find((x) => x.id === id)!.when, `${f.id}.${id}`).toEqual({ field: 'payeeAccount', equals: PAYEE_WRITTEN });
    }
  });

  it('with 公金受取口座 the 児童手当 認定請求書 needs no bank details and the payload says so', () => {
    const form = findForm('jidou-teate-nintei')!;
    const v = validateForm(form, jidouRaw({ payeeAccount: PAYEE_PUBLIC }), TODAY);
    expect(v.fieldErrors).toEqual({});
    const p = buildPayload(form, v.values);
    expect(p.items['受取口座']).toBe('公金受取口座');
    for (const item of ['金融機関名', '支店名', '預金種目', '口座番号', '口座名義_カナ']) expect(p.items).not.toHaveProperty(item);
  });

  it('a bank account typed earlier is not sent once 公金受取口座 is chosen', () => {
    const form = findForm('jidou-teate-nintei')!;
    const v = validateForm(form, jidouRaw({ payeeAccount: PAYEE_PUBLIC, ...written }), TODAY);
    expect(v.ok).toBe(true);
    expect(buildPayload(form, v.values).items).not.toHaveProperty('口座番号');
  });

  it('with a written account every bank field is required, as before', () => {
    const form = findForm('jidou-teate-nintei')!;
    const missing = validateForm(form, jidouRaw({ payeeAccount: PAYEE_WRITTEN }), TODAY);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual([...BANK].sort());
    expect(missing.fieldErrors.bankName).toBe('金融機関名を入力してください。');
    const ok = validateForm(form, jidouRaw({ payeeAccount: PAYEE_WRITTEN, ...written, accountHolderKana: 'ﾀｶﾊｼｲﾁﾛｳ' }), TODAY);
    expect(ok.fieldErrors).toEqual({});
    expect(buildPayload(form, ok.values).items).toMatchObject({ 受取口座: '口座を記入する', 金融機関名: 'ちよだ銀行', 口座番号: '1234567', 口座名義_カナ: 'タカハシイチロウ' });
  });

  it('the choice itself is required: nothing is assumed about consent', () => {
    const form = findForm('kouki-sousaihi')!;
    const v = validateForm(form, {}, TODAY);
    expect(v.fieldErrors.payeeAccount).toBe('受取口座を選択してください。');
    expect(v.fieldErrors).not.toHaveProperty('bankName');
  });

  it('prints the choice, and the bank cells only for a written account', () => {
    const form = findForm('kokuho-sousaihi')!;
    const o = { fontUrl: 'font.ttf', sample: false, today: TODAY };
    const pub = formSheetHtml(form, { payeeAccount: PAYEE_PUBLIC }, o, 'x');
    expect(pub).toContain('公金受取口座を利用する（マイナポータルに登録済みの口座）');
    expect(pub).not.toContain('金融機関名');
    const wr = formSheetHtml(form, { payeeAccount: PAYEE_WRITTEN, ...written }, o, 'x');
    expect(wr).toContain('口座を記入する');
    expect(wr).toContain('金融機関名');
    expect(wr).toContain('ちよだ銀行');
  });

  it('an application stored before 受取口座 existed is still read as a written account', () => {
    const form = findForm('kokuho-sousaihi')!;
    expect(upgradeStoredValues(form, { ...written })).toEqual({ ...written, payeeAccount: PAYEE_WRITTEN });
    expect(upgradeStoredValues(form, { payeeAccount: PAYEE_PUBLIC })).toEqual({ payeeAccount: PAYEE_PUBLIC });
    const other = findForm('jumin-ido-tennyu')!;
    expect(upgradeStoredValues(other, { bankName: 'x' })).toEqual({ bankName: 'x' });
  });

  it('a 葬祭費 queued before the upgrade still passes the pre-send check and reaches the back end as a written account', () => {
    const v1 = {
      deceasedFamilyName: '渡邉', deceasedGivenName: '正雄', deceasedFamilyNameKana: 'わたなべ', deceasedGivenNameKana: 'まさお', deceasedBirthDate: '1944-11-17',
      deathDate: '2026-11-20', funeralDate: '2026-11-22', applicantFamilyName: '渡邉', applicantGivenName: '和子', applicantFamilyNameKana: 'わたなべ', applicantGivenNameKana: 'かずこ',
      applicantPhone: '0312345678', ...written, accountHolderKana: 'ワタナベカズコ',
    };
    expect(checkStoredPayload('kokuho-sousaihi', v1)).toBeNull();
    const sent = intakePayload('kokuho-sousaihi', v1) as { items: Record<string, string> };
    expect(sent.items).toMatchObject({ 受取口座: '口座を記入する', 金融機関名: 'ちよだ銀行', 口座番号: '1234567' });
  });
});
