import type { RegisterRecord } from './register-fill';

/**
 * A card's front (as the clerk confirmed it: OCR today, the IC chip later) compared with what the
 * 住民基本台帳 holds for the same person. Every difference is shown to the clerk.
 *
 * Names are compared by exact code points: a variant kanji or an IVS selector that differs is a
 * different name in 行政事務標準文字 (the card must show the registered glyph). Only the space between
 * 氏 and 名 is ignored (the card prints them in separate places). Addresses are written with more
 * freedom (全角/半角 digits and hyphens, spaces before a 方書), so width and spaces are folded there, and
 * nothing else: no NFKC, which would also merge compatibility ideographs.
 */
export interface CardFront {
  familyName: string;
  givenName: string;
  /** ISO date, '' when not read */
  birthDate: string;
  sex: '男' | '女' | '';
  /** '' when not read */
  address: string;
}

export type CardDiffItem = '氏名' | '住所' | '生年月日' | '性別';

export interface CardDifference {
  item: CardDiffItem;
  card: string;
  register: string;
  /** what the clerk should do, in Japanese */
  advice: string;
}

const SPACES = /[ \u3000\t]/gu;

/** 全角 ASCII (！–～) to half width, and every space dropped: the only folding an address gets. */
export function foldAddress(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u2010-\u2015\u2212\u30FC](?=\d)|(?<=\d)[\u2010-\u2015\u2212\u30FC]/gu, '-').replace(SPACES, '');
}

const KENMEN = '券面記載事項変更が必要です';

export function compareCardWithRegister(card: CardFront, reg: Pick<RegisterRecord, 'name' | 'birthDate' | 'sex' | 'address'>): CardDifference[] {
  const out: CardDifference[] = [];
  const cardName = `${card.familyName}${card.givenName}`;
  if (cardName.replace(SPACES, '') !== reg.name.replace(SPACES, '')) {
    out.push({ item: '氏名', card: `${card.familyName}　${card.givenName}`.trim(), register: reg.name, advice: `${KENMEN}（氏名）。字形の違いは読み取りの誤りでないかカードで確かめてください。` });
  }
  if (card.address !== '' && foldAddress(card.address) !== foldAddress(reg.address)) {
    out.push({ item: '住所', card: card.address, register: reg.address, advice: `${KENMEN}（住所の追記）。` });
  }
  if (card.birthDate !== '' && card.birthDate !== reg.birthDate) {
    out.push({ item: '生年月日', card: card.birthDate, register: reg.birthDate, advice: '生年月日は券面記載事項変更では直せません。読み取りの誤りでなければ、住民記録の担当に確認してください。' });
  }
  if (card.sex !== '' && card.sex !== reg.sex) {
    out.push({ item: '性別', card: card.sex, register: reg.sex, advice: '性別が住民票と違います。読み取りの誤りでなければ、住民記録の担当に確認してください。' });
  }
  return out;
}

/** The differences a 券面記載事項変更届 settles (氏名, 住所). */
export function cardNeedsUpdate(diffs: readonly CardDifference[]): boolean {
  return diffs.some((d) => d.item === '氏名' || d.item === '住所');
}
