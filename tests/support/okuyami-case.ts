import { caseProcedures, emptyCaseContent, type CaseContent } from '../../common/cases/visit-case';

/**
 * The unit tests' おくやみ case: 渡邉 正雄 (後期高齢, 国民年金) died two days before `today`; his wife 和子
 * (with a phone) reports it. Every procedure the navigator offers is chosen, the 葬祭費 and the 未支給年金
 * included. `careCertified`: he was 要介護 (the 介護保険 資格喪失 is offered too).
 */
export function okuyamiCase(today: string, opts: { careCertified?: boolean } = {}): CaseContent {
  const c = emptyCaseContent(today);
  const died = new Date(`${today}T00:00:00Z`);
  died.setUTCDate(died.getUTCDate() - 2);
  c.data = {
    event: '死亡',
    date: died.toISOString().slice(0, 10),
    household: { address: '東京都千代田区千代田2-2' },
    persons: [
      { relation: '本人', familyName: '渡邉', givenName: '正雄', familyNameKana: 'わたなべ', givenNameKana: 'まさお', birthDate: '1944-11-17', sex: '男', healthInsurance: '後期高齢', pension: '国民年金', careCertified: opts.careCertified ?? false },
      { relation: '配偶者', familyName: '渡邉', givenName: '和子', familyNameKana: 'わたなべ', givenNameKana: 'かずこ', birthDate: '1948-10-08', sex: '女', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false, phone: '0312345678' },
    ],
  };
  for (const p of caseProcedures(c, today).procedures) c.selection[p.key] = true;
  return c;
}
