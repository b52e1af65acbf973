/** The database holds encrypted data but its key is gone (deleted file, other PC user, restored backup). */
export class DatabaseKeyMissingError extends Error {
  constructor(where: string) {
    super(
      `データベースの暗号鍵が見つかりません（${where}）。暗号化された申請データを読めないため起動を中止しました。` +
        '鍵ファイルをバックアップから戻すか、情報システム担当に連絡してください。' +
        '送信済みの申請は基幹システム側に記録されています。鍵を戻せない場合は「npm run cli -- key reset --data-dir <フォルダ> --confirm」で' +
        '読めないデータベースを退避して新しく始められます（データは削除されず、別名で残ります）。',
    );
    this.name = 'DatabaseKeyMissingError';
  }
}

/** A key is present but it is not the one this database was written with. */
export class DatabaseKeyMismatchError extends Error {
  constructor(where: string) {
    super(
      `データベースの暗号鍵が一致しません（${where}）。別の端末や別の利用者の鍵の可能性があります。` +
        '正しい鍵ファイルを戻すか、情報システム担当に連絡してください。データは変更していません。',
    );
    this.name = 'DatabaseKeyMismatchError';
  }
}
