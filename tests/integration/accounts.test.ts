import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { hashPassword, verifyPassword, PUBLIC_PASSWORD_SCRYPT, SCRYPT_TUNING } from '../../main/services/accounts/password-hash';
import { DEMO_ACCOUNTS } from '../../main/services/accounts/demo-accounts';
import { LOCKOUT } from '../../main/services/accounts/lockout';
import { DEMO_PASSWORD } from '../../main/services/accounts/demo-accounts';
import { OPERATION_NAMES } from '../../common/contract/operations';
import { RESIDENT_ONLY_OPERATIONS } from '../../common/contract/resident-operations';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import { runCli, tempDir } from '../support/processes';
import { DEMO_CLERK, TEST_ADMIN, signInServices } from '../support/sign-in';

/** scrypt (~0.3 s a try by design) and CLI processes on a shared 2-core machine */
const SLOW = 120_000;

/** Clerk accounts as the services and the CLI meet them: real SQLite, real scrypt, the dispatch both bridges call. */
const running: AppServices[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

async function start(dataDir: string, opts: { demo?: boolean } = {}): Promise<AppServices> {
  const s = await createAppServices({ dataDir, host: 'browser', appVersion: '1', ocr: 'off', log: () => {}, ...(opts.demo ? {} : { backendUrl: 'http://127.0.0.1:9' }) });
  running.push(s);
  return s;
}

/** Each account's scrypt cost N as stored with its hash (scrypt$N$r$p$salt$hash). */
function storedCosts(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    const rows = db.prepare('SELECT name, password_hash AS h FROM accounts').all() as { name: string; h: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.h.split('$')[1])]));
  } finally {
    db.close();
  }
}

