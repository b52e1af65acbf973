import type { Migration } from './migration';

/** Applications and their outbox rows. The outbox row exists exactly while a delivery is owed. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) =>
    db.exec(`
    CREATE TABLE applications (
      id              TEXT PRIMARY KEY,          -- uuid v7: sortable by creation
      seq             INTEGER NOT NULL UNIQUE,   -- local capture order, independent of the wall clock
      form_id         TEXT NOT NULL,
      form_version    INTEGER NOT NULL,
      payload_json    TEXT NOT NULL,
      person_name     TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,      -- fixed at capture, reused for every delivery attempt
      status          TEXT NOT NULL CHECK (status IN ('pending','in_flight','accepted','returned','completed','failed')),
      receipt_number  TEXT,
      status_reason   TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX applications_by_status ON applications (status, seq);

    CREATE TABLE outbox (
      application_id  TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0, -- epoch ms; a hint for backoff, not for ordering
      last_error      TEXT
    ) STRICT;
  `),
};
