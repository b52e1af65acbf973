import fs from 'node:fs';
import path from 'node:path';
import type { AuditLog } from './audit-log';

/**
 * `key reset` moves the database aside precisely because its key is lost, so it cannot write to
 * that database's trail, and creating a new database from the CLI would pick the wrong key store in
 * the desktop app. It leaves this note; the next start records it in the new trail and removes it.
 */
const NOTE_FILE = 'key-reset-pending.json';

export interface KeyResetNote {
  actor: string;
  at: string;
  movedAside: string[];
}

export function writeKeyResetNote(dataDir: string, note: KeyResetNote): void {
  fs.writeFileSync(path.join(dataDir, NOTE_FILE), JSON.stringify(note) + '\n', { mode: 0o600 });
}

export function recordKeyResetNote(audit: AuditLog, dataDir: string): boolean {
  const file = path.join(dataDir, NOTE_FILE);
  let note: KeyResetNote;
  try {
    note = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyResetNote;
  } catch {
    return false;
  }
  audit.append({
    actor: typeof note.actor === 'string' ? note.actor.slice(0, 80) : 'unknown',
    event: 'key.reset',
    detail: { resetAt: String(note.at).slice(0, 40), movedAside: Array.isArray(note.movedAside) ? note.movedAside.length : 0 },
  });
  fs.rmSync(file, { force: true });
  return true;
}
