import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { DB_FILE_NAME, checkDatabaseKey, type KeyCheck } from '../../services/store/open-database';
import { KeyFileError } from '../../services/crypto/key-errors';
import { DatabaseNotFoundError } from '../../services/store/storage-errors';
import { FileKeyStore, KEY_FILE_NAME } from '../../services/crypto/key-store';
import { defaultDataDir } from '../../services/default-data-dir';
import { writeKeyResetNote } from '../../services/audit/key-reset-note';
import { osActor } from '../../services/audit/open-audit-log';

/** key reset was asked for a database its key opens: refused, nothing moved. */
class KeyOpensDatabaseError extends Error {
  constructor(file: string, applications: number, pending: number) {
    super(
      `今の暗号鍵でデータベースを開けます（${file}、申請 ${applications} 件、うち送信待ち ${pending} 件）。` +
        'key reset は鍵をなくして開けなくなったときの復旧用のため、何も移動していません。',
    );
    this.name = 'KeyOpensDatabaseError';
  }
}

/** A malformed key file cannot open the database either; an unreadable one (permissions, a folder) is a different problem. */
function keyCheck(dbFile: string, dir: string): KeyCheck {
  try {
    return checkDatabaseKey(dbFile, new FileKeyStore(dir));
  } catch (err) {
    if (err instanceof KeyFileError && err.detail.reason === 'key_malformed') return { opens: false, reason: 'key_mismatch' };
    throw err;
  }
}

/**
 * Recovery when the database key is lost: the unreadable database (and its WAL) is moved aside
 * under a dated name — nothing is deleted — so the counter can start again with a new key.
 */
export const keyResetCommand: CliCommand = {
  name: ['key', 'reset'],
  usage: 'key reset --data-dir D --confirm',
  summary: '暗号鍵を作り直す（鍵を失ったとき。暗号化された申請は読めなくなる）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--confirm', '読めなくなるデータがあることを承知した印（ないと実行しない）'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, confirm: { type: 'boolean', default: false } } });
    if (!values.confirm) throw new UsageError('key reset moves the unreadable database aside; pass --confirm to do it');
    const dir = path.resolve(values['data-dir'] ?? defaultDataDir());
    const dbFile = path.join(dir, DB_FILE_NAME);
    if (!fs.existsSync(dbFile)) throw new DatabaseNotFoundError(dbFile);
    // Only a key that really cannot open the database is reset: a healthy queue is never set aside.
    // A damaged database or a malformed key file throws here with its own message, nothing moved.
    const check = keyCheck(dbFile, dir);
    if (check.opens) throw new KeyOpensDatabaseError(dbFile, check.applications, check.pending);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const moved: string[] = [];
    // The WAL keeps SQLite's naming (<db>-wal) under the new name, so the set-aside database
    // opens with its last transactions if the key is ever found.
    const aside = `${DB_FILE_NAME}.unreadable-${stamp}`;
    const moves: [string, string][] = [
      [DB_FILE_NAME, aside],
      [`${DB_FILE_NAME}-wal`, `${aside}-wal`],
      [`${DB_FILE_NAME}-shm`, `${aside}-shm`],
      [KEY_FILE_NAME, `${KEY_FILE_NAME}.unreadable-${stamp}`],
    ];
    for (const [fromName, toName] of moves) {
      const from = path.join(dir, fromName);
      if (!fs.existsSync(from)) continue;
      fs.renameSync(from, path.join(dir, toName));
      moved.push(toName);
    }
    // the next start records the reset in the new database's audit trail
    if (moved.length > 0) writeKeyResetNote(dir, { actor: osActor(), at: new Date().toISOString(), movedAside: moved });
    process.stdout.write(JSON.stringify({ movedAside: moved }) + '\n');
  },
};
