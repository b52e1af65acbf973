import { describe, expect, it } from 'vitest';
import {
  CARD_CHECK_WARNING_CODES,
  CARD_READ_WARNING_CODES,
  CHECK_WARNING_LEVEL,
  cardReadWarning,
  checkWarningText,
  plainText,
  readWarningsToShow,
  type CardCheckWarning,
} from '../../common/card/card-warnings';
import { CardFrontView } from '../../common/contract/card-operations';

describe('card warnings: typed codes, Japanese text for display only', () => {
  it('writes each read warning\'s text for the clerk exactly as before', () => {
    expect(cardReadWarning.expired('2024-04-01')).toEqual({ code: 'expired', message: '有効期限が切れています（2024-04-01まで）。' });
    expect(cardReadWarning.datesOutOfOrder()).toEqual({ code: 'dates-out-of-order', message: '生年月日と有効期限の読み取りを確認してください。' });
    expect(cardReadWarning.expiryNotOnBirthday()).toEqual({ code: 'expiry-not-on-birthday', message: '生年月日と有効期限の月日が一致しません。カードを見て確認してください。' });
    // every code has its text, and every text builder gives a known code
    const made = [cardReadWarning.expired('2024-04-01'), cardReadWarning.datesOutOfOrder(), cardReadWarning.expiryNotOnBirthday()].map((w) => w.code);
    expect([...made].sort()).toEqual([...CARD_READ_WARNING_CODES].sort());
  });

  it('decides which read warnings the check step shows by code, never by their text', () => {
    // the texts swapped between codes: a decision by text would keep the wrong one
    const expiredWordedOtherwise = { code: 'expired' as const, message: '生年月日と有効期限の月日が一致しません。' };
    const otherMentioningExpiry = { code: 'expiry-not-on-birthday' as const, message: '有効期限が切れています（2024-04-01まで）。' };
    expect(readWarningsToShow([expiredWordedOtherwise, otherMentioningExpiry])).toEqual([otherMentioningExpiry]);
    expect(readWarningsToShow([cardReadWarning.expired('2024-04-01'), cardReadWarning.datesOutOfOrder()]).map((w) => w.code)).toEqual(['dates-out-of-order']);
  });

  it('writes each check warning\'s text exactly as the dialog showed it, the name apart for its font', () => {
    const texts: Record<(typeof CARD_CHECK_WARNING_CODES)[number], { w: CardCheckWarning; text: string }> = {
      'card-expired': { w: { code: 'card-expired', untilIso: '2024-04-01' }, text: '有効期限が切れたカードです（令和6年4月1日まで有効）。本人確認書類としては使えません。ほかの書類で確認してください。' },
      'read-twice': { w: { code: 'read-twice', no: 2, name: '髙橋陽翔' }, text: 'このカードは 2人目（髙橋陽翔さん）として読み取り済みです。別の方のカードか確認してください。' },
      'birth-differs-from-person': { w: { code: 'birth-differs-from-person', no: 2 }, text: '2人目に入力済みの生年月日と違うカードです。反映すると 2人目の内容が置き換わります。' },
    };
    for (const code of CARD_CHECK_WARNING_CODES) expect(plainText(checkWarningText(texts[code].w))).toBe(texts[code].text);
    expect(plainText(checkWarningText({ code: 'card-expired', untilIso: null }))).toBe('有効期限が切れたカードです。本人確認書類としては使えません。ほかの書類で確認してください。');
    expect(checkWarningText(texts['read-twice'].w)).toContainEqual({ name: '髙橋陽翔' });
    expect(CHECK_WARNING_LEVEL).toEqual({ 'card-expired': 'error', 'read-twice': 'warn', 'birth-differs-from-person': 'warn' });
  });

  it('sends read warnings across the contract as a known code with its text, not as bare text', () => {
    const warnings = CardFrontView.shape.warnings;
    expect(warnings.safeParse([cardReadWarning.datesOutOfOrder()]).success).toBe(true);
    expect(warnings.safeParse(['生年月日と有効期限の読み取りを確認してください。']).success).toBe(false);
    expect(warnings.safeParse([{ code: 'something-else', message: '…' }]).success).toBe(false);
  });
});
