import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

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

/** The simulator's own durable store: what the back end has accepted, keyed by idempotency key. */
export class SimStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'backend-sim.db'));
    this.db.pragma('journal_mode = WAL');
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
        body_json       TEXT NOT NULL,
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
            `INSERT INTO applications (seq, idempotency_key, application_id, form_id, body_sha256, body_json, receipt_number, received_at, received_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(next, key, applicationId, formId, sha, bodyJson, receiptNumber, now.toISOString(), nowMs);
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
          .prepare(`SELECT seq, receipt_number, body_json FROM applications WHERE review = 'waiting' AND received_ms <= ? ORDER BY seq`)
          .all(nowMs - delayMs) as { seq: number; receipt_number: string; body_json: string }[];
        const mark = this.db.prepare('UPDATE applications SET review = ? WHERE seq = ?');
        const change = this.db.prepare('INSERT INTO status_changes (receipt_number, status, reason, at) VALUES (?, ?, ?, ?)');
        for (const a of due) {
          const reason = decide(JSON.parse(a.body_json) as unknown);
          const status = reason === null ? 'completed' : 'returned';
          mark.run(status, a.seq);
          change.run(a.receipt_number, status, reason, new Date(nowMs).toISOString());
        }
        return due.length;
      })
      .immediate();
  }

  changesAfter(after: number, limit: number): StatusChangeRow[] {
    return (
      this.db.prepare('SELECT seq, receipt_number, status, reason FROM status_changes WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit) as {
        seq: number; receipt_number: string; status: 'returned' | 'completed'; reason: string | null;
      }[]
    ).map((r) => ({ seq: r.seq, receiptNumber: r.receipt_number, status: r.status, reason: r.reason }));
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

  close(): void {
    this.db.close();
  }
}
