/**
 * What browser mode prints when it is ready: the address to open (first line, its format is what scripts
 * and tests wait for), then what a newcomer needs and can act on — which mode, where the data lives,
 * where applications go, how to start over (demo), how to stop.
 */
export function startBanner(s: { url: string; residentUrl?: string; dataDir: string; backend: { url: string; simulated: boolean }; mode: 'demo' | 'production' }): string {
  const demo = s.mode === 'demo';
  return [
    `ichimado browser mode: ${s.url}`,
    '  このアドレスをブラウザーで開いてください（起動のたびに変わります）。',
    ...(s.residentUrl ? [`  住民向け画面: ${s.residentUrl}`, '  （住民の方に向けたディスプレイのブラウザーで開いてください。職員の画面・操作には入れません）'] : []),
    ...(demo
      ? [
          '  研修モードです: 住民・カードはすべて架空、印刷には「見本」が入ります。研修用アカウントはサインイン画面に出ます。',
          `  データの保存先: ${s.dataDir}（研修専用。本番のデータとは別です）`,
          '  送信先: 研修用の受付シミュレーター（アプリ内。どこにも送られません）',
          `  研修データを初期状態に戻すには: npm run --silent cli -- demo reset --data-dir ${quoteIfNeeded(s.dataDir)}`,
        ]
      : [`  データの保存先: ${s.dataDir}`, `  送信先: ${s.backend.url}`]),
    '  止めるには Ctrl+C を押してください。',
    '',
  ].join('\n');
}

/** A path with spaces (Windows' user folders) must be quoted to be pasted into a shell as one argument. */
function quoteIfNeeded(p: string): string {
  return /\s/.test(p) ? `"${p}"` : p;
}
