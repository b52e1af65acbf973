import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { SERVICE_IDLE } from '../../common/accounts/idle-lock';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import { tempDir } from '../support/processes';
import { signInServices } from '../support/sign-in';

/**
 * The services lock an idle session themselves, whatever the screen does: only the clerk's input the
 * screen reports (noteActivity) keeps it open; the screen's polling does not. Real SQLite, the dispatch
 * both bridges call, a clock the test moves.
 */
const LOCK_AFTER_MIN = 5;
const limitMs = LOCK_AFTER_MIN * 60_000 + SERVICE_IDLE.graceMs;
const running: AppServices[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

async function start(): Promise<{ s: AppServices; clock: { t: number }; dataDir: string }> {
  const dataDir = tempDir('idle');
  const clock = { t: Date.parse('2026-12-04T09:00:00Z') };
  const s = await createAppServices({ dataDir, host: 'browser', appVersion: '1', ocr: 'off', log: () => {}, now: () => clock.t });
  running.push(s);
  await signInServices(s);
  return { s, clock, dataDir };
}

const lockedEvents = (dataDir: string) => {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare("SELECT actor, detail FROM audit_entries WHERE event = 'session.locked'").all() as { actor: string; detail: string }[];
  } finally {
    db.close();
  }
};

describe('the services idle lock', { timeout: 120_000 }, () => {
  it('polling alone does not keep a session open: past the limit the next call is LOCKED, and the lock is recorded', async () => {
    const { s, clock, dataDir } = await start();
    const signedInAt = clock.t;
    // the screen polls every 30 s (its real interval is shorter; what counts is that polling never stops)
    while (clock.t + 30_000 < signedInAt + limitMs) {
      clock.t += 30_000;
      expect(await s.dispatch('getQueueStats', {}), `after ${clock.t - signedInAt} ms`).toMatchObject({ ok: true });
    }
    clock.t = signedInAt + limitMs;
    expect(await s.dispatch('getQueueStats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await s.dispatch('getSession', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(lockedEvents(dataDir).map((e) => JSON.parse(e.detail))).toEqual([{ reason: 'idle', by: 'services' }]);
    // the clerk unlocks with the password and goes on
    const { TEST_ADMIN, DEMO_CLERK } = await import('../support/sign-in');
    const who = (await s.dispatch('getSession', {})) as { value: { demoAccounts: unknown[] } };
    const unlocked = await s.dispatch('unlock', { password: (who.value.demoAccounts.length ? DEMO_CLERK : TEST_ADMIN).password });
    expect(unlocked).toMatchObject({ ok: true, value: { locked: false } });
  });

  it('the clerk’s reported input keeps it open for hours; noteActivity cannot open a locked session', async () => {
    const { s, clock } = await start();
    for (let i = 0; i < 240; i++) {
      clock.t += SERVICE_IDLE.reportEveryMs;
      expect(await s.dispatch('noteActivity', {})).toMatchObject({ ok: true, value: { locked: false } });
    }
    clock.t += limitMs;
    expect(await s.dispatch('noteActivity', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await s.dispatch('getSession', {})).toMatchObject({ ok: true, value: { locked: true } });
  });
});
