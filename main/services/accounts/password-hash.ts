import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing: scrypt from Node's own crypto (nothing to install on a counter PC).
 * The parameters are written into every stored hash, so raising them later leaves existing
 * accounts able to sign in.
 */
export const SCRYPT_TUNING = {
  /** CPU/memory cost 2^17, block size 8, parallelism 1: OWASP's minimum for scrypt (128 MiB, ~0.3 s per try) */
  N: 2 ** 17,
  r: 8,
  p: 1,
  /** 256 MiB: above scrypt's 128·N·r bytes, which Node's default limit (32 MiB) refuses */
  maxmem: 256 * 1024 * 1024,
  /** 32-byte hash, 16-byte random salt per password */
  keyLength: 32,
  saltLength: 16,
} as const;

/** The cost a password hash is made at: SCRYPT_TUNING's shape. */
export type ScryptCost = Pick<typeof SCRYPT_TUNING, 'N' | 'r' | 'p' | 'maxmem'>;

/**
 * The documented training password (demo-accounts.ts), which the sign-in screen shows in demo mode: a hash
 * of a password everyone is told protects nothing, so it is made at the least cost (2^10, 1 MiB, ~5 ms)
 * instead of SCRYPT_TUNING's ~0.7 s of one core (measured on the 2-core VM). Every training start and every
 * sign-in to a training account paid that: ~0.7 CPU-s each on a trainer's PC (`npm test` starts and signs in
 * to training counters throughout: one measured run went 830 → 757 s in vitest). Passwords a trainer chooses
 * for new training accounts may be ones people use elsewhere: those are hashed at full cost, like every real
 * account's.
 */
export const PUBLIC_PASSWORD_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1, maxmem: SCRYPT_TUNING.maxmem };

/** New passwords: at least this long (a counter PC is shared; the lock-out limits guessing). */
export const MIN_PASSWORD_LENGTH = 8;

const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, keyLength: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLength, o, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash. */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_TUNING): Promise<string> {
  const { keyLength, saltLength } = SCRYPT_TUNING;
  const { N, r, p, maxmem } = cost;
  const salt = randomBytes(saltLength);
  const hash = await derive(password, salt, keyLength, { N, r, p, maxmem });
  return [PREFIX, N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > SCRYPT_TUNING.N * 8) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, salt, expected.length, { N, r, p, maxmem: Math.max(SCRYPT_TUNING.maxmem, 256 * N * r) });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, computed once: checking a name that has no account against it
 * takes as long as a real check, so the answer's timing does not tell which names exist.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('base64')));
}
