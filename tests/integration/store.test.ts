import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, DatabaseTooNewError, openStore, schemaVersion, type Db } from '../../main/services/store/open-database';
import { LATEST_SCHEMA_VERSION } from '../../main/services/store/migrations';
import { migration0001 } from '../../main/services/store/migrations/0001-initial';
import { ApplicationRepository, type RepositoryOptions } from '../../main/services/store/application-repository';
import { DatabaseKeyMismatchError, DatabaseKeyMissingError } from '../../main/services/crypto/key-errors';
import { KEY_FILE_NAME } from '../../main/services/crypto/key-store';
import { tempDir } from '../support/processes';
import { testApp } from '../support/queue';

const NAME = '髙橋\u3000一郎';
const ADDRESS = '東京都港区芝公園一丁目1番1号';
const sample = (caseId?: string, caseOrder = 0) => testApp({ newAddress: ADDRESS }, NAME, caseId, caseOrder);

describe('local store (real SQLite file)', () => {
  const open: Db[] = [];
  const openAt = (dir: string, opts: RepositoryOptions = {}) => {
    const s = openStore(path.join(dir, DB_FILE_NAME));
    open.push(s.db);
    return { ...s, repo: new ApplicationRepository(s.db, s.cipher, opts) };
  };
  afterEach(() => {
    for (const d of open.splice(0)) if (d.open) d.close();
  });

  it('opens with WAL, synchronous=FULL, foreign keys, secure delete and the latest schema', () => {
    const { db } = openAt(tempDir('store'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reopens an existing database without migrating twice and keeps its rows', () => {
    const dir = tempDir('store');
    const first = openAt(dir);
    first.repo.enqueue(sample());
    first.db.close();
    const second = openAt(dir);
    expect(schemaVersion(second.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(second.repo.stats().total).toBe(1);
    expect(second.repo.list({}).items[0]!.personName).toBe(NAME);
  });

  it('refuses a database written by a newer version, with a Japanese message, and leaves it untouched', () => {
    const dir = tempDir('store');
    const file = path.join(dir, DB_FILE_NAME);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE future_only (x)');
    raw.close();
    expect(() => openStore(file)).toThrow(DatabaseTooNewError);
    expect(() => openStore(file)).toThrow(/新しいバージョン/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(again.prepare(`SELECT name FROM sqlite_master WHERE name = 'future_only'`).get()).toBeTruthy();
    again.close();
  });

  it('keeps no plaintext personal data in the database file or its WAL', () => {
    const dir = tempDir('store');
    const { repo, db } = openAt(dir);
    for (let i = 0; i < 20; i++) repo.enqueue(sample());
    const bytes = Buffer.concat([fs.readFileSync(path.join(dir, DB_FILE_NAME)), fs.readFileSync(path.join(dir, `${DB_FILE_NAME}-wal`))]);
    for (const secret of ['髙橋', '一郎', '芝公園', 'newAddress']) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    expect(fs.statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('migrates a version-1 database: plaintext moved into encrypted columns and erased from the file', () => {
    const dir = tempDir('store');
    const file = path.join(dir, DB_FILE_NAME);
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    v1.transaction(() => {
      migration0001.up(v1, undefined as never);
      v1.pragma('user_version = 1');
    })();
    v1.prepare(
      `INSERT INTO applications VALUES ('a1', 1, 'jumin-ido-tenkyo', 1, ?, ?, 'key-1', 'accepted', 'R2026-000001', NULL, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    ).run(JSON.stringify({ newAddress: ADDRESS }), NAME);
    v1.prepare(`INSERT INTO applications VALUES ('a2', 2, 'jumin-ido-tenkyo', 1, '{}', '佐藤\u3000花子', 'key-2', 'pending', NULL, NULL, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run();
    v1.prepare(`INSERT INTO outbox (application_id) VALUES ('a2')`).run();
    v1.close();

    const { repo, db } = openAt(dir);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(repo.stats()).toMatchObject({ total: 2, accepted: 1, pending: 1 });
    expect(repo.list({ status: 'accepted' }).items[0]).toMatchObject({ personName: NAME, receiptNumber: 'R2026-000001' });
    expect(repo.payloadOf('a1')?.payload).toEqual({ newAddress: ADDRESS });
    expect(repo.claimDue(5).map((e) => e.idempotencyKey)).toEqual(['key-2']);
    const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    for (const secret of ['髙橋', '芝公園', '佐藤']) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
  });

  it('refuses to start without its key, or with another key, and changes nothing', () => {
    const dir = tempDir('store');
    const first = openAt(dir);
    first.repo.enqueue(sample());
    first.db.close();
    const keyFile = path.join(dir, KEY_FILE_NAME);
    const key = fs.readFileSync(keyFile);
    fs.rmSync(keyFile);
    expect(() => openStore(path.join(dir, DB_FILE_NAME))).toThrow(DatabaseKeyMissingError);
    expect(() => openStore(path.join(dir, DB_FILE_NAME))).toThrow(/暗号鍵が見つかりません/);
    expect(fs.existsSync(keyFile)).toBe(false); // no new key was made over the old data
    fs.writeFileSync(keyFile, Buffer.alloc(32, 7).toString('base64'), { mode: 0o600 });
    expect(() => openStore(path.join(dir, DB_FILE_NAME))).toThrow(DatabaseKeyMismatchError);
    fs.writeFileSync(keyFile, key);
    expect(openAt(dir).repo.stats().total).toBe(1);
  });

  it('writes applications and their outbox rows in one transaction: all or none', () => {
    const { db, repo } = openAt(tempDir('store'));
    const { id, idempotencyKey } = repo.enqueue(sample());
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE application_id = ?').get(id)).toEqual({ n: 1 });
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    // Make the third outbox insert fail: none of the three applications may survive.
    db.exec(`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox WHEN (SELECT COUNT(*) FROM outbox) >= 3 BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`);
    expect(() => repo.enqueueMany([sample(), sample(), sample()])).toThrow(/outbox refused/);
    expect(repo.stats().total).toBe(1);
  });

  it('keeps what is queued when the disk is full, and says so with SQLITE_FULL', () => {
    const { db, repo } = openAt(tempDir('store'));
    repo.enqueue(sample());
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let code: string | undefined;
    try {
      for (let i = 0; i < 10; i++) repo.enqueue(testApp({ note: 'x'.repeat(64 * 1024) }));
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).toBe('SQLITE_FULL');
    expect(repo.stats()).toMatchObject({ total: 1, pending: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('delivers a visit case in order, different cases side by side', () => {
    const { repo } = openAt(tempDir('store'));
    const a = [0, 1, 2].map((i) => repo.enqueue(sample('case-a', i)).id);
    const b = [0, 1].map((i) => repo.enqueue(sample('case-b', i)).id);
    expect(repo.claimDue(10).map((e) => e.applicationId)).toEqual([a[0], b[0]]);
    repo.markAccepted(a[0]!, 'R1');
    expect(repo.claimDue(10).map((e) => e.applicationId)).toEqual([a[1]]); // b[1] waits for b[0], still in flight
    repo.markRetry(b[0]!, 'down', 0);
    expect(repo.claimDue(10).map((e) => e.applicationId)).toEqual([b[0]]);
  });

  it('recovers in-flight rows after a crash and deletes the outbox row on acceptance', () => {
    let now = 1_000_000;
    const { db, repo } = openAt(tempDir('store'), { now: () => now });
    const ids = [1, 2, 3].map(() => repo.enqueue(sample()).id);
    expect(repo.claimDue(2).map((c) => c.applicationId)).toEqual(ids.slice(0, 2));
    expect(repo.stats()).toMatchObject({ pending: 1, inFlight: 2 });
    expect(repo.recoverInFlight()).toBe(2);
    expect(repo.stats()).toMatchObject({ pending: 3, inFlight: 0 });
    const [first] = repo.claimDue(1);
    repo.markAccepted(first!.applicationId, 'R2026-000001');
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    const [second] = repo.claimDue(1);
    repo.markRetry(second!.applicationId, '基幹システムに接続できません', now + 5000);
    expect(repo.claimDue(5).map((c) => c.applicationId)).toEqual([ids[2]]);
    now += 5000;
    expect(repo.claimDue(5).map((c) => c.applicationId)).toEqual([ids[1]]);
    const items = repo.list({}).items;
    expect(items.find((i) => i.id === ids[0])).toMatchObject({ status: 'accepted', receiptNumber: 'R2026-000001' });
    expect(items.find((i) => i.id === ids[1])).toMatchObject({ attempts: 1, lastError: '基幹システムに接続できません' });
  });

  it('survives clock jumps: capture order is kept, and a retry scheduled before the clock went back is not parked', () => {
    let now = Date.UTC(2026, 10, 27);
    const { repo } = openAt(tempDir('store'), { now: () => now, maxRetryDelayMs: 60_000 });
    const a = repo.enqueue(sample()).id;
    repo.claimDue(1);
    repo.markRetry(a, 'down', now + 30_000);
    now -= 86_400_000 * 365; // the PC clock jumps a year back
    const b = repo.enqueue(sample()).id;
    expect(repo.nextAttemptAt()).toBeLessThanOrEqual(now);
    expect(repo.claimDue(2).map((c) => c.applicationId)).toEqual([a, b]);
    expect(repo.list({}).items.map((i) => i.id)).toEqual([b, a]); // newest capture first
  });

  it('corrects a 差戻し as a new linked version, not a duplicate', () => {
    const { repo } = openAt(tempDir('store'));
    const first = repo.enqueue(sample('case-c', 0)).id;
    repo.claimDue(1);
    repo.markAccepted(first, 'R2026-000009');
    expect(repo.applyStatusChanges([{ receiptNumber: 'R2026-000009', status: 'returned', reason: '住所が見つかりません' }], 'sim', '1')).toBe(1);
    const fixed = repo.enqueue({ ...sample('case-c', 0), supersedesId: first }).id;
    expect(() => repo.enqueue({ ...sample('case-c', 0), supersedesId: first })).toThrow(/すでに修正版/);
    const items = repo.list({}).items;
    expect(items.map((i) => [i.id, i.version, i.status])).toEqual([[fixed, 2, 'pending']]);
    expect(repo.stats()).toMatchObject({ total: 1, pending: 1, returned: 0 });
    const [entry] = repo.claimDue(1);
    expect(entry).toMatchObject({ applicationId: fixed, version: 2, supersedesReceipt: 'R2026-000009' });
  });

  it('cancels only what has not been handed over', () => {
    const { repo } = openAt(tempDir('store'));
    const a = repo.enqueue(sample()).id;
    const b = repo.enqueue(sample()).id;
    repo.claimDue(1);
    repo.markAccepted(a, 'R1');
    expect(repo.cancel(a)).toBe('not_cancellable');
    expect(repo.cancel(b)).toBe('cancelled');
    expect(repo.cancel('nope')).toBe('not_found');
    expect(repo.claimDue(5)).toEqual([]);
    expect(repo.stats()).toMatchObject({ total: 1, accepted: 1, pending: 0 });
    expect(repo.list({ status: 'cancelled' }).total).toBe(1);
  });

  it('applies status changes idempotently and completes with a time', () => {
    const { repo } = openAt(tempDir('store'));
    const a = repo.enqueue(sample()).id;
    repo.claimDue(1);
    repo.markAccepted(a, 'R7');
    const done = { receiptNumber: 'R7', status: 'completed' as const, reason: null };
    expect(repo.applyStatusChanges([done, done], 'sim', '5')).toBe(1);
    expect(repo.applyStatusChanges([done], 'sim', '6')).toBe(0);
    expect(repo.applyStatusChanges([{ receiptNumber: 'R-unknown', status: 'completed', reason: null }], 'sim', '7')).toBe(0);
    expect(repo.statusCursor('sim')).toBe('7');
    expect(repo.stats()).toMatchObject({ completed: 1, accepted: 0 });
  });

  it('purges personal data of finished applications after the retention period, keeping the receipt', () => {
    let now = Date.UTC(2026, 10, 1);
    const { repo } = openAt(tempDir('store'), { now: () => now });
    const done = repo.enqueue(sample()).id;
    const open = repo.enqueue(sample()).id;
    repo.claimDue(2);
    repo.markAccepted(done, 'R1');
    repo.markAccepted(open, 'R2');
    repo.applyStatusChanges([{ receiptNumber: 'R1', status: 'completed', reason: null }], 'sim', '1');
    now += 6 * 86_400_000;
    expect(repo.purgeFinished(7)).toBe(0);
    now += 2 * 86_400_000;
    expect(repo.purgeFinished(7)).toBe(1);
    const purged = repo.list({}).items.find((i) => i.id === done)!;
    expect(purged).toMatchObject({ status: 'completed', receiptNumber: 'R1', personName: '（保存期間経過のため削除済み）' });
    expect(repo.payloadOf(done)).toBeNull();
    expect(repo.payloadOf(open)?.payload).toEqual({ newAddress: ADDRESS });
    // a clock set back must not purge by a calendar it has already passed
    now -= 3 * 86_400_000;
    expect(repo.purgeFinished(0)).toBe(0);
  });

  // (the 100k-row timing lives in npm run bench:queue)
  it('answers the queue screen by page, with the filtered total', () => {
    const { repo } = openAt(tempDir('store'));
    const apps = Array.from({ length: 2000 }, (_, i) => sample(`case-${i % 500}`, Math.floor(i / 500)));
    for (let i = 0; i < 3; i++) repo.enqueueMany(apps);
    const page = repo.list({ status: 'pending', offset: 3000, limit: 50 });
    expect(page.total).toBe(6000);
    expect(page.items).toHaveLength(50);
    expect(repo.list({ caseId: 'case-7', limit: 500 }).total).toBe(12);
    expect(repo.list({ fromDay: '2000-01-01', toDay: '2000-01-02' }).total).toBe(0);
  });
});
