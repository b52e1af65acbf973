import Database from 'better-sqlite3';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CorruptFieldError, type FieldCipher } from '../services/crypto/field-cipher';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile, narrowToOwnerIfPresent } from '../services/files/owner-only';

export interface StoredReceipt {
  receiptNumber: string;
  replayed: boolean;
}

export interface StatusChangeRow {
  seq: number;
  receiptNumber: string;
  status: 'returned' | 'completed';
  reason: string | null;
}

export class KeyReusedError extends Error {}

export const SIM_DB_FILE = 'backend-sim.db';
const UNREADABLE = Symbol('unreadable');
/** a body sealed with a key that is gone is returned (差戻し) rather than left waiting for ever */
const UNREADABLE_REASON = '受け付けた申請データを読み取れませんでした（鍵が変更されています）。再提出してください。';

/**
 * The simulator's own durable store: what the back end has accepted, keyed by idempotency key.
 *
 * Request bodies are personal data (names, 個人番号): each is sealed with AES-256-GCM (`cipher`,
 * bound to its idempotency key) before it reaches SQLite, so neither the database nor its WAL holds
 * them in plaintext; once reviewed and older than the retention period the sealed body is deleted
 * too (`purgeDecided`). The files are the OS user's only (0700 folder, 0600 files). It stays a file,
 * not memory, because the counter remembers across its own restart what it sent and how far it read
 * the status feed: a simulator that forgot would leave 送信済み applications that are never decided
 * and hand out receipt numbers the counter already holds.
 */
export class SimStore {
  private readonly db: Database.Database;

