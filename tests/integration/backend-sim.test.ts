import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startBackendSim, tempDir, type Proc } from '../support/processes';

/** The back-end simulator, run as its own process and spoken to over HTTP, as the app does. */

const RECEIPT = /^R(\d{4})-\d{6}$/;

interface Reply {
  status: number;
  json: Record<string, unknown>;
}

async function post(base: string, key: string | undefined, body: string): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  const res = await fetch(`${base}/v1/applications`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
}

function application(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ applicationId: randomUUID(), formId: 'tenkyo', formVersion: 1, payload: { name: '山田 太郎', ...extra } });
}

async function stats(base: string): Promise<{ applications: number; duplicateDeliveries: number }> {
  return (await getJson(`${base}/admin/stats`)) as { applications: number; duplicateDeliveries: number };
}

describe('backend-sim process: POST /v1/applications', () => {
  let dir: string;
  let sim: Proc;

  beforeAll(async () => {
    dir = tempDir('sim');
    sim = await startBackendSim(dir);
  });

  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('GET /health answers 200', async () => {
    const res = await fetch(`${sim.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('a new key is accepted with 201 and a receipt R<year>-<6 digits>', async () => {
    const before = await stats(sim.url);
    const r = await post(sim.url, randomUUID(), application());
    expect(r.status).toBe(201);
    expect(r.json.receiptNumber).toMatch(RECEIPT);
    expect(Number(RECEIPT.exec(r.json.receiptNumber as string)![1])).toBe(new Date().getUTCFullYear());
    expect(r.json.replayed).toBe(false);
    expect(await stats(sim.url)).toEqual({ applications: before.applications + 1, duplicateDeliveries: before.duplicateDeliveries });
  });

  it('the same key and body again → 200 with the same receipt, counted as one duplicate delivery, not a second application', async () => {
    const key = randomUUID();
    const body = application();
    const first = await post(sim.url, key, body);
    expect(first.status).toBe(201);
    const before = await stats(sim.url);

    const again = await post(sim.url, key, body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ receiptNumber: first.json.receiptNumber, replayed: true });
    expect(await stats(sim.url)).toEqual({ applications: before.applications, duplicateDeliveries: before.duplicateDeliveries + 1 });
  });

  it('the same key with a different body → 409 and nothing stored or counted', async () => {
    const key = randomUUID();
    expect((await post(sim.url, key, application())).status).toBe(201);
    const before = await stats(sim.url);

    const clash = await post(sim.url, key, application({ changed: true }));
    expect(clash.status).toBe(409);
    expect(typeof clash.json.reason).toBe('string');
    expect(await stats(sim.url)).toEqual(before);
  });

  it.each([
    ['no Idempotency-Key header', undefined, application(), 400],
    ['a body that is not JSON', randomUUID(), '{"applicationId": "a", ', 400],
    ['no payload', randomUUID(), JSON.stringify({ applicationId: 'a', formId: 'tenkyo' }), 422],
    ['no applicationId', randomUUID(), JSON.stringify({ formId: 'tenkyo', payload: {} }), 422],
    ['a payload that is not an object', randomUUID(), JSON.stringify({ applicationId: 'a', formId: 'tenkyo', payload: 'x' }), 422],
  ])('%s → HTTP %i with a reason, nothing stored', async (_what, key, body, status) => {
    const before = await stats(sim.url);
    const r = await post(sim.url, key, body);
    expect(r.status).toBe(status);
    expect(typeof r.json.reason).toBe('string');
    expect(r.json).not.toHaveProperty('receiptNumber');
    expect(await stats(sim.url)).toEqual(before);
  });

  it('a body of exactly 1 MiB is still accepted', async () => {
    const skeleton = application({ filler: '' });
    const body = skeleton.replace('"filler":""', `"filler":"${'x'.repeat(1024 * 1024 - Buffer.byteLength(skeleton))}"`);
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    expect((await post(sim.url, randomUUID(), body)).status).toBe(201);
  });

  // PRODUCT BUG (main/backend-sim/sim-server.ts:30-32): readBody() calls req.destroy() as soon as the
  // body passes MAX_BODY, which destroys the socket, so the 413 written afterwards never reaches the
  // client: fetch fails with "other side closed" / ECONNRESET instead. Remove `.fails` once fixed.
  it('a body over 1 MiB → 413 (and nothing stored)', async () => {
    const before = await stats(sim.url);
    const r = await post(sim.url, randomUUID(), application({ filler: 'x'.repeat(1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(await stats(sim.url)).toEqual(before);
  });

  it('a body over 1 MiB is not stored (whatever the reply) and the simulator keeps serving', async () => {
    const before = await stats(sim.url);
    await post(sim.url, randomUUID(), application({ filler: 'x'.repeat(2 * 1024 * 1024) })).catch(() => undefined);
    expect(await stats(sim.url)).toEqual(before);
    expect((await post(sim.url, randomUUID(), application())).status).toBe(201);
  });
});

describe('backend-sim process: durability across a restart on the same data dir', () => {
  let dir: string;
  let sim: Proc | undefined;

  beforeAll(() => {
    dir = tempDir('sim-restart');
  });

  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepted applications, the duplicate counter and receipts survive; new receipts stay unique', async () => {
    sim = await startBackendSim(dir);
    const sent: { key: string; body: string; receipt: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const key = randomUUID();
      const body = application({ i });
      const r = await post(sim.url, key, body);
      expect(r.status).toBe(201);
      sent.push({ key, body, receipt: r.json.receiptNumber as string });
    }
    expect((await post(sim.url, sent[0]!.key, sent[0]!.body)).status).toBe(200);
    expect(await stats(sim.url)).toEqual({ applications: 3, duplicateDeliveries: 1 });

    expect(await sim.stop()).toBe(0); // SIGTERM: a clean shutdown
    sim = await startBackendSim(dir);

    expect(await stats(sim.url)).toEqual({ applications: 3, duplicateDeliveries: 1 });
    for (const s of sent) {
      const replay = await post(sim.url, s.key, s.body);
      expect(replay.status).toBe(200);
      expect(replay.json.receiptNumber).toBe(s.receipt);
    }
    const fresh = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(sim.url, randomUUID(), application({ after: i }));
      expect(r.status).toBe(201);
      fresh.push(r.json.receiptNumber as string);
    }
    const all = [...sent.map((s) => s.receipt), ...fresh];
    expect(new Set(all).size).toBe(all.length);
    for (const r of all) expect(r).toMatch(RECEIPT);
    expect(await stats(sim.url)).toEqual({ applications: 6, duplicateDeliveries: 4 });
  });

  it('an application acknowledged just before a hard kill (SIGKILL) is still there after the restart', async () => {
    sim = await startBackendSim(dir);
    const before = await stats(sim.url);
    const key = randomUUID();
    const body = application({ killed: true });
    const r = await post(sim.url, key, body);
    expect(r.status).toBe(201);

    await sim.stop('SIGKILL');
    sim = await startBackendSim(dir);

    expect((await stats(sim.url)).applications).toBe(before.applications + 1);
    const replay = await post(sim.url, key, body);
    expect(replay.status).toBe(200);
    expect(replay.json.receiptNumber).toBe(r.json.receiptNumber);
  });
});
