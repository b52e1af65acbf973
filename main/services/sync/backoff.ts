/**
 * Capped exponential backoff with full jitter: many counters retrying against a back end that
 * just came back must not all knock at once.
 */
export function backoffDelayMs(attempts: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempts, 30));
  return Math.floor(random() * ceiling);
}
