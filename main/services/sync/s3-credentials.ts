import fs from 'node:fs';
import { ConfigError } from '../config';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** group and other permission bits: a secret readable by other accounts of the PC is refused */
const GROUP_AND_OTHER = 0o077;

/**
 * `credentialsFile`: `{ "accessKeyId", "secretAccessKey" }` in a file only this PC's account can
 * read (0600). Read at start, so a missing or loose file stops the sync with the file named instead
 * of failing every delivery later. (Windows has no such mode bits: its ACLs are the IT staff's.)
 */
export function readS3Credentials(file: string): S3Credentials {
  let text: string;
  try {
    if (process.platform !== 'win32' && (fs.statSync(file).mode & GROUP_AND_OTHER) !== 0) {
      throw new ConfigError(`オブジェクトストレージの認証情報ファイル ${file} を他の利用者も読めます。chmod 600 で所有者だけが読めるようにしてください。`);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'がありません' : `を読めません（${code}）`;
    throw new ConfigError(`オブジェクトストレージの認証情報ファイル ${file} ${why}。設定ファイルの credentialsFile を確認してください。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const c = json as Partial<S3Credentials> | null;
  if (!c || typeof c.accessKeyId !== 'string' || !c.accessKeyId || typeof c.secretAccessKey !== 'string' || !c.secretAccessKey) {
    throw new ConfigError(`オブジェクトストレージの認証情報ファイル ${file} の形式が正しくありません（{"accessKeyId": "…", "secretAccessKey": "…"} の JSON）。`);
  }
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
}
