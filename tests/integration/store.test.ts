import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DatabaseTooNewError, openDatabase, schemaVersion, type Db } from '../../main/services/store/open-database';
import { LATEST_SCHEMA_VERSION } from '../../main/services/store/migrations';
import { ApplicationRepository } from '../../main/services/store/application-repository';
import { tempDir } from '../support/processes';

const sample = { formId: 'jumin-ido-tenkyo', formVersion: 1, payload: { familyName: '山田' }, personName: '山田\u3000太郎' };

describe('local store (real SQLite file)', () => {
  const open: Db[] = [];
  const db = (file: string) => {
    const d = openDatabase(file);
    open.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of open.splice(0)) if (d.open) d.close();
  });

  it('opens with WAL, synchronous=FULL, foreign keys and the latest schema', () => {
    const d = db(path.join(tempDir('store'), 'ichimado.db'));
    expect(d.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(d.pragma('synchronous', { simple: true })).toBe(2);
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(d)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reopens an existing database without migrating twice and keeps its rows', () => {
    const file = path.join(tempDir('store'), 'ichimado.db');
    const first = db(file);
    new ApplicationRepository(first).enqueue(sample);
    first.close();
    const second = db(file);
    expect(schemaVersion(second)).toBe(LATEST_SCHEMA_VERSION);
    expect(new ApplicationRepository(second).stats().total).toBe(1);
  });

  it('refuses a database written by a newer version, with a Japanese message, and leaves it untouched', () => {
    const file = path.join(tempDir('store'), 'ichimado.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE future_only (x)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/新しいバージョン/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    again.close();
  });

  it('writes an application and its outbox row in one transaction: both or neither', () => {
    const d = db(path.join(tempDir('store'), 'ichimado.db'));
    const repo = new ApplicationRepository(d);
    const { id, idempotencyKey } = repo.enqueue(sample);
    expect(d.prepare('SELECT COUNT(*) AS n FROM outbox WHERE application_id = ?').get(id)).toEqual({ n: 1 });
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // Make the outbox insert fail: the application row must not survive alone.
    d.exec(`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`);
    expect(() => repo.enqueue(sample)).toThrow(/outbox refused/);
    expect(repo.stats().total).toBe(1);
  });

  it('keeps what is queued when the disk is full, and says so with SQLITE_FULL', () => {
    const d = db(path.join(tempDir('store'), 'ichimado.db'));
    const repo = new ApplicationRepository(d);
    repo.enqueue(sample);
    const pages = d.pragma('page_count', { simple: true }) as number;
    d.pragma(`max_page_count = ${pages}`);
    const big = { ...sample, payload: { note: 'x'.repeat(64 * 1024) } };
    let code: string | undefined;
    try {
      for (let i = 0; i < 10; i++) repo.enqueue(big);
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).toBe('SQLITE_FULL');
    expect(repo.stats()).toMatchObject({ total: 1, pending: 1 });
    expect(d.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('claims in capture order, recovers in-flight rows after a crash, and deletes the outbox row on acceptance', () => {
    let now = 1_000_000;
    const d = db(path.join(tempDir('store'), 'ichimado.db'));
    const repo = new ApplicationRepository(d, () => now);
    const ids = [1, 2, 3].map(() => repo.enqueue(sample).id);
    const claimed = repo.claimDue(2);
    expect(claimed.map((c) => c.applicationId)).toEqual(ids.slice(0, 2));
    expect(repo.stats()).toMatchObject({ pending: 1, inFlight: 2 });
    // "crash": nobody records the outcome
    expect(repo.recoverInFlight()).toBe(2);
    expect(repo.stats()).toMatchObject({ pending: 3, inFlight: 0 });

    const [first] = repo.claimDue(1);
    repo.markAccepted(first!.applicationId, 'R2026-000001');
    expect(d.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    const [second] = repo.claimDue(1);
    repo.markRetry(second!.applicationId, '基幹システムに接続できません', now + 5000);
    expect(repo.claimDue(5).map((c) => c.applicationId)).toEqual([ids[2]]);
    now += 5000;
    expect(repo.claimDue(5).map((c) => c.applicationId)).toEqual([ids[1]]);
    const items = repo.list({});
    expect(items.find((i) => i.id === ids[0])).toMatchObject({ status: 'accepted', receiptNumber: 'R2026-000001' });
    expect(items.find((i) => i.id === ids[1])).toMatchObject({ attempts: 1, lastError: '基幹システムに接続できません' });
  });

  it('does not order by the wall clock: a clock set back still claims in capture order', () => {
    let now = Date.UTC(2026, 10, 27);
    const d = db(path.join(tempDir('store'), 'ichimado.db'));
    const repo = new ApplicationRepository(d, () => now);
    const a = repo.enqueue(sample).id;
    now -= 86_400_000 * 365; // the PC clock jumps a year back
    const b = repo.enqueue(sample).id;
    expect(repo.claimDue(2).map((c) => c.applicationId)).toEqual([a, b]);
    expect(repo.list({}).map((i) => i.id)).toEqual([b, a]); // newest capture first
  });
});
