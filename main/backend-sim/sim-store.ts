import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export interface StoredReceipt {
  receiptNumber: string;
  replayed: boolean;
}

export class KeyReusedError extends Error {}

/** The simulator's own durable store: what the back end has accepted, keyed by idempotency key. */
export class SimStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'backend-sim.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS applications (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        application_id  TEXT NOT NULL,
        form_id         TEXT NOT NULL,
        body_sha256     TEXT NOT NULL,
        body_json       TEXT NOT NULL,
        receipt_number  TEXT NOT NULL UNIQUE,
        received_at     TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO counters VALUES ('duplicate_deliveries', 0);
    `);
  }

  /** Stores a new application, or replays the receipt for a key already seen. */
  accept(key: string, applicationId: string, formId: string, bodyJson: string): StoredReceipt {
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
        const now = new Date();
        const receiptNumber = `R${now.getUTCFullYear()}-${String(next).padStart(6, '0')}`;
        this.db
          .prepare(
            `INSERT INTO applications (seq, idempotency_key, application_id, form_id, body_sha256, body_json, receipt_number, received_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(next, key, applicationId, formId, sha, bodyJson, receiptNumber, now.toISOString());
        return { receiptNumber, replayed: false };
      })
      .immediate();
  }

  stats(): { applications: number; duplicateDeliveries: number } {
    const a = this.db.prepare('SELECT COUNT(*) AS n FROM applications').get() as { n: number };
    const d = this.db.prepare(`SELECT value FROM counters WHERE name = 'duplicate_deliveries'`).get() as { value: number };
    return { applications: a.n, duplicateDeliveries: d.value };
  }

  close(): void {
    this.db.close();
  }
}
