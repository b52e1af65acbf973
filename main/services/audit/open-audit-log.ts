import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../store/open-database';
import { AuditLog } from './audit-log';
import { AUDIT_KEY_LABEL } from './audit-chain';

/** Defaults of the audit and lock settings (config.json keys of the same names). */
export const AUDIT_DEFAULTS = {
  /** 7 years: the longest retention asked of municipal records about 特定個人情報 handling */
  auditRetentionYears: 7,
} as const;

/** The counter PC's name in the trail: configured (`terminalId`), else the host name. */
export function terminalId(configured: string | undefined): string {
  return (configured ?? os.hostname()).slice(0, 64) || 'unknown';
}

/** The audit trail of an opened store, keyed by a key derived from the store's data key. */
export function openAuditLog(store: Store, terminal: string, opts: { now?: () => number } = {}): AuditLog {
  return new AuditLog(store.db, store.cipher.deriveKey(AUDIT_KEY_LABEL), terminal, opts);
}

/** The actor the CLI records: the OS user who ran it. */
export function osActor(): string {
  return `os:${os.userInfo().username}`;
}

/**
 * Records a configuration that differs from the one last recorded (or the first one seen), by a
 * keyed fingerprint of config.json: secrets in it never reach the trail, a changed file does.
 */
export function recordConfigAtStart(audit: AuditLog, dataDir: string): boolean {
  let text = '';
  try {
    text = fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8');
  } catch {
    // no config.json: the defaults; its fingerprint is that of the empty text
  }
  const fingerprint = audit.fingerprint(text);
  const last = audit.latest('config.changed');
  if (last && (JSON.parse(last.detail) as { fingerprint?: string }).fingerprint === fingerprint) return false;
  audit.append({ actor: 'system', event: 'config.changed', detail: { fingerprint, present: text !== '', first: last === null } });
  return true;
}
