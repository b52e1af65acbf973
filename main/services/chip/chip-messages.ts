import type { ChipFailure, ChipMethod } from '../../../common/contract/chip-operations';
import type { ChipError } from './chip-error';

/**
 * What the clerk (and the resident page) is told for each way a chip read can end, in Japanese. Every
 * message says what happened to the data (nothing was taken over) and what to do next; none carries a
 * resident's data.
 */
const AGAIN = 'カードを置き直してもう一度お試しください。';
const NOTHING = '読み取った内容は何も反映していません。';
export const BLOCKED_HINT = '市区町村の窓口でロック解除（初期化）が必要です。';

export function chipMessage(code: ChipFailure, o: { triesLeft?: number | null; method?: ChipMethod; detail?: string } = {}): string {
  const key = o.method === 'verify-b' ? '照合番号B' : '暗証番号';
  switch (code) {
    case 'pcsc-unavailable':
      return 'ICカードリーダーを使えません（PC/SC サービスが動いていません）。券面の撮影で読み取ってください。続く場合は情報システム担当へ連絡してください。';
    case 'no-reader':
      return 'ICカードリーダーが見つかりません。リーダーをつなぐか、券面の撮影で読み取ってください。';
    case 'no-card':
      return 'カードリーダーにカードが置かれていません。カードを置いてからもう一度お試しください。';
    case 'not-mynumber':
      return 'このカードからは券面事項を読み取れません（マイナンバーカードではないか、対応していない種類のカードです）。カードを確かめてください。';
    case 'blocked':
      return `${key}がロックされています。${BLOCKED_HINT}`;
    case 'tries-low':
      return `${key}の残り回数が${o.triesLeft ?? 1}回のため、自動では照合しません（最後の1回は使いません）。住民の方に暗証番号を入力していただくか、券面の撮影で読み取ってください。`;
    case 'wrong-pin':
      return `暗証番号が違います。残り${o.triesLeft ?? '?'}回です（0回になるとロックされ、${BLOCKED_HINT.replace(/。$/, '')}）。`;
    case 'wrong-verify-b':
      return `照合番号B（生年月日・有効期限の年・セキュリティコード）がカードと一致しません。券面の内容を確かめてください（残り${o.triesLeft ?? '?'}回）。`;
    case 'removed':
      return `読み取りの途中でカードが外されました。${NOTHING}${AGAIN}`;
    case 'reader-gone':
      return `読み取りの途中でカードリーダーが外されました。${NOTHING}リーダーをつなぎ直してください。`;
    case 'timeout':
      return o.detail?.startsWith('pin-wait')
        ? '暗証番号の入力が一定時間なかったため、読み取りを終了しました。もう一度「ICチップで読む」から始めてください。'
        : `カードが応答しません。${NOTHING}${AGAIN}`;
    case 'tampered':
      return `カードのデータが発行時の内容と一致しません（改ざんの可能性）。${NOTHING}このカードのデータは使わず、券面の撮影で読み取り、確認してください。`;
    case 'malformed':
      return `カードのデータの形式が想定と違うため読み取れませんでした。${NOTHING}券面の撮影で読み取ってください。`;
    case 'cancelled':
      return 'ICチップの読み取りを中止しました。';
    case 'card-error':
      return `カードが想定外の応答をしました。${NOTHING}${AGAIN}`;
  }
}

export const chipErrorMessage = (e: ChipError, method?: ChipMethod): string =>
  chipMessage(e.code, { triesLeft: e.triesLeft, ...(method ? { method } : {}), detail: e.detail });
