import { describe, expect, it } from 'vitest';
import { sameAnswerElsewhere, type SharedAnswerForm } from '../../common/cases/shared-answers';
import { deriveCase } from '../../common/cases/visit-case';
import { okuyamiCase } from '../support/okuyami-case';

/** まとめて確認: an answer typed on one form also fills the same person's same item on the others. */
const TODAY = '2026-11-27';


describe('sameAnswerElsewhere', () => {
  const forms = deriveCase(okuyamiCase(TODAY, { careCertified: true }), TODAY).forms;
  const key = (formId: string) => forms.find((f) => f.formId === formId)!.key;

  it('the 届出人\'s 受取口座 and bank details on the 葬祭費 reach the 未支給年金 請求書 (the same person), and back', () => {
    for (const field of ['payeeAccount', 'bankName', 'branchName', 'accountType', 'accountNumber', 'accountHolderKana']) {
      expect(sameAnswerElsewhere(forms, key('kouki-sousaihi'), field), field).toEqual([{ formKey: key('nenkin-mishikyu'), fieldKey: field }]);
    }
    expect(sameAnswerElsewhere(forms, key('nenkin-mishikyu'), 'bankName')).toEqual([{ formKey: key('kouki-sousaihi'), fieldKey: 'bankName' }]);
  });

  it('an item of the deceased reaches only fields of the deceased: the 本籍 of the 死亡届 is not the 届出人\'s anything', () => {
    const died = forms.find((f) => f.formId === 'koseki-shibou')!;
    expect(died.owners.deathPlace).toBe(0);
    for (const t of sameAnswerElsewhere(forms, died.key, 'deathPlace')) expect(forms.find((f) => f.key === t.formKey)!.owners[t.fieldKey]).toBe(0);
  });

  it('never a field of another person with the same item, nor one filled from the case, nor a field of no one', () => {
    const a: SharedAnswerForm = { key: 'a', formId: 'kouki-sousaihi', owners: { bankName: 1, applicantPhone: 1 }, fromCase: [] };
    const other: SharedAnswerForm = { key: 'b', formId: 'nenkin-mishikyu', owners: { bankName: 2 }, fromCase: [] };
    const locked: SharedAnswerForm = { key: 'c', formId: 'nenkin-mishikyu', owners: { bankName: 1 }, fromCase: ['bankName'] };
    expect(sameAnswerElsewhere([a, other, locked], 'a', 'bankName')).toEqual([]);
    expect(sameAnswerElsewhere([a, other], 'a', 'funeralDate')).toEqual([]);
    expect(sameAnswerElsewhere([a, other], 'zz', 'bankName')).toEqual([]);
  });
});
