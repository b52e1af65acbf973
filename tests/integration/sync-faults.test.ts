import Database from 'better-sqlite3';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, runBundledCli } from '../support/cli-bundle';
import { getJson, readAppLog, waitFor } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { testScope, type Sim } from '../support/test-scope';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import { SyncEngine } from '../../main/services/sync/sync-engine';
import { ConnectorRouter } from '../../main/services/sync/connector-router';
import { HttpIntakeConnector } from '../../main/services/sync/http-intake-connector';

/**
 * The simulator's fault flags, each against a real queue file and `sync --until-empty` as IT staff
 * run it (the bundled CLI, its own process): whatever the fault, every application ends up
 * accepted at the counter and stored exactly once at the back end.
 */

const N = 60;
const SEED = '20260401';
const RECEIPT = /^R\d{4}-\d{6}$/;

const { defer, dir, sim } = testScope();

let bundle: string;
beforeAll(async () => {
  bundle = await cliBundle();
});

function startSim(flags: string[]): Promise<Sim> {
  return sim('faults-sim', ['--seed', SEED, ...flags]);
}

/** A counter's data dir with `n` synthetic applications (1–3 per visit case) queued. */
function queueWithSamples(n: number, seed: number): string {
  const d = dir('faults-queue');
  const { db, repo } = openTestQueue(d);
  repo.enqueueMany(sampleApplications(n, seed));
  db.close();
  return d;
}

interface SyncResult {
  emptied: boolean;
  total: number;
  pending: number;
  inFlight: number;
  accepted: number;
  completed: number;
  failed: number;
}

async function syncCli(dataDir: string, url: string, extra: string[] = []): Promise<{ out: SyncResult; ms: number }> {
  const t0 = Date.now();
  const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--backend', url, '--until-empty', '--timeout-s', '60', ...extra], 75_000);
  const ms = Date.now() - t0;
  expect(r.code, `${r.stderr}\n${r.stdout}`).toBe(0);
  return { out: JSON.parse(r.stdout) as SyncResult, ms };
}

async function simStats(url: string) {
  return (await getJson(`${url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };
}

/** What the back end actually stored, read from its own SQLite file. */
function simStored(simDir: string): { idempotencyKey: string; applicationId: string; receiptNumber: string }[] {
  const db = new Database(path.join(simDir, 'backend-sim.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT idempotency_key AS idempotencyKey, application_id AS applicationId, receipt_number AS receiptNumber FROM applications').all() as {
      idempotencyKey: string; applicationId: string; receiptNumber: string;
    }[];
  } finally {
    db.close();
  }
}

/** Every counter-side application, with its key and receipt, straight from the queue file. */
function counterRows(dataDir: string): { id: string; idempotencyKey: string; status: string; receiptNumber: string | null; statusReason: string | null; caseId: string; caseOrder: number }[] {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT id, idempotency_key AS idempotencyKey, status, receipt_number AS receiptNumber, status_reason AS statusReason,
                case_id AS caseId, case_order AS caseOrder FROM applications ORDER BY seq`,
      )
      .all() as ReturnType<typeof counterRows>;
  } finally {
    db.close();
  }
}

const logEvents = readAppLog;

/**
 * Exactly once, checked on both sides: each counter application is accepted with the receipt the
 * back end stored under its idempotency key, and the back end stored each key once.
 */
async function expectExactlyOnce(dataDir: string, sim: Sim, n: number): Promise<{ applications: number; duplicateDeliveries: number }> {
  const rows = counterRows(dataDir);
  expect(rows).toHaveLength(n);
  for (const r of rows) expect(r, r.id).toMatchObject({ status: 'accepted', receiptNumber: expect.stringMatching(RECEIPT) as unknown });
  const stored = simStored(sim.dataDir);
  expect(stored).toHaveLength(n);
  const byKey = new Map(stored.map((s) => [s.idempotencyKey, s]));
  for (const r of rows) expect(byKey.get(r.idempotencyKey), r.id).toEqual({ idempotencyKey: r.idempotencyKey, applicationId: r.id, receiptNumber: r.receiptNumber });
  const stats = await simStats(sim.url);
  expect(stats.applications).toBe(n);
  return stats;
}

