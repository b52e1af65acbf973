import type { Migration } from './migration';

/**
 * Visit cases (items of one case are sent in order), versions (a corrected 差戻し resubmission
 * links to the one it replaces), cancellation, retention, and personal data moved into
 * AES-256-GCM columns: no plaintext name or payload remains in the file.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'cases-versions-encryption',
  up(db, { cipher }) {
    db.exec(`
      CREATE TABLE applications_v2 (
        id              TEXT PRIMARY KEY,
        seq             INTEGER NOT NULL UNIQUE,
        case_id         TEXT NOT NULL,
        case_order      INTEGER NOT NULL,
        root_id         TEXT NOT NULL,            -- the first version's id
        version         INTEGER NOT NULL,
        supersedes_id   TEXT REFERENCES applications (id),
        superseded_by   TEXT,
        form_id         TEXT NOT NULL,
        form_version    INTEGER NOT NULL,
        payload_enc     BLOB,                     -- NULL once purged by retention
        person_name_enc BLOB,
        idempotency_key TEXT NOT NULL UNIQUE,
        status          TEXT NOT NULL CHECK (status IN ('pending','in_flight','accepted','returned','completed','failed','cancelled')),
        receipt_number  TEXT,
        delivered_via   TEXT,                     -- the connector that holds it: receipts are unique only per back end
        status_reason   TEXT,
        created_at      TEXT NOT NULL,
        created_day     TEXT NOT NULL,            -- local calendar day, for the queue screen's date filter
        updated_at      TEXT NOT NULL,
        completed_at    TEXT,
        purged_at       TEXT
      ) STRICT;
    `);
    const rows = db.prepare('SELECT * FROM applications ORDER BY seq').all() as {
      id: string; seq: number; form_id: string; form_version: number; payload_json: string; person_name: string;
      idempotency_key: string; status: string; receipt_number: string | null; status_reason: string | null;
      created_at: string; updated_at: string;
    }[];
    const insert = db.prepare(`
      INSERT INTO applications_v2 (id, seq, case_id, case_order, root_id, version, form_id, form_version, payload_enc,
        person_name_enc, idempotency_key, status, receipt_number, status_reason, created_at, created_day, updated_at)
      VALUES (?, ?, ?, 0, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of rows) {
      insert.run(
        r.id, r.seq, r.id, r.id, r.form_id, r.form_version,
        cipher.encrypt(r.payload_json, `${r.id}:payload`), cipher.encrypt(r.person_name, `${r.id}:person_name`),
        r.idempotency_key, r.status, r.receipt_number, r.status_reason, r.created_at, r.created_at.slice(0, 10), r.updated_at,
      );
    }
    db.exec(`
      CREATE TABLE outbox_v2 (
        application_id  TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT
      ) STRICT;
      INSERT INTO outbox_v2 SELECT application_id, attempts, next_attempt_at, last_error FROM outbox;
      DROP TABLE outbox;
      DROP TABLE applications;
      ALTER TABLE applications_v2 RENAME TO applications;
      ALTER TABLE outbox_v2 RENAME TO outbox;
      -- the queue screen lists live rows (not replaced by a correction): partial indexes keep its
      -- counts and pages on index entries alone at 100k rows
      CREATE INDEX applications_by_status ON applications (status, seq) WHERE superseded_by IS NULL;
      CREATE INDEX applications_live ON applications (seq) WHERE superseded_by IS NULL;
      CREATE INDEX applications_by_case ON applications (case_id, case_order);
      CREATE INDEX applications_by_day ON applications (created_day, status) WHERE superseded_by IS NULL;
      CREATE INDEX applications_by_receipt ON applications (receipt_number);

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- where the back-office status feed was read up to, per connector
      CREATE TABLE status_cursors (connector TEXT PRIMARY KEY, cursor TEXT NOT NULL) STRICT;
      -- who did what to the queue, without personal data
      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY AUTOINCREMENT,
        at     TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
    `);
    // VACUUM cannot run inside the migration's transaction; open-database.ts runs it afterwards so
    // the plaintext pages left over from version 1 are overwritten.
  },
};
