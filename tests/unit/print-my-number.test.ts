import { describe, expect, it } from 'vitest';
import { findForm } from '../../common/forms/registry';
import { formSheetHtml } from '../../common/print/print-html';
import { deriveCase, emptyCaseContent, recordCardMyNumber, type CaseContent } from '../../common/cases/visit-case';

/**
 * The printed 個人番号 (issue 10, defect 1): always masked; marked 確認済み only where the case records
 * that this very number was read from its person's card — never because it looks like a valid number.
 */
const o = { fontUrl: 'data:,', sample: false, today: '2026-12-03' };
const TODAY = '2026-12-03';

function oneAdult(myNumber: string): CaseContent {
  const c = emptyCaseContent(TODAY);
  c.data = {
    event: '転入',
    date: '2026-12-01',
    household: { address: '東京都千代田区千代田1-1' },
    persons: [{ relation: '本人', familyName: '藤井', givenName: '恵', familyNameKana: 'ふじい', givenNameKana: 'めぐみ', birthDate: '1990-05-05', sex: '女', healthInsurance: '国保', pension: 'なし', careCertified: false, myNumber }],
  };
  return c;
}

const sheet = (c: CaseContent, formId: string) => {
  const f = deriveCase(c, TODAY).forms.find((x) => x.formId === formId)!;
  return formSheetHtml(findForm(formId)!, f.values, o, 'x', new Set(f.verifiedMyNumbers));
};

describe('printed 個人番号', () => {
  it('a typed number prints masked, without 確認済み (top-level field and group row)', () => {
    const form = findForm('kokumin-nenkin-hihokensha')!;
    const bare = formSheetHtml(form, { idType: '個人番号', myNumber: '123456789018' }, o, 'x');
    expect(bare).toContain('＊＊＊＊＊＊＊＊9018');
    expect(bare).not.toContain('確認済み');
    const c = oneAdult('123456789018');
    for (const id of ['kokumin-nenkin-hihokensha', 'kokuho-shikaku-shutoku']) {
      const html = sheet(c, id);
      expect(html, id).toContain('＊＊＊＊＊＊＊＊9018');
      expect(html, id).not.toContain('123456789018');
      expect(html, id).not.toContain('確認済み');
    }
  });

  it('a number read from the person’s card prints as checked, in a top-level field and in a group row', () => {
    const c = recordCardMyNumber(oneAdult(''), 0, '537686677188', 'card-qr')!;
    for (const id of ['kokumin-nenkin-hihokensha', 'kokuho-shikaku-shutoku']) {
      expect(sheet(c, id), id).toContain('＊＊＊＊＊＊＊＊7188<span class="sub">（カードで確認済み）</span>');
    }
  });
});
