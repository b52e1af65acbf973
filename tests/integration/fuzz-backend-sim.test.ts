import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendSim, tempDir, type Proc } from '../support/processes';
import { anyJson, hostileString, mutateSeed, mutation, SAMPLE_MY_NUMBER } from '../support/fuzz/hostile';
import { LEAKS_INTERNALS, rawRequest, type RawAnswer } from '../support/fuzz/http-call';

/**
 * Property-based tests of the back-end simulator's HTTP endpoints, the simulator started as a real
 * process (`cli backend-sim`, with client-credentials auth so the token endpoint is there too):
 * random and hostile bodies, headers and queries never get a 5xx or a stack trace, every answer is
 * JSON, and a document the simulator's intake rule refuses stores nothing (its counters, review
 * states and status feed are unchanged).
 */

/** Runs per property (~600 requests, ~10 s); ICHIMADO_FUZZ_RUNS / ICHIMADO_FUZZ_SEED for a longer search. */
const NUM_RUNS = Number(process.env.ICHIMADO_FUZZ_RUNS ?? 100);
const FC_SEED = Number(process.env.ICHIMADO_FUZZ_SEED ?? 20261204);
const fcOptions = { numRuns: NUM_RUNS, seed: FC_SEED, endOnFailure: true } as const;

const CLIENT_ID = 'fuzz-counter';
const CLIENT_SECRET = 'fuzz-secret-not-a-real-one';
const MAX_SIM_BODY = 1024 * 1024;

let sim: Proc;
let token: string;
const counts = { requests: 0, refusedChecked: 0 };

/** What the back end holds, seen from outside: counters, review states and the whole status feed. */
async function observed(): Promise<string> {
  const [stats, review, feed] = await Promise.all([
    rawRequest(`${sim.url}/admin/stats`),
    rawRequest(`${sim.url}/admin/review-stats`),
    rawRequest(`${sim.url}/v1/status-changes?after=0`, { headers: { authorization: `Bearer ${token}` } }),
  ]);
  return JSON.stringify([stats.body, review.body, feed.body]);
}

function expectSafeAnswer(a: RawAnswer, what: string): unknown {
  expect(a.status, `${what}: ${a.body.slice(0, 200)}`).toBeLessThan(500);
  expect(a.contentType, what).toMatch(/^application\/json/);
  expect(a.body, what).not.toMatch(LEAKS_INTERNALS);
  const body = JSON.parse(a.body) as Record<string, unknown>;
  expect(body, what).toBeTypeOf('object');
  if (a.status >= 400) expect(typeof (body.reason ?? body.error), `${what}: a refusal says why`).toBe('string');
  return body;
}

/** The simulator's documented intake rule (sim-intake.ts), as a client reads it. */
function intakeAccepts(body: Buffer, key: string | undefined): boolean {
  if (!key || key.length > 200 || body.length > MAX_SIM_BODY) return false;
  let p: unknown;
  try {
    p = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;
  const d = p as Record<string, unknown>;
  if (d.schemaVersion !== undefined && d.schemaVersion !== 1) return false;
  return typeof d.applicationId === 'string' && typeof d.formId === 'string' && typeof d.payload === 'object' && d.payload !== null;
}

const validDocument = {
  schemaVersion: 1,
  applicationId: 'a1',
  formId: 'jumin-ido-tenkyo',
  payload: { familyName: '山田', givenName: '太郎', myNumber: SAMPLE_MY_NUMBER, address: '東京都千代田区千代田1-1' },
};

const headerSafe = fc.stringMatching(/^[!-~]{0,250}$/);
const idempotencyKey = fc.oneof(fc.constant(undefined), fc.constantFrom('', 'k'.repeat(200), 'k'.repeat(201), '__proto__'), fc.uuid(), headerSafe);

const intakeBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.tuple(fc.nat(), mutation(anyJson)).map(([, m]) => Buffer.from(JSON.stringify(mutateSeed(validDocument, m)) ?? 'null')),
  anyJson.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.constantFrom('null', '[]', '"text"', '1', 'true', '{', '', '{"applicationId":"a","formId":"f","payload":null}', '{"schemaVersion":"1"}').map((t) => Buffer.from(t)),
  fc.uint8Array({ maxLength: 100 }).map((u) => Buffer.from(u)),
);

