import type { Migration } from './migration';

/**
 * Clerk accounts and the keyed, hash-chained audit trail.
 *
 * accounts: local sign-in accounts; the password is only ever stored as a scrypt hash
 * (main/services/accounts/password-hash.ts). `demo` accounts are seeded for the simulated back end
 * and can sign in only while it is in use, so a training password never opens a live counter.
 *
 * audit_entries: append-only; each row's `mac` is HMAC-SHA256(audit key, previous mac ‖ canonical
 * row) (main/services/audit/audit-chain.ts), so an edit, deletion, insertion or reordering made
 * without the key shows in `cli audit verify`. Ids only: no resident's name, address or 個人番号.
 * audit_anchor: after the retention purge, the (seq, mac) the remaining chain starts from, itself
 * MACed so it cannot be moved.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'accounts-audit',
  up: (db) =>
    db.exec(`
    CREATE TABLE accounts (
      id              TEXT PRIMARY KEY,          -- uuid v7; the audit trail's actor id
      name            TEXT NOT NULL UNIQUE,      -- sign-in name (a clerk's, never a resident's)
      role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'trainer', 'admin')),
      password_hash   TEXT NOT NULL,
      demo            INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until    TEXT,                      -- ISO; sign-in refused until then after repeated failures
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_entries (
      seq            INTEGER PRIMARY KEY,        -- 1, 2, 3 … without gaps (part of the MAC)
      at             TEXT NOT NULL,              -- ISO UTC
      day            TEXT NOT NULL,              -- the counter's local calendar day, for filters
      actor          TEXT NOT NULL,              -- account id, 'os:<user>' (CLI) or 'system'
      event          TEXT NOT NULL,
      case_id        TEXT,
      application_id TEXT,
      person_ref     TEXT,                       -- which person of the case (index / form key), never a name
      terminal       TEXT NOT NULL,
      detail         TEXT NOT NULL,              -- JSON: counts, codes, ids; no personal data
      mac            TEXT NOT NULL               -- hex HMAC-SHA256, see audit-chain.ts
    ) STRICT;
    CREATE INDEX audit_entries_by_day ON audit_entries (day, seq);
    CREATE INDEX audit_entries_by_actor ON audit_entries (actor, seq);

    CREATE TABLE audit_anchor (
      id   INTEGER PRIMARY KEY CHECK (id = 1),
      seq  INTEGER NOT NULL,                     -- the last purged entry
      mac  TEXT NOT NULL,                        -- its mac: the remaining chain's starting point
      seal TEXT NOT NULL                         -- HMAC of (seq, mac)
    ) STRICT;
  `),
};
