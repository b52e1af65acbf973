import type Database from 'better-sqlite3';
import { AppModeMismatchError, type AppMode } from '../app-mode';

/** The database's mode (meta `app_mode`), or null for a new database or one from before modes were stamped. */
export function readModeStamp(db: Database.Database): AppMode | null {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get();
  if (!hasMeta) return null;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'app_mode'`).get() as { value: string } | undefined;
  return row?.value === 'demo' || row?.value === 'production' ? row.value : null;
}

/** Refuses a database stamped for the other mode (called on a connection that has not written yet). */
export function assertModeStamp(db: Database.Database, wanted: AppMode): void {
  const stamped = readModeStamp(db);
  if (stamped !== null && stamped !== wanted) throw new AppModeMismatchError(stamped, wanted);
}

/** Stamps an unstamped database with the mode it is opened in (after the migrations made `meta`). */
export function stampMode(db: Database.Database, mode: AppMode): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES ('app_mode', ?) ON CONFLICT (key) DO NOTHING`).run(mode);
  assertModeStamp(db, mode);
}