describe('sync --until-empty against each simulator fault', () => {
  it('5xx storm (--fail-rate 0.5): every application delivered once, after retries', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--fail-rate', '0.5']);
    const dataDir = queueWithSamples(N, 11);
    const { out } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N, pending: 0, inFlight: 0, failed: 0 });
    const stats = await expectExactlyOnce(dataDir, sim, N);
    // a 503 is answered before anything is stored: nothing to replay
    expect(stats.duplicateDeliveries).toBe(0);
    const retries503 = logEvents(dataDir).filter((e) => e.event === 'sync.retry' && String(e.reason).includes('HTTP 503'));
    expect(retries503.length).toBeGreaterThan(10); // the storm really happened
  });

  it('429 with Retry-After (--rate-limit-rate 0.3 --retry-after-s 1): waits at least the Retry-After, then delivers once', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--rate-limit-rate', '0.3', '--retry-after-s', '1']);
    const dataDir = queueWithSamples(N, 12);
    const { out, ms } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N, failed: 0 });
    const stats = await expectExactlyOnce(dataDir, sim, N);
    expect(stats.duplicateDeliveries).toBe(0);
    const retries429 = logEvents(dataDir).filter((e) => e.event === 'sync.retry' && String(e.reason).includes('HTTP 429'));
    expect(retries429.length).toBeGreaterThan(0);
    // each 429 was rescheduled no earlier than Retry-After (the CLI's own backoff cap is 5 s, base 200 ms)
    for (const e of retries429) expect(e.delayMs).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it('reply lost after commit (--drop-after-commit-rate 0.3): resent with the same key, replayed, stored once', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--drop-after-commit-rate', '0.3']);
    const dataDir = queueWithSamples(N, 13);
    const { out } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N, failed: 0 });
    const stats = await expectExactlyOnce(dataDir, sim, N);
    expect(stats.duplicateDeliveries).toBeGreaterThan(0);
    const lost = logEvents(dataDir).filter((e) => e.event === 'sync.retry');
    // every replay at the back end is a resend after a lost reply, nothing more
    expect(lost.length).toBeGreaterThanOrEqual(stats.duplicateDeliveries);
  });

  it('slow bodies (--slow-body-ms 400): trickled answers are awaited, not cut off and resent', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--slow-body-ms', '400']);
    const dataDir = queueWithSamples(N, 14);
    const { out, ms } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N, failed: 0 });
    const stats = await expectExactlyOnce(dataDir, sim, N);
    expect(stats.duplicateDeliveries).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(400);
  });

  it('latency (--latency-ms 50): delivered once', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--latency-ms', '50']);
    const dataDir = queueWithSamples(N, 15);
    const { out } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N, failed: 0 });
    expect((await expectExactlyOnce(dataDir, sim, N)).duplicateDeliveries).toBe(0);
  });
});

