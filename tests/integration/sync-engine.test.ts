import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/services/store/open-database';
import { CANCEL_TOO_LATE_REASON, type ApplicationRepository } from '../../main/services/store/application-repository';
import { ConnectorRouter } from '../../main/services/sync/connector-router';
import { testScope } from '../support/test-scope';
import { openTestQueue, testApp } from '../support/queue';
import { HttpIntakeConnector } from '../../main/services/sync/http-intake-connector';
import { SyncEngine, type SyncEngineOptions } from '../../main/services/sync/sync-engine';
import { intakeDocument, type IntakeConnector } from '../../main/services/sync/intake-connector';
import { getJson, tempDir, waitFor, type Proc } from '../support/processes';

/**
 * The sync engine against real SQLite files and a real back end over HTTP: the simulator in its
 * own process, or — for faults the simulator cannot produce — a tiny scripted server in this file.
 */

const RECEIPT = /^R\d{4}-\d{6}$/;

// ---------------------------------------------------------------- resources, cleaned after each test

const { defer, dir, sim: startSim } = testScope();

function openStore(d: string, now?: () => number): { db: Db; repo: ApplicationRepository } {
  const { db, repo } = openTestQueue(d, now ? { now } : {});
  defer(() => db.open && db.close());
  return { db, repo };
}

function freshStore(now?: () => number) {
  const d = dir('sync');
  return { dir: d, ...openStore(d, now) };
}

function sim(dataDir?: string, port?: number): Promise<Proc> {
  return startSim('sync-sim', [], { dataDir, port });
}

function engine(repo: ApplicationRepository, baseUrl: string, opts: SyncEngineOptions = {}): SyncEngine {
  const e = new SyncEngine(repo, ConnectorRouter.single(new HttpIntakeConnector({ baseUrl, timeoutMs: 3000 })), { backoffBaseMs: 50, backoffCapMs: 500, ...opts });
  defer(() => e.stop());
  return e;
}

function enqueue(repo: ApplicationRepository, n: number, payload: (i: number) => Record<string, unknown> = (i) => ({ i })) {
  return Array.from({ length: n }, (_, i) => repo.enqueue(testApp(payload(i), `住民 ${i}`)));
}

