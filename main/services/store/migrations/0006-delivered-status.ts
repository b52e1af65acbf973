import type { Migration } from './migration';

/**
 * 送信済 (`delivered`): a file exchange's hand-over is not the back end's 受理. The CSV and its manifest
 * stored in the exchange area only say "sent"; 受理 comes from the back end's 取込済 result. SQLite
 * cannot widen a CHECK constraint in place, so the table is rebuilt with the same columns, rows and
 * indexes (foreign keys are off while migrations run; the outbox keeps pointing at `applications`).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'delivered-status',
  up(db) {
    db.exec(`
      CREATE TABLE applications_v6 (
        id              TEXT PRIMARY KEY,
        seq             INTEGER NOT NULL UNIQUE,
        case_id         TEXT NOT NULL,
        case_order      INTEGER NOT NULL,
        root_id         TEXT NOT NULL,
        version         INTEGER NOT NULL,
        supersedes_id   TEXT REFERENCES applications (id),
        superseded_by   TEXT,
        form_id         TEXT NOT NULL,
        form_version    INTEGER NOT NULL,
        payload_enc     BLOB,
        person_name_enc BLOB,
        idempotency_key TEXT NOT NULL UNIQUE,
        status          TEXT NOT NULL CHECK (status IN ('pending','in_flight','delivered','accepted','returned','completed','failed','cancelled')),
        receipt_number  TEXT,
        delivered_via   TEXT,
        status_reason   TEXT,
        created_at      TEXT NOT NULL,
        created_day     TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        completed_at    TEXT,
        purged_at       TEXT
      ) STRICT;
      INSERT INTO applications_v6 (id, seq, case_id, case_order, root_id, version, supersedes_id, superseded_by, form_id, form_version,
          payload_enc, person_name_enc, idempotency_key, status, receipt_number, delivered_via, status_reason, created_at, created_day,
          updated_at, completed_at, purged_at)
        SELECT id, seq, case_id, case_order, root_id, version, supersedes_id, superseded_by, form_id, form_version,
          payload_enc, person_name_enc, idempotency_key, status, receipt_number, delivered_via, status_reason, created_at, created_day,
          updated_at, completed_at, purged_at FROM applications;
      DROP TABLE applications;
      ALTER TABLE applications_v6 RENAME TO applications;
      CREATE INDEX applications_by_status ON applications (status, seq) WHERE superseded_by IS NULL;
      CREATE INDEX applications_live ON applications (seq) WHERE superseded_by IS NULL;
      CREATE INDEX applications_by_case ON applications (case_id, case_order);
      CREATE INDEX applications_by_day ON applications (created_day, status) WHERE superseded_by IS NULL;
      CREATE INDEX applications_by_receipt ON applications (receipt_number);
      CREATE INDEX applications_by_root ON applications (root_id, version);
    `);
  },
};
