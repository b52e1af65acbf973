import fs from 'node:fs';

/**
 * Folders and files that may hold personal data (even encrypted) are for the OS user running the
 * app only: 0700 / 0600, whatever the umask. Existing ones are tightened, not just new ones.
 */
export const OWNER_ONLY_DIR_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;

/** Makes `dir` (and missing parents) and narrows `dir` itself to its owner. */
export function ensureOwnerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  fs.chmodSync(dir, OWNER_ONLY_DIR_MODE);
}

/**
 * Creates `file` empty when absent, readable by its owner only; narrows it when present. SQLite
 * gives a database's -wal and -shm files the mode of the database file, so doing this before the
 * database is opened covers all three.
 */
export function ensureOwnerOnlyFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', OWNER_ONLY_FILE_MODE));
  fs.chmodSync(file, OWNER_ONLY_FILE_MODE);
}

/** Narrows an existing file to its owner; a missing one is fine. */
export function narrowToOwnerIfPresent(file: string): void {
  try {
    fs.chmodSync(file, OWNER_ONLY_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
