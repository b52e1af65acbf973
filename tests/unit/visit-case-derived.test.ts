import { describe, expect, it } from 'vitest';
import { caseProcedures, deriveCase, emptyCaseContent, type CaseContent } from '../../common/cases/visit-case';

/** Values a form takes from what the case already knows, as editable defaults (never locked, never guessed). */
const TODAY = '2026-11-27';

function okuyami(): CaseContent {
  const c = emptyCaseContent(TODAY);
  c.data = {
    event: '死亡',
    date: '2026-11-25',
    household: { address: '東京都千代田区千代田2-2' },
    persons: [
      { relation: '本人', familyName: '渡邉', givenName: '正雄', familyNameKana: 'わたなべ', givenNameKana: 'まさお', birthDate: '1944-11-17', sex: '男', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false },
      { relation: '配偶者', familyName: '渡邉', givenName: '和子', familyNameKana: 'わたなべ', givenNameKana: 'かずこ', birthDate: '1948-10-08', sex: '女', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false, phone: '0312345678' },
    ],
  };
  // choose every procedure the navigator offers, the 葬祭費 and 未支給年金 included
  for (const p of caseProcedures(c, TODAY).procedures) c.selection[p.key] = true;
  return c;
}

describe('benefit forms: the written account defaults to the applicant as holder', () => {
  it('葬祭費 and 未支給年金 offer the 申請者 / 請求者 (the surviving spouse) as 口座名義, and ask which account', () => {
    const forms = deriveCase(okuyami(), TODAY).forms;
    for (const id of ['kouki-sousaihi', 'nenkin-mishikyu']) {
      const f = forms.find((x) => x.formId === id)!;
      expect(f, id).toBeDefined();
      expect(f.values.accountHolderKana).toBe('ワタナベカズコ');
      expect(f.fromCase).not.toContain('accountHolderKana'); // a default the clerk may change
      expect(f.values.accountType).toBe('普通'); // a person's account, by default; the clerk may pick 当座
      expect(f.fromCase).not.toContain('accountType');
      expect(f.values.payeeAccount).toBeUndefined(); // consent to the 公金受取口座 is asked, not assumed
      expect(f.fieldErrors.payeeAccount).toBe('受取口座を選択してください。');
    }
  });
});
