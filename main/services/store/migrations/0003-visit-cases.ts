import type { Migration } from './migration';

/**
 * Visit cases (来庁ケース): the household, event, answers and form confirmations of one counter
 * visit, so that a case survives restarts and can be resumed. The whole case is one AES-256-GCM
 * blob bound to its row id; only the status and times are plaintext (for the resume list).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'visit-cases',
  up: (db) =>
    db.exec(`
    CREATE TABLE visit_cases (
      id          TEXT PRIMARY KEY,            -- uuid v7; also the applications' case_id
      status      TEXT NOT NULL CHECK (status IN ('open', 'submitted')),
      data_enc    BLOB NOT NULL,               -- encrypted JSON of the case content
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX visit_cases_by_status ON visit_cases (status, updated_at);
  `),
};
