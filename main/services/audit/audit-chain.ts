import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The arithmetic of the keyed hash chain, apart from storage so the verifier and the writer
 * cannot drift apart.
 *
 * mac(n) = HMAC-SHA256(key, mac(n-1) ‖ canonical(entry n)), with mac(0) = GENESIS_MAC.
 * The canonical form includes the entry's seq, so a row moved, inserted or removed changes
 * every MAC from there on; without the key nobody can compute the MACs that would hide it.
 */
export const GENESIS_MAC = '0'.repeat(64);
/** HKDF label of the audit key (derived from the data key: nothing new to store) */
export const AUDIT_KEY_LABEL = 'ichimado audit-log mac v1';
/** version of the canonical layout below; part of every MAC */
const CANONICAL_VERSION = 1;

export interface ChainedEntry {
  seq: number;
  at: string;
  day: string;
  actor: string;
  event: string;
  caseId: string | null;
  applicationId: string | null;
  personRef: string | null;
  terminal: string;
  /** JSON text exactly as stored */
  detail: string;
}

export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([CANONICAL_VERSION, e.seq, e.at, e.day, e.actor, e.event, e.caseId, e.applicationId, e.personRef, e.terminal, e.detail]);
}

export function entryMac(key: Buffer, prevMac: string, e: ChainedEntry): string {
  return createHmac('sha256', key).update(prevMac, 'utf8').update('\n').update(canonicalEntry(e), 'utf8').digest('hex');
}

/** The seal of the purge anchor: binds the seq and MAC the remaining chain starts from. */
export function anchorSeal(key: Buffer, seq: number, mac: string): string {
  return createHmac('sha256', key).update(`anchor\n${seq}\n${mac}`, 'utf8').digest('hex');
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
