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

/**
 * The key file is there but cannot be used as a key: malformed (edited, truncated, another program's
 * file), unreadable, or something else is in its place. Never treated as "no key": a new key would
 * be made and the file overwritten or the database orphaned.
 */
export class KeyFileError extends Error {
  constructor(
    message: string,
    /** for the log line: codes and the file's name, never the key */
    readonly detail: { reason: 'key_malformed' | 'key_unreadable' | 'folder_in_the_way' | 'something_in_the_way'; file: string; code?: string },
  ) {
    super(message);
    this.name = 'KeyFileError';
  }
}

const NOTHING_CHANGED = 'データは変更していません。';

export function keyFileMalformed(where: string, file: string): KeyFileError {
  return new KeyFileError(
    `データベースの暗号鍵ファイルの形式が正しくありません（${where}）。編集されたか、壊れているか、別のファイルに置き換わっています。${NOTHING_CHANGED}` +
      '鍵ファイルをバックアップから戻すか、情報システム担当に連絡してください。',
    { reason: 'key_malformed', file },
  );
}

export function keyFileUnusable(where: string, file: string, code: string): KeyFileError {
  if (code === 'EISDIR') {
    return new KeyFileError(`データベースの暗号鍵ファイルの場所にフォルダがあります（${where}）。${NOTHING_CHANGED}フォルダを移動するか、情報システム担当に連絡してください。`, {
      reason: 'folder_in_the_way', file, code,
    });
  }
  if (code === 'EEXIST') {
    return new KeyFileError(
      `データベースの暗号鍵ファイルの場所に読めないもの（壊れたリンクなど）があります（${where}）。上書きせずに中止しました。${NOTHING_CHANGED}情報システム担当に連絡してください。`,
      { reason: 'something_in_the_way', file, code },
    );
  }
  return new KeyFileError(`データベースの暗号鍵ファイルを読み書きできません（${where}、${code}）。権限やディスクを確認するか、情報システム担当に連絡してください。${NOTHING_CHANGED}`, {
    reason: 'key_unreadable', file, code,
  });
}
