import type { Db } from './open-database';

/**
 * How far the clock may read behind the latest time already seen before retention stops trusting
 * it: an NTP correction or a manual nudge is minutes, a PC whose clock was reset is days or years.
 */
const CLOCK_SETBACK_TOLERANCE_MS = 60 * 60_000;

/**
 * "Older than N days" means nothing while the PC clock reads earlier than a time already seen, so
 * every retention purge asks here first (inside its own transaction). Records the latest time seen.
 */
export function retentionClockTrusted(db: Db, nowMs: number): boolean {
  const seen = db.prepare(`SELECT value FROM meta WHERE key = 'clock_high_water'`).get() as { value: string } | undefined;
  const highWater = seen ? Number(seen.value) : 0;
  if (nowMs < highWater - CLOCK_SETBACK_TOLERANCE_MS) return false;
  db.prepare(`INSERT INTO meta (key, value) VALUES ('clock_high_water', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(Math.max(nowMs, highWater)));
  return true;
}
