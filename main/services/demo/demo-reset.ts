import type { Db } from '../store/open-database';

/**
 * Back to the seeded state of the demo: no visit case, no application (its outbox entries go with it),
 * no status-feed position. Kept: the accounts (the seeded training accounts and any a trainer added),
 * the audit trail (append-only; the reset itself is an entry in it), the key and the configuration.
 * The synthetic register is read from assets and never written, so it needs no reset.
 * Runs in the caller's transaction.
 */
export function resetDemoStore(db: Db): { cases: number; applications: number } {
  const cases = db.prepare('DELETE FROM visit_cases').run().changes;
  db.prepare('DELETE FROM outbox').run();
  const applications = db.prepare('DELETE FROM applications').run().changes;
  db.prepare('DELETE FROM status_cursors').run();
  return { cases, applications };
}
