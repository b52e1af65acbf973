/**
 * Every kind of entry the audit trail holds, with the label the supervisor screen shows. Entries
 * carry ids only (account, case, application, person index), never a resident's data.
 * Events marked "hook" have no action behind them yet; they are named here so the action, when
 * it comes, records under the name the auditors already filter by.
 */
export const AUDIT_EVENT_LABELS = {
  'auth.signed_in': 'サインイン',
  'auth.signed_out': 'サインアウト',
  'auth.sign_in_failed': 'サインイン失敗',
  'session.locked': '画面ロック',
  'session.unlocked': 'ロック解除',
  'session.unlock_failed': 'ロック解除失敗',
  'account.created': 'アカウント作成',
  'case.created': '来庁ケース作成',
  'case.opened': '来庁ケースを開く',
  'case.updated': '来庁ケース更新',
  'case.submitted': '来庁ケース送信',
  'case.discarded': '来庁ケース破棄',
  'case.shown_to_resident': '住民向け画面に表示',
  'application.submitted': '申請の送信',
  'application.opened': '申請を開く',
  'application.cancelled': '申請の取消',
  'queue.sent_now': '今すぐ送信',
  'card.read': 'カード読み取り',
  'mynumber.revealed': '個人番号の表示',
  'mynumber.reveal_failed': '個人番号の表示（パスワード誤り）',
  'register.looked_up': '住基照会',
  print: '印刷',
  'export.queue': '申請データの書き出し',
  'export.audit': '監査ログの書き出し',
  'config.changed': '設定の変更',
  'key.reset': '鍵のリセット',
  'retention.purged': '保存期間経過データの消去',
  'audit.purged': '保存期間経過の監査ログ消去',
  'demo.reset': '研修データのリセット',
  'training.drill': '障害訓練の切替',
} as const;

export type AuditEvent = keyof typeof AUDIT_EVENT_LABELS;
export const AUDIT_EVENTS = Object.keys(AUDIT_EVENT_LABELS) as [AuditEvent, ...AuditEvent[]];