describe('status feed with duplicates (--duplicate-status-rate 0.5 --review-delay-ms 200)', () => {
  it('brings every application to 完了 exactly once; duplicated and re-read feed entries do no harm', { timeout: 60_000 }, async () => {
    const sim = await startSim(['--duplicate-status-rate', '0.5', '--review-delay-ms', '200']);
    const dataDir = queueWithSamples(N, 16);
    const first = await syncCli(dataDir, sim.url, ['--with-status']);
    expect(first.out).toMatchObject({ emptied: true, total: N, failed: 0, returned: 0 });
    const completedByCli = first.out.completed;
    expect(first.out.accepted + completedByCli).toBe(N);

    // the rest of the decisions, pulled as the app does (the CLI polls once at its end)
    const { db, repo } = openTestQueue(dataDir);
    defer(() => db.open && db.close());
    const connector = new HttpIntakeConnector({ baseUrl: sim.url, timeoutMs: 5000 });
    defer(() => connector.close());
    const engine = new SyncEngine(repo, ConnectorRouter.single(connector));
    let applied = 0;
    await waitFor(
      async () => {
        applied += await engine.pollStatusOnce();
        return repo.stats().completed === N;
      },
      20_000,
      'every application to be 完了',
    );
    expect(completedByCli + applied).toBe(N); // each application changed once, never twice
    expect(repo.stats()).toEqual({ total: N, pending: 0, inFlight: 0, delivered: 0, accepted: 0, returned: 0, completed: N, failed: 0 });
    expect(repo.list({ status: 'completed', limit: N }).items.every((i) => i.statusReason === null)).toBe(true);

    // the feed really did carry duplicates
    const feed = (await getJson(`${sim.url}/v1/status-changes?after=0&limit=500`)) as { changes: { receiptNumber: string; status: string }[] };
    expect(new Set(feed.changes.map((c) => c.receiptNumber)).size).toBe(N);
    expect(feed.changes.length).toBeGreaterThan(N);

    // read again from the start (a lost cursor): nothing changes a second time
    const completedAt = db.prepare(`SELECT id, completed_at FROM applications ORDER BY id`).all();
    db.prepare(`UPDATE status_cursors SET cursor = '0'`).run();
    expect(await engine.pollStatusOnce()).toBe(0);
    expect(await engine.pollStatusOnce()).toBe(0);
    expect(db.prepare(`SELECT id, completed_at FROM applications ORDER BY id`).all()).toEqual(completedAt);
    expect(repo.stats().completed).toBe(N);
  });
});

describe('a corrupt payload in the queue file', () => {
  it('fails only that application with a Japanese reason; the rest, its own visit case included, are delivered', { timeout: 60_000 }, async () => {
    const sim = await startSim([]);
    const dataDir = queueWithSamples(N, 17);
    // the first application of a visit case with more than one: it must not hold back the others
    const rows = counterRows(dataDir);
    const victim = rows.find((r) => r.caseOrder === 0 && rows.some((o) => o.caseId === r.caseId && o.caseOrder > 0))!;
    expect(victim).toBeDefined();
    const raw = new Database(path.join(dataDir, DB_FILE_NAME));
    // looks like a version-1 field (format byte 1) but the tag cannot verify
    expect(raw.prepare('UPDATE applications SET payload_enc = ? WHERE id = ?').run(Buffer.concat([Buffer.from([1]), randomBytes(90)]), victim.id).changes).toBe(1);
    raw.close();

    const { out } = await syncCli(dataDir, sim.url);
    expect(out).toMatchObject({ emptied: true, total: N, accepted: N - 1, failed: 1, pending: 0, inFlight: 0 });

    const after = counterRows(dataDir);
    const bad = after.find((r) => r.id === victim.id)!;
    expect(bad.status).toBe('failed');
    expect(bad.receiptNumber).toBeNull();
    expect(bad.statusReason).toMatch(/破損/);
    expect(bad.statusReason).toMatch(/^[^\x00-\x7f]/); // Japanese, for the clerk — not an exception text
    for (const r of after.filter((x) => x.id !== victim.id)) expect(r.status, r.id).toBe('accepted');
    expect(after.filter((r) => r.caseId === victim.caseId && r.id !== victim.id).length).toBeGreaterThan(0);

    // never sent: the back end has the other N - 1, each once
    const stored = simStored(sim.dataDir);
    expect(stored).toHaveLength(N - 1);
    expect(stored.some((s) => s.applicationId === victim.id)).toBe(false);
    expect(await simStats(sim.url)).toEqual({ applications: N - 1, duplicateDeliveries: 0 });
    expect(logEvents(dataDir).filter((e) => e.event === 'sync.refused_before_send').map((e) => e.applicationId)).toEqual([victim.id]);
  });
});
