/**
 * What browser mode prints when it is ready: the address to open (first line, its format is what scripts
 * and tests wait for), then what a newcomer needs and can act on — where the data lives, where applications
 * go, how to stop.
 */
export function startBanner(s: { url: string; residentUrl?: string; dataDir: string; backend: { url: string; simulated: boolean } }): string {
  return [
    `ichimado browser mode: ${s.url}`,
    '  このアドレスをブラウザーで開いてください（起動のたびに変わります）。',
    ...(s.residentUrl ? [`  住民向け画面: ${s.residentUrl}`, '  （住民の方に向けたディスプレイのブラウザーで開いてください。職員の画面・操作には入れません）'] : []),
    `  データの保存先: ${s.dataDir}`,
    s.backend.simulated
      ? '  送信先: 研修用の受付シミュレーター（アプリ内。どこにも送られません。印刷には「見本」が入ります）'
      : `  送信先: ${s.backend.url}`,
    '  止めるには Ctrl+C を押してください。',
    '',
  ].join('\n');
}
