import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { FieldCipher } from '../crypto/field-cipher';
import type { KeyStore } from '../crypto/key-store';
import { FileKeyStore } from '../crypto/key-store';
import { DatabaseKeyMismatchError, DatabaseKeyMissingError } from '../crypto/key-errors';
import { DatabaseNotFoundError, withStorageErrors } from './storage-errors';
import { tightenDataDirModes } from './private-files';
import { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from '../files/owner-only';
import type { AppMode } from '../app-mode';
import { assertModeStamp, stampMode } from './mode-stamp';

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

  get detail() {
    return { reason: 'too_new', found: this.found, supported: this.supported };
  }
}

export const DB_FILE_NAME = 'ichimado.db';
const KEY_CHECK_PLAINTEXT = 'ichimado-key-check-v1';

export interface Store {
  db: Db;
  cipher: FieldCipher;
  /** files of the data dir whose group/other permissions were removed at this opening (for the log) */
  modesTightened?: string[];
}

export interface OpenOptions {
  /** defaults to a 0600 key file beside the database */
  keyStore?: KeyStore;
  /**
   * Refuse a data dir without a database instead of creating one: commands that read or send
   * must not report an empty queue for a mistyped --data-dir.
   */
  mustExist?: boolean;
  /**
   * demo or production (app-mode.ts): a database stamped for the other mode is refused before anything
   * writes; an unstamped one is stamped. Absent (tools that only read or send): not checked.
   */
  mode?: AppMode;
}

/**
 * Opens (or creates) the data dir's database. An existing file is first inspected through a
 * connection that only reads — schema version, readable schema, the key — so a database from a newer
 * version, a damaged file or a wrong key is refused before anything writes to it (not even the
 * switch to WAL, which rewrites the header). Raw SQLite and file-system errors come out as
 * StorageError / KeyFileError with a Japanese message and a log detail.
 */
export function openStore(file: string, opts: OpenOptions = {}): Store {
  const dir = path.dirname(file);
  const existed = withStorageErrors(file, () => fs.existsSync(file) && (fs.statSync(file).isDirectory() ? fail('EISDIR') : true));
  if (!existed && opts.mustExist) throw new DatabaseNotFoundError(file);
  const keyStore = opts.keyStore ?? new FileKeyStore(dir);
  // a malformed or unreadable key file stops here, before a database is created beside it
  let key = keyStore.load();
  if (existed) {
    withStorageErrors(file, () => {
      assertWritable(file, dir);
      inspect(file, keyStore, key, opts.mode);
    });
  } else {
    // the key first: a key file that cannot be made must not leave an empty database behind
    key ??= keyStore.create();
    withStorageErrors(file, () => createPrivateFile(file));
  }
  const db = withStorageErrors(file, () => new Database(file, { fileMustExist: true }));
  try {
    return withStorageErrors(file, () => {
      // checked again on this connection: another process may have migrated in between
      const current = readableSchemaVersion(db);
      const cipher = unlockCipher(db, keyStore, key);
      db.pragma('journal_mode = WAL');
      // FULL: a committed application survives power loss, not only a process crash.
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      // Deleted personal data must not linger in free pages of the file.
      db.pragma('secure_delete = ON');
      if (opts.mode) assertModeStamp(db, opts.mode);
      migrate(db, cipher, current);
      if (opts.mode) stampMode(db, opts.mode);
      db.pragma('foreign_keys = ON');
      return { db, cipher, modesTightened: tightenDataDirModes(dir) };
    });
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The log line of a failed opening: the error's kind and codes, never personal data or the key. */
export function storeFailureDetail(err: unknown): Record<string, unknown> {
  const detail = (err as { detail?: unknown } | null)?.detail;
  const error = err instanceof Error ? err.name : typeof err;
  return typeof detail === 'object' && detail !== null ? { error, ...detail } : { error, code: (err as { code?: unknown } | null)?.code ?? null };
}

function fail(code: string): never {
  throw Object.assign(new Error(code), { code });
}

/** A read-only or immutable file or folder is refused before SQLite half-opens it read-only. */
function assertWritable(file: string, dir: string): void {
  fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  // the WAL and its index are created beside the database
  fs.accessSync(dir, fs.constants.W_OK);
}

/**
 * Everything that must hold before the first write, read through a connection that only reads.
 * Not a read-only connection: that one would leave the WAL and its index behind (it may not delete
 * them), where a reading connection that closes last removes them as it found them.
 */
function inspect(file: string, keyStore: KeyStore, key: Buffer | null, mode: AppMode | undefined): void {
  const reader = new Database(file, { fileMustExist: true });
  try {
    readableSchemaVersion(reader);
    if (mode) assertModeStamp(reader, mode);
    if (readKeyCheck(reader) !== null) unlockCipher(reader, keyStore, key);
  } finally {
    reader.close();
  }
}

/** The schema version, after reading the schema (a damaged first page fails here), refusing newer ones. */
function readableSchemaVersion(db: Db): number {
  db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
  return current;
}

/** A new database file, private from its first byte (SQLite would create it 0644; its WAL takes its mode). */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  fs.closeSync(fs.openSync(file, 'wx', OWNER_ONLY_FILE_MODE));
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
function unlockCipher(db: Db, keyStore: KeyStore, key: Buffer | null): FieldCipher {
  const check = readKeyCheck(db);
  if (check !== null) {
    if (!key) throw new DatabaseKeyMissingError(keyStore.describe());
    const cipher = new FieldCipher(key);
    if (!keyOpens(cipher, check)) throw new DatabaseKeyMismatchError(keyStore.describe());
    return cipher;
  }
  return new FieldCipher(key ?? keyStore.create());
}

function keyOpens(cipher: FieldCipher, check: string): boolean {
  try {
    return cipher.decrypt(Buffer.from(check, 'base64'), 'meta:key_check') === KEY_CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}

export type KeyCheck =
  | { opens: true; applications: number; pending: number }
  | { opens: false; reason: 'key_missing' | 'key_mismatch' };

/**
 * Whether the key store's key opens this database, asked without writing to it (key
 * reset asks before it moves anything aside). A malformed key file throws KeyFileError; a damaged
 * database throws StorageError.
 */
export function checkDatabaseKey(file: string, keyStore: KeyStore): KeyCheck {
  return withStorageErrors(file, () => {
    const key = keyStore.load();
    // a reading connection, not a read-only one (see inspect)
    const ro = new Database(file, { fileMustExist: true });
    try {
      readableSchemaVersion(ro);
      const check = readKeyCheck(ro);
      if (check !== null) {
        if (!key) return { opens: false, reason: 'key_missing' };
        if (!keyOpens(new FieldCipher(key), check)) return { opens: false, reason: 'key_mismatch' };
      }
      const hasApplications = ro.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'`).get();
      if (!hasApplications) return { opens: true, applications: 0, pending: 0 };
      const n = ro
        .prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(status IN ('pending', 'in_flight')), 0) AS pending FROM applications WHERE superseded_by IS NULL`)
        .get() as { total: number; pending: number };
      return { opens: true, applications: n.total, pending: n.pending };
    } finally {
      ro.close();
    }
  });
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
