import { addDays } from '../../common/domain/age';

/**
 * A 転入 of a parent and a small child whose forms (住民異動届, 国民年金, 児童手当 …) all confirm with
 * the answers in `TENNYU_FILLS`: a visit case that can be submitted whole.
 */
export function tennyuHousehold(today: string) {
  return {
    event: '転入' as const,
    date: addDays(today, -2),
    household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区1-1' },
    persons: [
      { familyName: '塚田', givenName: '一郎', familyNameKana: 'つかだ', givenNameKana: 'いちろう', birthDate: '1985-04-01', sex: '男' as const, relation: '本人' as const, healthInsurance: '国保' as const, pension: '国民年金' as const, careCertified: false, phone: '0312345678' },
      { familyName: '塚田', givenName: '花子', familyNameKana: 'つかだ', givenNameKana: 'はなこ', birthDate: '2021-05-05', sex: '女' as const, relation: '子' as const, healthInsurance: '国保' as const, pension: 'なし' as const, careCertified: false },
    ],
  };
}

/** form id → what the clerk types so that the form confirms */
export const TENNYU_FILLS: Record<string, Record<string, string>> = {
  'jumin-ido-tennyu': { moveOutProof: '転出証明書' },
  'kokumin-nenkin-hihokensha': { idType: '基礎年金番号', basicPensionNumber: '1234567890' },
  'jidou-teate-nintei': {
    bankName: 'ちよだ銀行', 'children.0.livingTogether': '別居', payeeAccount: '口座を記入する', branchName: '本店', accountType: '普通', accountNumber: '1234567', accountHolderKana: 'ツカダイチロウ',
  },
};
