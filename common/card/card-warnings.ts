import { formatWareki } from '../validation/wareki';

/**
 * What the clerk is warned of about a card, as typed codes: code decides (which banner, whether shown),
 * the Japanese text is only displayed. Nothing may decide by matching the text.
 */

/** Warnings of a read, made by the reader (services) and sent across the contract with their text. */
export const CARD_READ_WARNING_CODES = [
  /** the 有効期限 read is before today */
  'expired',
  /** the 生年月日 read is not before the 有効期限 read: one of them is misread */
  'dates-out-of-order',
  /** a national's card is valid until a birthday: 生年月日 and 有効期限 on different days are a misread */
  'expiry-not-on-birthday',
] as const;
export type CardReadWarningCode = (typeof CARD_READ_WARNING_CODES)[number];
export interface CardReadWarning {
  code: CardReadWarningCode;
  /** Japanese, for the clerk */
  message: string;
}

/** The read warnings' texts: the only place they are written. */
export const cardReadWarning = {
  expired: (untilIso: string): CardReadWarning => ({ code: 'expired', message: `有効期限が切れています（${untilIso}まで）。` }),
  datesOutOfOrder: (): CardReadWarning => ({ code: 'dates-out-of-order', message: '生年月日と有効期限の読み取りを確認してください。' }),
  expiryNotOnBirthday: (): CardReadWarning => ({ code: 'expiry-not-on-birthday', message: '生年月日と有効期限の月日が一致しません。カードを見て確認してください。' }),
} as const;

/**
 * The read warnings the check step shows as they came: the expired card has its own banner there (from
 * the 有効期限 as the clerk corrects it), so the reader's `expired` is not shown twice.
 */
export function readWarningsToShow(warnings: readonly CardReadWarning[]): CardReadWarning[] {
  return warnings.filter((w) => w.code !== 'expired');
}

/** Warnings of the clerk's check step, decided from what is on screen (common/card/card-checks). */
export const CARD_CHECK_WARNING_CODES = [
  /** the 有効期限 (as corrected) is before today: not an identity document */
  'card-expired',
  /** the same name and 生年月日 as another person already in the household */
  'read-twice',
  /** read into a person whose 生年月日 is already entered, and the card's differs */
  'birth-differs-from-person',
] as const;
export type CardCheckWarningCode = (typeof CARD_CHECK_WARNING_CODES)[number];

/** A piece of a warning's text: plain, or a name (shown in the kanji-variant font). */
export type WarningTextPart = string | { name: string };

export type CardCheckWarning =
  | { code: 'card-expired'; /** ISO, when the 有効期限 on screen is a date */ untilIso: string | null }
  | { code: 'read-twice'; no: number; name: string }
  | { code: 'birth-differs-from-person'; no: number };

/** How a check warning is shown: an error (the card cannot be used) or a warning to look. */
export const CHECK_WARNING_LEVEL: Record<CardCheckWarningCode, 'error' | 'warn'> = {
  'card-expired': 'error',
  'read-twice': 'warn',
  'birth-differs-from-person': 'warn',
};

/** The check warnings' texts: the only place they are written. */
export function checkWarningText(w: CardCheckWarning): WarningTextPart[] {
  switch (w.code) {
    case 'card-expired':
      return [`有効期限が切れたカードです${w.untilIso ? `（${formatWareki(w.untilIso)}まで有効）` : ''}。本人確認書類としては使えません。ほかの書類で確認してください。`];
    case 'read-twice':
      return [`このカードは ${w.no}人目（`, { name: w.name }, 'さん）として読み取り済みです。別の方のカードか確認してください。'];
    case 'birth-differs-from-person':
      return [`${w.no}人目に入力済みの生年月日と違うカードです。反映すると ${w.no}人目の内容が置き換わります。`];
  }
}

/** A warning's text as one string. */
export function plainText(parts: readonly WarningTextPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.name)).join('');
}
