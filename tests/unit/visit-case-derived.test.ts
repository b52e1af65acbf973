import { describe, expect, it } from 'vitest';
import { deriveCase } from '../../common/cases/visit-case';
import { okuyamiCase } from '../support/okuyami-case';

/** Values a form takes from what the case already knows, as editable defaults (never locked, never guessed). */
const TODAY = '2026-11-27';


describe('benefit forms: the written account defaults to the applicant as holder', () => {
  it('葬祭費 and 未支給年金 offer the 申請者 / 請求者 (the surviving spouse) as 口座名義, and ask which account', () => {
    const forms = deriveCase(okuyamiCase(TODAY), TODAY).forms;
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