async function simStats(url: string) {
  return (await getJson(`${url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };
}

function port(url: string): number {
  return Number(new URL(url).port);
}

// ---------------------------------------------------------------- a scripted back end for faults

interface Delivery {
  key: string;
  applicationId: string;
  payload: Record<string, unknown>;
  at: number;
}

/**
 * A minimal intake that plays a script: `reply` decides per request. It records every request it
 * received (`deliveries`) and, like a real back end, stores one application per idempotency key.
 */
async function scriptedBackend(reply: (d: Delivery, n: number, res: http.ServerResponse, store: () => string) => void) {
  const deliveries: Delivery[] = [];
  const stored = new Map<string, string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/health') return void res.end('{}');
      const json = JSON.parse(body) as { applicationId: string; payload: Record<string, unknown> };
      const d: Delivery = { key: String(req.headers['idempotency-key']), applicationId: json.applicationId, payload: json.payload, at: Date.now() };
      deliveries.push(d);
      const n = deliveries.filter((x) => x.key === d.key).length;
      /** commits the application (once per key) and returns its receipt */
      const store = () => {
        if (!stored.has(d.key)) stored.set(d.key, `R2026-${String(stored.size + 1).padStart(6, '0')}`);
        return stored.get(d.key)!;
      };
      reply(d, n, res, store);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, deliveries, stored };
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

// ---------------------------------------------------------------- tests

describe('SyncEngine against the simulator process', () => {
  it('delivers 20 queued applications, each once, each with its own receipt', async () => {
    const backend = await sim();
    const { dir, db, repo } = freshStore();
    const ids = enqueue(repo, 20).map((a) => a.id);

    expect(await engine(repo, backend.url).runUntilEmpty(15_000)).toBe(true);

    expect(await simStats(backend.url)).toEqual({ applications: 20, duplicateDeliveries: 0 });
    db.close();
    // what is on disk, through a new connection
    const { repo: reopened } = openStore(dir);
    expect(reopened.stats()).toEqual({ total: 20, pending: 0, inFlight: 0, delivered: 0, accepted: 20, returned: 0, completed: 0, failed: 0 });
    const items = reopened.list({}).items;
    expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
    for (const item of items) {
      expect(item.status).toBe('accepted');
      expect(item.receiptNumber).toMatch(RECEIPT);
    }
    expect(new Set(items.map((i) => i.receiptNumber)).size).toBe(20);
    expect(reopened.nextAttemptAt()).toBeNull();
  });

  it('keeps everything pending with backoff while the back end is down, then delivers each exactly once when it is back', async () => {
    const simDir = tempDir('sync-sim-down');
    defer(() => fs.rmSync(simDir, { recursive: true, force: true }));
    const first = await sim(simDir);
    const url = first.url;
    await first.stop();

    const { repo } = freshStore();
    enqueue(repo, 5);
    const e = engine(repo, url, { concurrency: 8, backoffBaseMs: 1000, backoffCapMs: 60_000, random: () => 0.5 });
    const t0 = Date.now();
    expect(await e.drainOnce()).toBe(5);

    expect(repo.stats()).toMatchObject({ total: 5, pending: 5, inFlight: 0, accepted: 0, failed: 0 });
    for (const item of repo.list({}).items) {
      expect(item.attempts).toBe(1);
      expect(item.lastError).toBe('基幹システムに接続できません');
      expect(item.receiptNumber).toBeNull();
    }
    // full jitter with random 0.5 on a 1000 ms base: the next try is 500 ms out, not now
    expect(repo.nextAttemptAt()).toBeGreaterThanOrEqual(t0 + 500);
    expect(await e.drainOnce()).toBe(0);
    expect(e.status().connection).toBe('offline');
    // a bounded run against the dead back end gives up without losing or failing anything
    expect(await e.runUntilEmpty(1200)).toBe(false);
    expect(repo.stats()).toMatchObject({ total: 5, pending: 5, failed: 0 });
    for (const item of repo.list({}).items) expect(item.attempts).toBeGreaterThanOrEqual(2);

    const again = await sim(simDir, port(url));
    expect(again.url).toBe(url);
    expect(await e.runUntilEmpty(15_000)).toBe(true);

    expect(repo.stats()).toMatchObject({ total: 5, pending: 0, accepted: 5 });
    expect(await simStats(url)).toEqual({ applications: 5, duplicateDeliveries: 0 });
    expect(new Set(repo.list({}).items.map((i) => i.receiptNumber)).size).toBe(5);
    expect(e.status().connection).toBe('online');
  });

  it.each(['runUntilEmpty', 'start'] as const)(
    'after a crash with an application in flight, %s resends it with the same key and keeps the replayed receipt',
    async (how) => {
      const backend = await sim();
      const { dir, db, repo } = freshStore();
      const [app] = enqueue(repo, 1);
      // the crashed process: claimed, delivered, but the outcome never written down
      const claimed = repo.claimDue(10);
      expect(claimed.map((c) => c.idempotencyKey)).toEqual([app!.idempotencyKey]);
      const outcome = await new HttpIntakeConnector({ baseUrl: backend.url }).deliver(claimed[0]!, intakeDocument(claimed[0]!, JSON.parse(claimed[0]!.payloadJson!) as Record<string, unknown>));
      expect(outcome.kind).toBe('accepted');
      const receipt = (outcome as { receiptNumber: string }).receiptNumber;
      db.close();

      const { repo: after } = openStore(dir);
      expect(after.stats()).toMatchObject({ total: 1, inFlight: 1 });
      const e = engine(after, backend.url);
      if (how === 'runUntilEmpty') expect(await e.runUntilEmpty(10_000)).toBe(true);
      else {
        e.start();
        await waitFor(() => after.stats().accepted === 1, 10_000, 'the recovered application to be accepted');
      }

      expect(after.stats()).toMatchObject({ total: 1, inFlight: 0, pending: 0, accepted: 1 });
      expect(after.list({}).items[0]).toMatchObject({ id: app!.id, status: 'accepted', receiptNumber: receipt });
      expect(await simStats(backend.url)).toEqual({ applications: 1, duplicateDeliveries: 1 });
    },
  );

  it('an application claimed but never sent before a crash is delivered after restart, once', async () => {
    const backend = await sim();
    const { dir, db, repo } = freshStore();
    enqueue(repo, 3);
    expect(repo.claimDue(2)).toHaveLength(2);
    db.close();

    const { repo: after } = openStore(dir);
    expect(await engine(after, backend.url).runUntilEmpty(10_000)).toBe(true);
    expect(after.stats()).toMatchObject({ total: 3, accepted: 3 });
    expect(await simStats(backend.url)).toEqual({ applications: 3, duplicateDeliveries: 0 });
  });

  it('background loop: delivers what is enqueued after start() on kick, reports online, then offline when the back end goes away, and catches up when it returns', async () => {
    const simDir = tempDir('sync-sim-loop');
    defer(() => fs.rmSync(simDir, { recursive: true, force: true }));
    const backend = await sim(simDir);
    const { repo } = freshStore();
    // long probe interval: only a kick (or a due retry) can make the loop act within this test
    const e = engine(repo, backend.url, { probeIntervalMs: 60_000 });
    e.start();
    await waitFor(() => e.status().connection === 'online', 5000, 'the first probe');

    const [a] = enqueue(repo, 1);
    e.kick();
    await waitFor(() => repo.list({ status: 'accepted' }).items.length === 1, 5000, 'delivery after kick');
    expect(repo.list({}).items[0]).toMatchObject({ id: a!.id, receiptNumber: expect.stringMatching(RECEIPT) });
    expect(e.status()).toMatchObject({ connection: 'online', sending: false, lastError: null });
    expect(e.status().lastSuccessAt).not.toBeNull();

    await backend.stop();
    enqueue(repo, 1);
    e.kick();
    await waitFor(() => e.status().connection === 'offline', 5000, 'offline after a failed send');
    expect(e.status().lastError).toBe('基幹システムに接続できません');
    await waitFor(() => (repo.list({ status: 'pending' }).items[0]?.attempts ?? 0) > 0, 5000, 'a recorded failed attempt');
    expect(repo.stats()).toMatchObject({ total: 2, accepted: 1, failed: 0 });

    // the back end returns on the same address: the due retry goes through without a kick
    await sim(simDir, port(backend.url));
    await waitFor(() => repo.stats().accepted === 2, 10_000, 'catch-up delivery');
    expect(e.status().connection).toBe('online');
    expect(await simStats(backend.url)).toEqual({ applications: 2, duplicateDeliveries: 0 });

    const t = Date.now();
    await e.stop();
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('SyncEngine against a scripted back end (faults the simulator cannot produce)', () => {
  it.each([503, 429])('HTTP %i with Retry-After: 2 is not retried before 2 s have passed', async (status) => {
    const backend = await scriptedBackend((_d, n, res, store) =>
      n === 1 ? json(res, status, { reason: 'busy' }, { 'retry-after': '2' }) : json(res, 201, { receiptNumber: store() }),
    );
    let clock = Date.UTC(2026, 3, 1, 0, 0, 0);
    const { repo } = freshStore(() => clock);
    const t0 = clock;
    enqueue(repo, 1);
    // random 0: the jittered backoff alone would retry at once, so any wait comes from Retry-After
    const e = engine(repo, backend.url, { now: () => clock, random: () => 0 });

    expect(await e.drainOnce()).toBe(1);
    expect(repo.nextAttemptAt()).toBe(t0 + 2000);
    expect(repo.list({}).items[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: `基幹システムが一時的に受け付けられません（HTTP ${status}）` });
    expect(e.status().connection).toBe('online');

    clock = t0 + 1999;
    expect(await e.drainOnce()).toBe(0);
    expect(backend.deliveries).toHaveLength(1);

    clock = t0 + 2000;
    expect(await e.drainOnce()).toBe(1);
    expect(backend.deliveries).toHaveLength(2);
    expect(repo.list({}).items[0]).toMatchObject({ status: 'accepted', receiptNumber: 'R2026-000001' });
  });

  it('with the real clock, runUntilEmpty waits out Retry-After before resending', async () => {
    const backend = await scriptedBackend((_d, n, res, store) =>
      n === 1 ? json(res, 503, {}, { 'retry-after': '2' }) : json(res, 201, { receiptNumber: store() }),
    );
    const { repo } = freshStore();
    enqueue(repo, 1);
    expect(await engine(repo, backend.url).runUntilEmpty(10_000)).toBe(true);
    expect(backend.deliveries).toHaveLength(2);
    expect(backend.deliveries[1]!.at - backend.deliveries[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(repo.stats()).toMatchObject({ accepted: 1 });
  });

  it('a 409 or 422 for one application marks only that one failed, with the back end reason; the rest go through', async () => {
    const backend = await scriptedBackend((d, _n, res, store) => {
      if (d.payload.bad === 'conflict') return json(res, 409, { reason: '同じ受付キーで異なる内容が送られました' });
      if (d.payload.bad === 'invalid') return json(res, 422, { reason: '転入日が未来の日付です' });
      json(res, 201, { receiptNumber: store() });
    });
    const { repo } = freshStore();
    // the poison items come first in capture order; one at a time, so they would block the rest
    const apps = enqueue(repo, 5, (i) => (i === 0 ? { bad: 'invalid' } : i === 1 ? { bad: 'conflict' } : { i }));
    const e = engine(repo, backend.url, { concurrency: 1 });

    expect(await e.runUntilEmpty(10_000)).toBe(true);

    expect(repo.stats()).toMatchObject({ total: 5, accepted: 3, failed: 2, pending: 0, inFlight: 0 });
    const byId = new Map(repo.list({}).items.map((i) => [i.id, i]));
    expect(byId.get(apps[0]!.id)).toMatchObject({ status: 'failed', statusReason: '転入日が未来の日付です', receiptNumber: null });
    expect(byId.get(apps[1]!.id)).toMatchObject({ status: 'failed', statusReason: '同じ受付キーで異なる内容が送られました', receiptNumber: null });
    for (const a of apps.slice(2)) expect(byId.get(a.id)).toMatchObject({ status: 'accepted', receiptNumber: expect.stringMatching(RECEIPT) });
    // a refusal is final: each poison item was sent once, never retried
    expect(backend.deliveries.filter((d) => d.key === apps[0]!.idempotencyKey)).toHaveLength(1);
    expect(backend.deliveries.filter((d) => d.key === apps[1]!.idempotencyKey)).toHaveLength(1);
    expect(repo.nextAttemptAt()).toBeNull();
  });

  it.each([
    ['before any byte of the reply', (res: http.ServerResponse) => res.socket?.destroy()],
    [
      'half-way through the reply body',
      (res: http.ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' });
        res.write('{"receiptNum');
        setTimeout(() => res.socket?.destroy(), 20);
      },
    ],
  ])('a reply lost %s after the back end committed is retried and stored once', async (_when, dropReply) => {
    const backend = await scriptedBackend((_d, n, res, store) => {
      const receipt = store();
      if (n === 1) dropReply(res);
      else json(res, 200, { receiptNumber: receipt, replayed: true });
    });
    const { repo } = freshStore();
    const others = enqueue(repo, 3);

    expect(await engine(repo, backend.url).runUntilEmpty(10_000)).toBe(true);

    // every application was sent twice (the first reply lost), under one key, and stored once
    expect(backend.stored.size).toBe(3);
    expect(backend.deliveries).toHaveLength(6);
    for (const a of others) {
      const sent = backend.deliveries.filter((d) => d.applicationId === a.id);
      expect(sent.map((d) => d.key)).toEqual([a.idempotencyKey, a.idempotencyKey]);
    }
    expect(repo.stats()).toMatchObject({ total: 3, accepted: 3 });
    for (const item of repo.list({}).items) {
      const a = others.find((o) => o.id === item.id)!;
      expect(item.receiptNumber).toBe(backend.stored.get(a.idempotencyKey));
    }
  });

  it.each([
    [404, '一時的に受け付けられません'],
    [401, '認証に失敗しました'],
    [403, '認証に失敗しました'],
    [408, '一時的に受け付けられません'],
  ])('HTTP %i is about the link or credentials, not the content: kept pending and retried', async (status, message) => {
    const backend = await scriptedBackend((_d, n, res, store) => (n === 1 ? json(res, status, {}) : json(res, 201, { receiptNumber: store() })));
    let clock = Date.UTC(2026, 3, 1);
    const { repo } = freshStore(() => clock);
    enqueue(repo, 1);
    const e = engine(repo, backend.url, { now: () => clock, random: () => 0.5, backoffBaseMs: 1000 });
    expect(await e.drainOnce()).toBe(1);
    expect(repo.list({}).items[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining(message) as unknown });
    clock += 1000;
    expect(await e.drainOnce()).toBe(1);
    expect(repo.stats()).toMatchObject({ accepted: 1, failed: 0 });
  });
});

describe('取消 pressed while an attempt is on the wire', () => {
  /** a back end that holds each request until the test says how to answer it */
  async function heldBackend() {
    const waiting: ((answer: (res: http.ServerResponse, store: () => string) => void) => void)[] = [];
    const backend = await scriptedBackend((_d, _n, res, store) => waiting.push((answer) => answer(res, store)));
    const held = async () => {
      await waitFor(() => waiting.length > 0, 5000);
      return waiting.shift()!;
    };
    return { ...backend, held };
  }

  it.each([
    ['a 503 (to be retried)', (res: http.ServerResponse) => json(res, 503, {})],
    ['a 422 refusal', (res: http.ServerResponse) => json(res, 422, { reason: '転入日が未来の日付です' })],
  ])('ends in 取消 when the attempt ends in %s, and is never sent again', async (_what, answer) => {
    const backend = await heldBackend();
    const { dir, db, repo } = freshStore();
    const [app] = enqueue(repo, 1);
    const e = engine(repo, backend.url);
    const attempt = e.drainOnce();
    const release = await backend.held();
    expect(repo.list({}).items[0]).toMatchObject({ status: 'in_flight', cancelRequested: false });

    expect(repo.cancel(app!.id)).toBe('requested');
    expect(repo.list({}).items[0]).toMatchObject({ status: 'in_flight', cancelRequested: true });
    release((res) => answer(res));
    await attempt;

    expect(repo.list({ status: 'cancelled' }).items[0]).toMatchObject({ id: app!.id, status: 'cancelled', cancelRequested: false });
    expect(repo.stats()).toMatchObject({ total: 0, pending: 0, failed: 0 });
    expect(repo.nextAttemptAt()).toBeNull();
    expect(await e.runUntilEmpty(1000)).toBe(true);
    expect(backend.deliveries).toHaveLength(1);
    db.close();
    expect(openStore(dir).repo.list({ status: 'cancelled' }).total).toBe(1);
  });

  it('stays 受理 when the attempt delivered it, with a note that the 取消 came too late', async () => {
    const backend = await heldBackend();
    const { repo } = freshStore();
    const [app] = enqueue(repo, 1);
    const attempt = engine(repo, backend.url).drainOnce();
    const release = await backend.held();
    expect(repo.cancel(app!.id)).toBe('requested');
    release((res, store) => json(res, 201, { receiptNumber: store() }));
    await attempt;
    expect(repo.list({}).items[0]).toMatchObject({ status: 'accepted', receiptNumber: 'R2026-000001', cancelRequested: false, statusReason: CANCEL_TOO_LATE_REASON });
  });

  it('a crash mid-attempt: the 取消 asked for is kept on disk and applied at restart instead of a resend', async () => {
    const backend = await heldBackend();
    const { dir, db, repo } = freshStore();
    const [kept, cancelled] = enqueue(repo, 2);
    void engine(repo, backend.url, { concurrency: 2 }).drainOnce().catch(() => undefined);
    await backend.held();
    await backend.held();
    expect(repo.cancel(cancelled!.id)).toBe('requested');
    db.close(); // the process dies with both requests unanswered

    const { repo: after } = openStore(dir);
    expect(after.recoverInFlight()).toBe(2);
    expect(after.list({}).items.map((i) => [i.id, i.status])).toEqual([[kept!.id, 'pending']]);
    expect(after.list({ status: 'cancelled' }).items.map((i) => i.id)).toEqual([cancelled!.id]);
  });
});

describe('SyncEngine lifecycle', () => {
  it('stop() during a probe returns at once, not after another probe interval', async () => {
    const { repo } = freshStore();
    let probes = 0;
    let releaseProbe: (up: boolean) => void = () => {};
    const connector: IntakeConnector = {
      id: 'fake',
      pollStatus: async () => null,
      deliver: () => Promise.reject(new Error('nothing is queued')),
      // the first probe answers at once; the second hangs until the test releases it
      probe: () => (++probes === 1 ? Promise.resolve(false) : new Promise<boolean>((r) => (releaseProbe = r))),
    };
    const e = new SyncEngine(repo, ConnectorRouter.single(connector), { probeIntervalMs: 1000 });
    e.start();
    await waitFor(() => probes === 2, 5000, 'the second probe'); // one idle period has timed out by now
    const t = Date.now();
    const stopped = e.stop();
    releaseProbe(false);
    await stopped;
    expect(Date.now() - t).toBeLessThan(500);
  });
});