function trail(dataDir: string): { seq: number; actor: string; event: string; case_id: string | null; detail: string }[] {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT seq, actor, event, case_id, detail FROM audit_entries ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

describe('password hashes (scrypt)', { timeout: SLOW }, () => {
  it('stores the parameters with a salted hash, accepts the password and nothing else', async () => {
    const h = await hashPassword('正しいパスワード1');
    expect(h).toMatch(new RegExp(`^scrypt\\$${SCRYPT_TUNING.N}\\$${SCRYPT_TUNING.r}\\$${SCRYPT_TUNING.p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
    expect(await hashPassword('正しいパスワード1')).not.toBe(h); // a new salt each time
    expect(await verifyPassword('正しいパスワード1', h)).toBe(true);
    expect(await verifyPassword('正しいパスワード2', h)).toBe(false);
    expect(await verifyPassword('正しいパスワード1', h.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('dispatch without a signed-in clerk', { timeout: SLOW }, () => {
  it('refuses every operation but the sign-in ones with UNAUTHENTICATED, before looking at the input', async () => {
    const s = await start(tempDir('acct'));
    const open = new Set(['getAppInfo', 'getSession', 'signIn', 'createFirstAdmin']);
    for (const op of OPERATION_NAMES.filter((o) => !open.has(o) && !RESIDENT_ONLY_OPERATIONS.includes(o))) {
      expect(await s.dispatch(op, { anything: 'at all' }), op).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'サインインしてください。' } });
    }
    // the chip PIN's operations are the resident page's: the clerk's side is refused them, signed in or not
    for (const op of RESIDENT_ONLY_OPERATIONS) expect(await s.dispatch(op, { anything: 'at all' }), op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.dispatch('getAppInfo', {})).toMatchObject({ ok: true });
    expect(await s.dispatch('getSession', {})).toMatchObject({ ok: true, value: { firstRun: true, user: null, locked: false, lockAfterMinutes: 5, demoAccounts: [], demoPassword: null } });
  });
});

describe('first run, sign-in, lock and roles', { timeout: SLOW }, () => {
  const dataDir = tempDir('acct');

  it('creates the admin once, signs in, locks and unlocks with the same password, and records each step', async () => {
    const s = await start(dataDir);
    expect(await s.dispatch('createFirstAdmin', { name: TEST_ADMIN.name, password: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await s.dispatch('createFirstAdmin', TEST_ADMIN)).toMatchObject({ ok: true, value: { firstRun: false, user: null } });
    expect(await s.dispatch('createFirstAdmin', { name: '別の人', password: 'another-pass-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.dispatch('signIn', { ...TEST_ADMIN, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'wrong_password' } });
    expect(await s.dispatch('signIn', { name: '居ない人', password: 'whatever-1' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'wrong_password' } });
    const signed = await s.dispatch('signIn', TEST_ADMIN);
    expect(signed).toMatchObject({ ok: true, value: { user: { name: TEST_ADMIN.name, role: 'admin' }, locked: false } });
    expect(await s.dispatch('listQueue', {})).toMatchObject({ ok: true });

    expect(await s.dispatch('lock', { reason: 'hotkey' })).toMatchObject({ ok: true, value: { locked: true } });
    expect(await s.dispatch('listQueue', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await s.dispatch('unlock', { password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', reason: 'wrong_password' } });
    expect(await s.dispatch('unlock', { password: TEST_ADMIN.password })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await s.dispatch('listQueue', {})).toMatchObject({ ok: true });

    const events = trail(dataDir).map((e) => e.event);
    expect(events).toEqual(['config.changed', 'account.created', 'auth.sign_in_failed', 'auth.sign_in_failed', 'auth.signed_in', 'session.locked', 'session.unlock_failed', 'session.unlocked']);
    // the trail holds no password, not even the wrong ones
    expect(JSON.stringify(trail(dataDir))).not.toMatch(/wrong-password|test-admin-pass/);
  });

  it('lets only supervisors and admins read the trail, and only admins create accounts', async () => {
    const s = await start(dataDir);
    await signInServices(s, TEST_ADMIN);
    expect(await s.dispatch('createAccount', { name: '窓口 一', password: 'clerk-pass-1', role: 'clerk' })).toMatchObject({ ok: true, value: { role: 'clerk', demo: false } });
    expect(await s.dispatch('createAccount', { name: '窓口 一', password: 'clerk-pass-1', role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await s.dispatch('createAccount', { name: '監督 一', password: 'super-pass-1', role: 'supervisor' })).toMatchObject({ ok: true });
    const audit = await s.dispatch('listAuditLog', { limit: 5, verify: true });
    expect(audit).toMatchObject({ ok: true, value: { verified: { ok: true, firstBadSeq: null } } });

    await signInServices(s, { name: '窓口 一', password: 'clerk-pass-1' });
    expect(await s.dispatch('listAuditLog', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.dispatch('createAccount', { name: 'x', password: 'xxxxxxxx', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await signInServices(s, { name: '監督 一', password: 'super-pass-1' });
    const seen = await s.dispatch('listAuditLog', { event: 'auth.signed_in' });
    expect(seen.ok && (seen.value as { items: { actorName: string | null }[] }).items.map((i) => i.actorName)).toEqual(['監督 一', '窓口 一', TEST_ADMIN.name, TEST_ADMIN.name]);
  });

  it('shows a masked 個人番号 only after the password again, recording which case and field (never the number)', async () => {
    const s = await start(dataDir);
    const me = await signInServices(s, TEST_ADMIN);
    const c = await s.dispatch('createCase', {});
    const caseId = (c as { value: { id: string } }).value.id;
    expect(await s.dispatch('revealMyNumber', { password: 'wrong-password', caseId, personRef: 'persons.1.myNumber' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', reason: 'wrong_password' } });
    expect(await s.dispatch('revealMyNumber', { password: TEST_ADMIN.password, caseId, personRef: 'persons.1.myNumber' })).toEqual({ ok: true, value: { revealed: true } });
    // a number cannot ride along as the "which field"
    expect(await s.dispatch('revealMyNumber', { password: TEST_ADMIN.password, personRef: 'x123456789018' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(trail(dataDir).slice(-2)).toMatchObject([
      { actor: me.user!.id, event: 'mynumber.reveal_failed' },
      { actor: me.user!.id, event: 'mynumber.revealed', case_id: caseId },
    ]);
  });

  it(`locks an account after ${LOCKOUT.maxFailedAttempts} wrong passwords in a row, even for the right one`, async () => {
    const s = await start(dataDir);
    for (let i = 0; i < LOCKOUT.maxFailedAttempts - 1; i++) {
      expect(await s.dispatch('signIn', { name: '窓口 一', password: `wrong-${i}` })).toMatchObject({ ok: false, error: { reason: 'wrong_password' } });
    }
    expect(await s.dispatch('signIn', { name: '窓口 一', password: 'wrong-last' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'locked_out' } });
    expect(await s.dispatch('signIn', { name: '窓口 一', password: 'clerk-pass-1' })).toMatchObject({ ok: false, error: { reason: 'locked_out' } });
    // another account is not affected
    expect(await s.dispatch('signIn', { name: '監督 一', password: 'super-pass-1' })).toMatchObject({ ok: true });
  });

  it('records the signed-in clerk as the actor of a write, in the same transaction: a write whose entry cannot be stored is not made', async () => {
    const s = await start(dataDir);
    const me = await signInServices(s, TEST_ADMIN);
    const created = await s.dispatch('createCase', {});
    expect(created.ok).toBe(true);
    const caseId = (created as { value: { id: string } }).value.id;
    expect(trail(dataDir).at(-1)).toMatchObject({ actor: me.user!.id, event: 'case.created', case_id: caseId });
    expect(await s.dispatch('getCase', { caseId })).toMatchObject({ ok: true });
    expect(await s.dispatch('syncNow', {})).toMatchObject({ ok: true });
    expect(trail(dataDir).slice(-2)).toMatchObject([
      { actor: me.user!.id, event: 'case.opened', case_id: caseId },
      { actor: me.user!.id, event: 'queue.sent_now' },
    ]);

    const raw = new Database(path.join(dataDir, DB_FILE_NAME));
    raw.exec(`CREATE TRIGGER audit_full BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const cases = () => (raw.prepare('SELECT COUNT(*) AS n FROM visit_cases').get() as { n: number }).n;
    const before = cases();
    expect(await s.dispatch('createCase', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(cases()).toBe(before);
    raw.exec('DROP TRIGGER audit_full');
    raw.close();
  });
});

describe('demo mode (simulated back end)', { timeout: SLOW }, () => {
  it('has training accounts with the documented password, which cannot sign in once a real back end is configured', async () => {
    const dataDir = tempDir('acct-demo');
    const demo = await start(dataDir, { demo: true });
    expect(await demo.dispatch('getSession', {})).toMatchObject({ ok: true, value: { firstRun: false, demoPassword: DEMO_PASSWORD, demoAccounts: expect.arrayContaining([{ name: DEMO_CLERK.name, role: 'clerk' }]) as unknown } });
    expect(await demo.dispatch('signIn', DEMO_CLERK)).toMatchObject({ ok: true, value: { user: { name: DEMO_CLERK.name, demo: true } } });
    expect(await demo.dispatch('signIn', { ...DEMO_CLERK, password: `${DEMO_PASSWORD}x` })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // the documented password's hashes cost least (it guards nothing); a password a training 管理者 chooses
    // may be one its owner uses elsewhere: full cost
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    expect(await demo.dispatch('signIn', { name: admin.name, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(await demo.dispatch('createAccount', { name: '研修 新人', password: 'shinjin-pass-1', role: 'clerk' })).toMatchObject({ ok: true, value: { demo: true } });
    expect(storedCosts(dataDir)).toEqual({ ...Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.name, PUBLIC_PASSWORD_SCRYPT.N])), '研修 新人': SCRYPT_TUNING.N });
    expect(PUBLIC_PASSWORD_SCRYPT.N).toBeLessThan(SCRYPT_TUNING.N);
    await demo.close();
    running.splice(running.indexOf(demo), 1);

    // a real back end configured on the demo's data dir: the data dir itself refuses to open (its database is
    // stamped 研修モード, app-mode.ts), so its training accounts never reach a live counter
    await expect(start(dataDir)).rejects.toThrow(/研修モード（模擬バックエンド）用/);
    const live = await start(tempDir('acct-live'));
    expect(await live.dispatch('getSession', {})).toMatchObject({ ok: true, value: { firstRun: true, demoAccounts: [], demoPassword: null } });
    expect(await live.dispatch('signIn', DEMO_CLERK)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('cli user add and queue export', { timeout: SLOW }, () => {
  it('creates an account with the password from stdin, recorded with the OS user; queue export is recorded with the OS user too', async () => {
    const dataDir = tempDir('acct-cli');
    // a mistyped data dir is refused, not created: the app makes its database (with its own key store)
    const refused = await runCli(['user', 'add', '--data-dir', dataDir, '--name', '窓口 二', '--role', '窓口職員'], 60_000, 'cli-clerk-pass\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('データベースが見つかりません');
    await (await createAppServices({ dataDir, host: 'browser', appVersion: '1', ocr: 'off', log: () => {}, backendUrl: 'http://127.0.0.1:9' })).close();
    const added = await runCli(['user', 'add', '--data-dir', dataDir, '--name', '窓口 二', '--role', '窓口職員'], 60_000, 'cli-clerk-pass\n');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: '窓口 二', role: 'clerk' });
    expect(added.stdout + added.stderr).not.toContain('cli-clerk-pass');
    const short = await runCli(['user', 'add', '--data-dir', dataDir, '--name', '窓口 三', '--role', 'clerk'], 60_000, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('8文字以上');
    const badRole = await runCli(['user', 'add', '--data-dir', dataDir, '--name', '窓口 三', '--role', 'boss'], 60_000, 'long-enough-1\n');
    expect(badRole.code).toBe(2);

    const exported = await runCli(['queue', 'export', '--data-dir', dataDir, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    const osUser = `os:${os.userInfo().username}`;
    expect(trail(dataDir).filter((e) => e.actor.startsWith('os:')).map((e) => [e.actor, e.event])).toEqual([
      [osUser, 'account.created'],
      [osUser, 'export.queue'],
    ]);

    const s = await start(dataDir);
    expect(await s.dispatch('getSession', {})).toMatchObject({ ok: true, value: { firstRun: false } });
    expect(await s.dispatch('signIn', { name: '窓口 二', password: 'cli-clerk-pass' })).toMatchObject({ ok: true, value: { user: { role: 'clerk' } } });
  });
});
