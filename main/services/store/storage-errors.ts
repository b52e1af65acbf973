import fs from 'node:fs';
import path from 'node:path';

/** What went wrong with the data dir's files, for the log line (never personal data: codes and file names only). */
export interface StorageErrorDetail {
  reason: 'not_found' | 'read_only' | 'corrupt' | 'not_a_database' | 'folder_in_the_way' | 'disk_full' | 'cannot_open' | 'io_error';
  /** the file's name in the data dir */
  file: string;
  /** SQLite's or the OS's error code (SQLITE_CORRUPT, EISDIR …) */
  code?: string;
  /** SQLite's or the OS's own words, for IT staff */
  cause?: string;
}

/**
 * The data dir's storage cannot be used as it is. The message is Japanese for the clerk and IT
 * staff and says that nothing was changed; `detail` is the precise log line.
 */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly detail: StorageErrorDetail,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const UNCHANGED = 'データは変更していません。';

/** A command that reads or sends was pointed at a folder without a database (a mistyped --data-dir). */
export class DatabaseNotFoundError extends StorageError {
  constructor(file: string) {
    super(
      `データベースが見つかりません: ${file}\n` +
        '--data-dir の指定が正しいか確認してください（いちまどのデータフォルダには ichimado.db があります）。何も作成していません。',
      { reason: 'not_found', file: path.basename(file) },
    );
    this.name = 'DatabaseNotFoundError';
  }
}

function message(reason: StorageErrorDetail['reason'], file: string): string {
  switch (reason) {
    case 'read_only':
      return `データベースに書き込めません（${file}）。ファイルかフォルダが読み取り専用になっているか、書き込みの権限がありません。${UNCHANGED}情報システム担当に連絡してください。`;
    case 'corrupt':
      return `データベースファイルが壊れています（${file}）。これ以上傷めないよう開かずに中止しました。${UNCHANGED}バックアップから戻すか、情報システム担当に連絡してください。`;
    case 'not_a_database':
      return `${file} はいちまどのデータベースとして読めません（別の種類のファイルか、壊れています）。${UNCHANGED}--data-dir の指定を確認するか、情報システム担当に連絡してください。`;
    case 'folder_in_the_way':
      return `${file} はファイルのはずですが、同じ名前のフォルダがあります。${UNCHANGED}フォルダを移動してから起動し直すか、情報システム担当に連絡してください。`;
    case 'disk_full':
      return `ディスクの空きが不足しているため、データベースを開けません（${file}）。${UNCHANGED}空きを作ってから起動し直してください。`;
    case 'not_found':
      return `データベースが見つかりません: ${file}`;
    case 'cannot_open':
      return `データベースファイルを開けません（${file}）。${UNCHANGED}情報システム担当に連絡してください。`;
    case 'io_error':
      return `データベースファイルの読み書きでディスクのエラーが起きました（${file}）。${UNCHANGED}情報システム担当に連絡してください。`;
  }
}

function reasonOf(code: string, file: string): StorageErrorDetail['reason'] {
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code === 'SQLITE_NOTADB') return 'not_a_database';
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return 'disk_full';
  if (code === 'EISDIR' || (code.startsWith('SQLITE_CANTOPEN') && isFolder(file))) return 'folder_in_the_way';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error';
  return 'cannot_open';
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Raw SQLite and file-system errors about `file` in Japanese; errors already phrased for the clerk pass through. */
export function storageError(err: unknown, file: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || err instanceof StorageError) return err;
  if (!code.startsWith('SQLITE_') && !/^E[A-Z]+$/.test(code)) return err;
  const reason = reasonOf(code, file);
  return new StorageError(message(reason, file), { reason, file: path.basename(file), code, cause: String((err as Error).message).slice(0, 200) });
}

/** Runs `fn`, turning raw storage errors about `file` into StorageError. */
export function withStorageErrors<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storageError(err, file);
  }
}
