import type { ChipOutcomeFailure } from './chip-store';

/**
 * The clerk's headline for a chip read that gave no data, above the services' own message: what happened and
 * what to do next. The tries left are the card's; the last one is never spent by the app itself.
 */
export function chipFailureHeadline(f: ChipOutcomeFailure): string {
  switch (f.code) {
    case 'wrong-pin':
      return f.triesLeft === null ? '暗証番号が違います。' : f.triesLeft > 0 ? `暗証番号が違います（残り${f.triesLeft}回）。` : '暗証番号が違います。カードがロックされました。';
    case 'wrong-verify-b':
      return `照合番号Bがカードと一致しません${f.triesLeft !== null ? `（残り${f.triesLeft}回）` : ''}。生年月日・有効期限・セキュリティコードを券面で確かめてください。`;
    case 'tries-low':
      return '残りの試行回数が1回のため、照合番号Bでは読みません。住民の方に暗証番号を入力してもらうか、画像で読み取ってください。';
    case 'blocked':
      return 'カードの暗証番号がロックされています。市区町村の窓口でロック解除（初期化）が必要です。画像で読み取ってください。';
    case 'tampered':
      return '改ざんの可能性があります。ICチップのデータは使いません。画像で読み取り、カードを確認してください。';
    case 'not-mynumber':
      return 'マイナンバーカードではありません（券面事項入力補助APがありません）。';
    case 'removed':
      return '読み取りの途中でカードが取り外されました。カードを置き直して、もう一度読んでください。';
    case 'reader-gone':
      return '読み取り中にカードリーダーが外れました。接続を確かめてください。';
    case 'no-card':
      return 'カードリーダーにカードが置かれていません。';
    case 'no-reader':
    case 'pcsc-unavailable':
      return 'カードリーダーが使えません。画像で読み取ってください。';
    case 'timeout':
      return '時間内に読み取れませんでした。もう一度読んでください。';
    case 'malformed':
      return 'ICチップのデータを読み取れませんでした（形式が正しくありません）。画像で読み取ってください。';
    case 'cancelled':
      return '読み取りを取り消しました。';
    default:
      return 'ICチップを読み取れませんでした。';
  }
}

/** Whether starting again is worth offering: the card is there and nothing forbids another try. */
export function chipRetryable(f: ChipOutcomeFailure): boolean {
  if (f.code === 'blocked' || f.code === 'tampered' || f.code === 'not-mynumber' || f.code === 'pcsc-unavailable' || f.code === 'no-reader') return false;
  return !(f.code === 'wrong-pin' && f.triesLeft === 0);
}