beforeAll(async () => {
  sim = await startBackendSim(tempDir('fuzz-sim'), 0, ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET, '--review-delay-ms', '3600000']);
  const t = await rawRequest(`${sim.url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
  });
  token = (JSON.parse(t.body) as { access_token: string }).access_token;
}, 60_000);

afterAll(async () => {
  const code = await sim?.stop();
  process.stdout.write(`fuzz-backend-sim: ${counts.requests} requests, ${counts.refusedChecked} refused documents checked for no write; exit ${code}\n`);
});

describe('fuzzing the back-end simulator (a real process)', () => {
  it('POST /v1/applications: hostile and near-valid documents and keys; a refused one stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(intakeBody, idempotencyKey, async (body, key) => {
        counts.requests++;
        const accepts = intakeAccepts(body, key);
        const before = accepts ? null : await observed();
        const a = await rawRequest(`${sim.url}/v1/applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
          body,
        });
        expectSafeAnswer(a, 'intake');
        if (accepts) {
          expect([200, 201, 409], a.body).toContain(a.status);
        } else {
          counts.refusedChecked++;
          expect(a.status, a.body).toBeGreaterThanOrEqual(400);
          expect(await observed(), 'a refused document changed what the back end holds').toBe(before);
        }
      }),
      fcOptions,
    );
  }, 120_000);

  it('refuses a body over 1 MB with 413, storing nothing', async () => {
    const before = await observed();
    const big = JSON.stringify({ ...validDocument, payload: { note: 'x'.repeat(MAX_SIM_BODY) } });
    const a = await rawRequest(`${sim.url}/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'big-1' },
      body: big,
    });
    expectSafeAnswer(a, 'oversize');
    expect(a.status).toBe(413);
    expect(await observed()).toBe(before);
  });

  it('POST /v1/auth/token: hostile bodies get 4xx, never a token or a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson.map((v) => JSON.stringify(v) ?? 'null'),
          fc.constantFrom('null', '[]', '"x"', '{', '', '{"client_id":null}', JSON.stringify({ client_id: CLIENT_ID, client_secret: null })),
          fc.record({ client_id: fc.oneof(fc.constant(CLIENT_ID), hostileString), client_secret: fc.oneof(hostileString, fc.constant(CLIENT_SECRET.slice(1))) }).map((b) => JSON.stringify(b)),
        ),
        async (body) => {
          counts.requests++;
          const a = await rawRequest(`${sim.url}/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const r = expectSafeAnswer(a, 'token') as Record<string, unknown>;
          expect(a.status, a.body).toBeGreaterThanOrEqual(400);
          expect(r.access_token).toBeUndefined();
        },
      ),
      fcOptions,
    );
  }, 120_000);

  it('GET /v1/status-changes: hostile after/limit give JSON, never a 5xx', async () => {
    const param = fc.oneof(
      fc.constantFrom('', 'abc', '-1', '-99999999999', '1e400', 'NaN', 'Infinity', '0x10', ' 1', '1.5', '9'.repeat(400), '%', '%00'),
      fc.integer().map(String),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(param, param, async (after, limit) => {
        counts.requests++;
        const a = await rawRequest(`${sim.url}/v1/status-changes?after=${after}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
        const r = expectSafeAnswer(a, `status-changes after=${after} limit=${limit}`) as { changes?: unknown };
        if (a.status === 200) expect(Array.isArray(r.changes)).toBe(true);
      }),
      fcOptions,
    );
  }, 120_000);

  it('other paths and methods, and calls without a token, get a JSON 4xx', async () => {
    const path = fc.oneof(
      fc.constantFrom('/', '/v1', '/v1/', '/v1/applications/1', '/admin', '/v1/auth/token/x', '//', '/..%2f..%2fetc%2fpasswd', '/health/..', '/%00', '/v1/status-changes'),
      fc.webPath(),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), fc.boolean(), async (p, method, withToken) => {
        counts.requests++;
        const a = await rawRequest(`${sim.url}${p.startsWith('/') ? p : `/${p}`}`, {
          method,
          headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${token}` } : { authorization: 'Bearer forged' }) },
          body: method === 'GET' || method === 'OPTIONS' ? undefined : '{}',
        });
        expectSafeAnswer(a, `${method} ${p}`);
      }),
      fcOptions,
    );
  }, 120_000);

  it('is still up and answering after all of it', async () => {
    const a = await rawRequest(`${sim.url}/health`);
    expect(a.status).toBe(200);
    expect(sim.child.exitCode).toBeNull();
    expect(sim.output()).not.toMatch(/internal error/);
  });
});