  constructor(
    dataDir: string,
    private readonly cipher: FieldCipher,
  ) {
    ensureOwnerOnlyDir(dataDir);
    const file = path.join(dataDir, SIM_DB_FILE);
    ensureOwnerOnlyFile(file);
    for (const side of ['-wal', '-shm']) narrowToOwnerIfPresent(file + side);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // a purged body is overwritten with zeros, not merely unlinked from the b-tree
    this.db.pragma('secure_delete = ON');
    // NORMAL in WAL mode: a commit survives the process being killed (what the drills do) but not a
    // power cut — enough for a simulator, and it keeps the simulator from being the bottleneck
    // the counter's drain rate is measured against.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS applications (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        application_id  TEXT NOT NULL,
        form_id         TEXT NOT NULL,
        body_sha256     TEXT NOT NULL,
        body_sealed     BLOB,                             -- AES-256-GCM; NULL once purged
        receipt_number  TEXT NOT NULL UNIQUE,
        received_at     TEXT NOT NULL,
        received_ms     INTEGER NOT NULL DEFAULT 0,
        review          TEXT NOT NULL DEFAULT 'waiting'   -- waiting | returned | completed
      );
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO counters VALUES ('duplicate_deliveries', 0);
      CREATE TABLE IF NOT EXISTS status_changes (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_number TEXT NOT NULL,
        status         TEXT NOT NULL,
        reason         TEXT,
        at             TEXT NOT NULL
      );
    `);
    this.sealLegacyBodies();
  }

  /** the stored body, or UNREADABLE when its key is gone (the app's database key was reset) */
  private openBody(key: string, sealed: Buffer | null): unknown {
    if (!sealed) return {};
    try {
      return JSON.parse(this.cipher.decrypt(sealed, this.aad(key))) as unknown;
    } catch (err) {
      if (err instanceof CorruptFieldError) return UNREADABLE;
      throw err;
    }
  }

  private aad(key: string): string {
    return `backend-sim.applications.body:${key}`;
  }

  /**
   * A store written before bodies were sealed has them in a plaintext `body_json` column: seal
   * each one, drop the column, and rewrite the file and empty the WAL so no old page survives.
   */
  private sealLegacyBodies(): void {
    const cols = this.db.prepare(`SELECT name FROM pragma_table_info('applications')`).all() as { name: string }[];
    if (!cols.some((c) => c.name === 'body_json')) return;
    this.db
      .transaction(() => {
        if (!cols.some((c) => c.name === 'body_sealed')) this.db.exec('ALTER TABLE applications ADD COLUMN body_sealed BLOB');
        const seal = this.db.prepare('UPDATE applications SET body_sealed = ? WHERE seq = ?');
        for (const r of this.db.prepare('SELECT seq, idempotency_key, body_json FROM applications').all() as { seq: number; idempotency_key: string; body_json: string }[]) {
          seal.run(this.cipher.encrypt(r.body_json, this.aad(r.idempotency_key)), r.seq);
        }
        this.db.exec('ALTER TABLE applications DROP COLUMN body_json');
      })
      .immediate();
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Stores a new application, or replays the receipt for a key already seen. */
  accept(key: string, applicationId: string, formId: string, bodyJson: string, nowMs = Date.now()): StoredReceipt {
    const sha = createHash('sha256').update(bodyJson).digest('hex');
    return this.db
      .transaction((): StoredReceipt => {
        const seen = this.db.prepare('SELECT receipt_number, body_sha256 FROM applications WHERE idempotency_key = ?').get(key) as
          | { receipt_number: string; body_sha256: string }
          | undefined;
        if (seen) {
          if (seen.body_sha256 !== sha) throw new KeyReusedError('idempotency key reused with a different body');
          this.db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'duplicate_deliveries'`).run();
          return { receiptNumber: seen.receipt_number, replayed: true };
        }
        const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM applications').get() as { next: number };
        const now = new Date(nowMs);
        const receiptNumber = `R${now.getUTCFullYear()}-${String(next).padStart(6, '0')}`;
        this.db
          .prepare(
            `INSERT INTO applications (seq, idempotency_key, application_id, form_id, body_sha256, body_sealed, receipt_number, received_at, received_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(next, key, applicationId, formId, sha, this.cipher.encrypt(bodyJson, this.aad(key)), receiptNumber, now.toISOString(), nowMs);
        return { receiptNumber, replayed: false };
      })
      .immediate();
  }

  /**
   * The back office's review: applications waiting longer than `delayMs` are decided by `decide`
   * (a reason to return it, or null to complete it), each decision one status change.
   */
  review(delayMs: number, decide: (body: unknown) => string | null, nowMs = Date.now()): number {
    return this.db
      .transaction(() => {
        const due = this.db
          .prepare(`SELECT seq, idempotency_key, receipt_number, body_sealed FROM applications WHERE review = 'waiting' AND received_ms <= ? ORDER BY seq`)
          .all(nowMs - delayMs) as { seq: number; idempotency_key: string; receipt_number: string; body_sealed: Buffer | null }[];
        const mark = this.db.prepare('UPDATE applications SET review = ? WHERE seq = ?');
        const change = this.db.prepare('INSERT INTO status_changes (receipt_number, status, reason, at) VALUES (?, ?, ?, ?)');
        for (const a of due) {
          const body = this.openBody(a.idempotency_key, a.body_sealed);
          const reason = body === UNREADABLE ? UNREADABLE_REASON : decide(body);
          const status = reason === null ? 'completed' : 'returned';
          mark.run(status, a.seq);
          change.run(a.receipt_number, status, reason, new Date(nowMs).toISOString());
        }
        return due.length;
      })
      .immediate();
  }

  /**
   * Deletes the bodies of applications decided (差戻し or 完了) and received more than `days` ago.
   * The receipt, the key and the body's hash stay, so a late retry of the same request still gets its
   * receipt back. Returns how many bodies were deleted.
   */
  purgeDecided(days: number, nowMs = Date.now()): number {
    return this.db
      .prepare(`UPDATE applications SET body_sealed = NULL WHERE review != 'waiting' AND body_sealed IS NOT NULL AND received_ms <= ?`)
      .run(nowMs - days * 86_400_000).changes;
  }

  /**
   * What a received application says it replaces (its `supersedesReceipt` and
   * `supersedesApplicationId`), read from its sealed body; null for an unknown receipt. Ids and
   * receipts only: no personal data leaves the body. After the body is purged the links read null.
   */
  lineageOf(receiptNumber: string): { receiptNumber: string; applicationId: string; supersedesReceipt: string | null; supersedesApplicationId: string | null } | null {
    const r = this.db.prepare('SELECT idempotency_key, application_id, body_sealed FROM applications WHERE receipt_number = ?').get(receiptNumber) as
      | { idempotency_key: string; application_id: string; body_sealed: Buffer | null }
      | undefined;
    if (!r) return null;
    const body = this.openBody(r.idempotency_key, r.body_sealed);
    const b = (body !== UNREADABLE && typeof body === 'object' && body !== null ? body : {}) as { supersedesReceipt?: unknown; supersedesApplicationId?: unknown };
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return { receiptNumber, applicationId: r.application_id, supersedesReceipt: text(b.supersedesReceipt), supersedesApplicationId: text(b.supersedesApplicationId) };
  }

  changesAfter(after: number, limit: number): StatusChangeRow[] {
    return (
      this.db.prepare('SELECT seq, receipt_number, status, reason FROM status_changes WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit) as {
        seq: number; receipt_number: string; status: 'returned' | 'completed'; reason: string | null;
      }[]
    ).map((r) => ({ seq: r.seq, receiptNumber: r.receipt_number, status: r.status, reason: r.reason }));
  }

  /**
   * The body stored under a key: undefined when the key was never seen, null when its body was purged
   * or cannot be read. (The file exchange asks it about a replayed manifest whose CSV is gone.)
   */
  bodyOfKey(key: string): unknown {
    const r = this.db.prepare('SELECT body_sealed FROM applications WHERE idempotency_key = ?').get(key) as { body_sealed: Buffer | null } | undefined;
    if (!r) return undefined;
    const body = this.openBody(key, r.body_sealed);
    return body === UNREADABLE ? null : body;
  }

  /** a delivery seen again that `accept` did not get to count (a replayed manifest whose CSV is gone) */
  countReplay(): void {
    this.db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'duplicate_deliveries'`).run();
  }

  /** the idempotency key a receipt was issued for (the file exchange names its results by it) */
  keyOfReceipt(receipt: string): string | null {
    const r = this.db.prepare('SELECT idempotency_key FROM applications WHERE receipt_number = ?').get(receipt) as { idempotency_key: string } | undefined;
    return r?.idempotency_key ?? null;
  }

  stats(): { applications: number; duplicateDeliveries: number } {
    const a = this.db.prepare('SELECT COUNT(*) AS n FROM applications').get() as { n: number };
    const d = this.db.prepare(`SELECT value FROM counters WHERE name = 'duplicate_deliveries'`).get() as { value: number };
    return { applications: a.n, duplicateDeliveries: d.value };
  }

  reviewStats(): { waiting: number; returned: number; completed: number } {
    const r = this.db.prepare('SELECT review, COUNT(*) AS n FROM applications GROUP BY review').all() as { review: string; n: number }[];
    const by = Object.fromEntries(r.map((x) => [x.review, x.n])) as Record<string, number | undefined>;
    return { waiting: by.waiting ?? 0, returned: by.returned ?? 0, completed: by.completed ?? 0 };
  }

  /**
   * The back office returns the newest application still waiting for its review, now (a trainer's
   * 「差戻しを今送る」). Returns its receipt number, or null when none is waiting.
   */
  returnNewestWaiting(reason: string, nowMs = Date.now()): string | null {
    return this.db
      .transaction(() => {
        const a = this.db.prepare(`SELECT seq, receipt_number FROM applications WHERE review = 'waiting' ORDER BY seq DESC LIMIT 1`).get() as
          | { seq: number; receipt_number: string }
          | undefined;
        if (!a) return null;
        this.db.prepare(`UPDATE applications SET review = 'returned' WHERE seq = ?`).run(a.seq);
        this.db.prepare('INSERT INTO status_changes (receipt_number, status, reason, at) VALUES (?, ?, ?, ?)').run(a.receipt_number, 'returned', reason, new Date(nowMs).toISOString());
        return a.receipt_number;
      })
      .immediate();
  }

  /** Empties the store (the demo's reset): no application, no decision, the feed and receipt numbers from the start. */
  clear(): void {
    this.db
      .transaction(() => {
        this.db.exec(`DELETE FROM applications; DELETE FROM status_changes; UPDATE counters SET value = 0;`);
        this.db.exec(`DELETE FROM sqlite_sequence WHERE name IN ('applications', 'status_changes')`);
      })
      .immediate();
  }

  close(): void {
    this.db.close();
  }
}
