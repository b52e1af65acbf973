/**
 * Lock-out after repeated wrong passwords: enough tries for a clerk's typos, too few to guess a
 * password (8+ characters) before someone notices; the wait is short enough that a clerk locked
 * out at the counter is back within a quarter hour, or a 管理者 can help sooner.
 */
export const LOCKOUT = {
  /** wrong passwords in a row (sign-in, unlock, re-entry for 個人番号) before the account is locked */
  maxFailedAttempts: 5,
  /** how long a locked account refuses every sign-in */
  lockMinutes: 15,
} as const;

export function lockedUntil(failedAttempts: number, nowMs: number): string | null {
  return failedAttempts >= LOCKOUT.maxFailedAttempts ? new Date(nowMs + LOCKOUT.lockMinutes * 60_000).toISOString() : null;
}

/** Idle minutes before the screen locks itself when config.json has no `lockAfterMinutes`: a clerk turning to a resident's papers is not locked out mid-sentence, a clerk who walked away is. */
export const DEFAULT_LOCK_AFTER_MINUTES = 5;

