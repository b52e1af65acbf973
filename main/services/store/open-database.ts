import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { FieldCipher } from '../crypto/field-cipher';
import type { KeyStore } from '../crypto/key-store';
import { FileKeyStore } from '../crypto/key-store';
import { DatabaseKeyMismatchError, DatabaseKeyMissingError } from '../crypto/key-errors';

export type Db = Database.Database;

/** The database was written by a newer ichimado; opening it could corrupt data that version relies on. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `このデータベースは新しいバージョンのいちまどで作成されています（スキーマ ${found}、このアプリは ${supported} まで対応）。` +
        'データを守るため開きません。いちまどを最新版に更新してください。',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const DB_FILE_NAME = 'ichimado.db';
const KEY_CHECK_PLAINTEXT = 'ichimado-key-check-v1';

export interface Store {
  db: Db;
  cipher: FieldCipher;
}

export interface OpenOptions {
  /** defaults to a 0600 key file beside the database */
  keyStore?: KeyStore;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a committed application survives power loss, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // Deleted personal data must not linger in free pages of the file.
    db.pragma('secure_delete = ON');
    const current = schemaVersion(db);
    if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
    const cipher = unlockCipher(db, opts.keyStore ?? new FileKeyStore(path.dirname(file)));
    migrate(db, cipher, current);
    db.pragma('foreign_keys = ON');
    return { db, cipher };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** For callers that need only the database (tests, tools); the key is still required. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  return openStore(file, opts).db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function readKeyCheck(db: Db): string | null {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get();
  if (!hasMeta) return null;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'key_check'`).get() as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * A database that already holds encrypted data needs exactly its key: a missing or different key
 * stops start-up with a recovery message, and nothing is written. A new database gets a new key.
 */
function unlockCipher(db: Db, keyStore: KeyStore): FieldCipher {
  const check = readKeyCheck(db);
  const key = keyStore.load();
  if (check !== null) {
    if (!key) throw new DatabaseKeyMissingError(keyStore.describe());
    const cipher = new FieldCipher(key);
    try {
      if (cipher.decrypt(Buffer.from(check, 'base64'), 'meta:key_check') !== KEY_CHECK_PLAINTEXT) throw new Error('mismatch');
    } catch {
      throw new DatabaseKeyMismatchError(keyStore.describe());
    }
    return cipher;
  }
  return new FieldCipher(key ?? keyStore.create());
}

function migrate(db: Db, cipher: FieldCipher, current: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  // Table rebuilds drop and rename tables; foreign keys are checked once at the end instead.
  db.pragma('foreign_keys = OFF');
  for (const m of pending) {
    // One transaction per migration: a crash leaves the DB at the previous version, never half-way.
    db.transaction(() => {
      m.up(db, { cipher });
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration ${m.version} (${m.name}) broke ${broken.length} foreign keys`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  if (readKeyCheck(db) === null) {
    db.prepare(`INSERT INTO meta (key, value) VALUES ('key_check', ?)`).run(cipher.encrypt(KEY_CHECK_PLAINTEXT, 'meta:key_check').toString('base64'));
  }
  if (current > 0 && current < 2) {
    // Overwrite the version-1 plaintext pages, in the file and in the WAL.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
