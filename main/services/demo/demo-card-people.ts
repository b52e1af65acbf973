import type { RegisterPerson } from '../../backend-sim/sim-register-file';

/**
 * Who has a card in 研修モード: the scenarios' people from the synthetic register, and the family of the
 * 転入 scenario (not in the register yet: their card still shows the old address). One roster for both kinds
 * of 見本: the card images made at build time (scripts/make-demo-cards.ts) and the virtual IC chip cards put
 * on the virtual reader at run time (demo-chip-cards.ts), so a trainee meets the same people either way.
 */
export interface DemoCardPerson {
  /** the 住民票コード for a registered resident, `tennyu-N` for the 転入 family */
  id: string;
  label: string;
  family: string;
  given: string;
  familyKana?: string;
  givenKana?: string;
  sex: '男' | '女';
  /** YYYY-MM-DD */
  birth: string;
  address: string;
  /** YYYY-MM-DD: the card's 有効期限 */
  expiry: string;
}

const FROM_REGISTER = ['10000000008', '10000000009', '10000000010', '10000000014', '10000000020', '10000000001', '10000000005', '10000000021', '10000000022', '10000000023', '10000000024', '10000000026', '10000000028'];
/** 山﨑 和子's card has expired: the scenario 「有効期限切れのカード」 */
const EXPIRED = new Set(['10000000010']);
const TENNYU_FAMILY = [
  { family: '𠮷田', given: '大輔', kana: ['ヨシダ', 'ダイスケ'], sex: '男', birth: '1988-07-21' },
  { family: '𠮷田', given: '彩', kana: ['ヨシダ', 'アヤ'], sex: '女', birth: '1990-03-03' },
  { family: '𠮷田', given: '蓮', kana: ['ヨシダ', 'レン'], sex: '男', birth: '2017-05-05' },
  { family: '𠮷田', given: '凛', kana: ['ヨシダ', 'リン'], sex: '女', birth: '2023-01-15' },
] as const;
const TENNYU_OLD_ADDRESS = '東京都千代田区霞が関一丁目1番1号 見本ハイツ303';

/** 有効期限: the birthday after the 10th (adults) or 5th (under 18) year from an issue two years ago — plausible, synthetic */
function expiry(birth: string, expired: boolean, thisYear: number): string {
  const issued = thisYear - 2;
  const age = issued - Number(birth.slice(0, 4));
  const year = expired ? thisYear - 1 : issued + (age < 18 ? 5 : 10);
  return `${year}${birth.slice(4)}`;
}

/** @throws when the register lacks one of the roster's residents (the seeded data and this list drifted apart) */
export function demoCardPeople(register: readonly RegisterPerson[], thisYear = new Date().getFullYear()): DemoCardPerson[] {
  return [
    ...FROM_REGISTER.map((code): DemoCardPerson => {
      const r = register.find((p) => p['住民票コード'] === code);
      if (!r) throw new Error(`見本カード: 住民票コード ${code} が見本の住民票にありません`);
      const [family, given] = r['氏名'].split(' ') as [string, string];
      const [familyKana, givenKana] = r['氏名_フリガナ'].split(' ');
      return {
        id: code,
        label: `${r['氏名']}（${EXPIRED.has(code) ? '有効期限切れ' : r['続柄']}）`,
        family,
        given,
        ...(familyKana ? { familyKana } : {}),
        ...(givenKana ? { givenKana } : {}),
        sex: r['性別'] === '1' ? '男' : '女',
        birth: r['生年月日'],
        address: r['住所'],
        expiry: expiry(r['生年月日'], EXPIRED.has(code), thisYear),
      };
    }),
    ...TENNYU_FAMILY.map((p, i): DemoCardPerson => ({
      id: `tennyu-${i + 1}`,
      label: `${p.family} ${p.given}（転入・住基にまだいません）`,
      family: p.family,
      given: p.given,
      familyKana: p.kana[0],
      givenKana: p.kana[1],
      sex: p.sex,
      birth: p.birth,
      address: TENNYU_OLD_ADDRESS,
      expiry: expiry(p.birth, false, thisYear),
    })),
  ];
}
