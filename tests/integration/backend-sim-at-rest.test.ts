import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import { startBackendSim, tempDir, waitFor, type Proc } from '../support/processes';
import { filesWithModes, scanForPersonalData } from '../support/personal-data-scan';
import { FieldCipher } from '../../main/services/crypto/field-cipher';
import { SIM_DB_FILE, SimStore } from '../../main/backend-sim/sim-store';
import { signInServices } from '../support/sign-in';

/**
 * What the simulated back end leaves on disk (issue 10, defects 5 and 13): no request body in
 * plaintext in its database or WAL, files readable by the owner only, and no answer to a request
 * addressed to another host name (DNS rebinding).
 */
const NAMES = ['渡邉', '花子', 'わたなべ', '中之島', '大手前'];
const MY_NUMBER = '123456789018';

function application(): string {
  return JSON.stringify({
    applicationId: randomUUID(),
    formId: 'kokuho-shikaku',
    formVersion: 1,
    payload: { familyName: '渡邉', givenName: '花子', familyNameKana: 'わたなべ', myNumber: MY_NUMBER, newAddress: '大阪府大阪市北区中之島1-3-20' },
  });
}

async function post(base: string, body: string): Promise<number> {
  const res = await fetch(`${base}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body });
  await res.text();
  return res.status;
}

/** A raw request with the Host header we choose (fetch would not let us set it). */
function getWithHost(base: string, pathname: string, host: string): Promise<number> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: u.hostname, port: u.port, path: pathname, method: 'GET', headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const ownerOnly = (dir: string) => filesWithModes(dir).filter((f) => f.mode !== 0o600).map((f) => `${path.basename(f.file)} ${f.mode.toString(8)}`);

describe('backend-sim process at rest', () => {
  let dir: string;
  let sim: Proc;

  beforeAll(async () => {
    dir = tempDir('sim-rest');
    sim = await startBackendSim(dir, 0, ['--review-delay-ms', '50']);
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no name or 個人番号 in plaintext in any of its files, each readable by its owner only', async () => {
    for (let i = 0; i < 3; i++) expect(await post(sim.url, application())).toBe(201);
    // reviewed (the body is read back and decided) while the WAL still holds the pages
    await waitFor(async () => ((await (await fetch(`${sim.url}/v1/status-changes?after=0`)).json()) as { changes: unknown[] }).changes.length === 3, 10_000, 'review');
    expect(scanForPersonalData(dir, NAMES)).toEqual([]);
    expect(ownerOnly(dir)).toEqual([]);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses a request addressed to a foreign host name (DNS rebinding) with 421', async () => {
    const port = new URL(sim.url).port;
    expect(await getWithHost(sim.url, '/health', `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost(sim.url, '/health', `localhost:${port}`)).toBe(200);
    expect(await getWithHost(sim.url, '/admin/stats', 'attacker.example')).toBe(421);
    expect(await getWithHost(sim.url, '/admin/stats', `attacker.example:${port}`)).toBe(421);
    expect(await getWithHost(sim.url, '/v1/status-changes', `127.0.0.1:${Number(port) + 1}`)).toBe(421);
  });
});

describe('the embedded demo back end of the app services', () => {
  let dataDir: string;
  let services: AppServices;

  beforeAll(async () => {
    dataDir = tempDir('demo-rest');
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '0.0.0', ocr: 'off' });
    await signInServices(services);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no name or 個人番号 in plaintext anywhere under the data dir; its files are 0600', async () => {
    const info = await services.dispatch('getAppInfo', {});
    const backend = (info as { ok: true; value: { backend: { url: string; simulated: boolean } } }).value.backend;
    expect(backend.simulated).toBe(true);
    const r = await services.dispatch('submitApplication', {
      formId: 'jumin-ido-tenkyo',
      values: {
        familyName: '渡邉',
        givenName: '花子',
        familyNameKana: 'わたなべ',
        givenNameKana: 'はなこ',
        birthDate: '平成2年2月2日',
        newAddress: '大阪府大阪市北区中之島1-3-20',
        oldAddress: '大阪府大阪市中央区大手前2-1-22',
        moveDate: formatWareki(localIsoDate(Date.now() - 86_400_000)),
      },
    });
    expect(r.ok).toBe(true);
    await waitFor(async () => {
      const s = await services.dispatch('getQueueStats', {});
      return s.ok && (s.value as { accepted: number }).accepted === 1;
    }, 15_000, 'acceptance by the demo back end');
    // a form carrying a 個人番号, as the counter's sync would send it
    expect(await post(backend.url, application())).toBe(201);

    expect(scanForPersonalData(dataDir, NAMES)).toEqual([]);
    expect(ownerOnly(path.join(dataDir, 'demo-backend'))).toEqual([]);
  });
});

describe('the simulator store on disk', () => {
  const cipher = () => new FieldCipher(randomBytes(32));

  it('deletes a decided body after the retention period and still replays its receipt', () => {
    const dir = tempDir('sim-retention');
    const store = new SimStore(dir, cipher());
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 5);
    const body = application();
    const first = store.accept('k1', 'a1', 'kokuho-shikaku', body, t0);
    store.accept('k2', 'a2', 'kokuho-shikaku', application(), t0 + 6 * day);
    expect(store.review(0, () => null, t0 + 6 * day)).toBe(2);
    expect(store.purgeDecided(7, t0 + 6 * day)).toBe(0);
    expect(store.purgeDecided(7, t0 + 7 * day)).toBe(1);
    expect(store.accept('k1', 'a1', 'kokuho-shikaku', body, t0 + 8 * day)).toEqual({ receiptNumber: first.receiptNumber, replayed: true });
    store.close();
    const db = new Database(path.join(dir, SIM_DB_FILE), { readonly: true });
    expect(db.prepare('SELECT idempotency_key AS k, body_sealed IS NULL AS purged FROM applications ORDER BY seq').all()).toEqual([
      { k: 'k1', purged: 1 },
      { k: 'k2', purged: 0 },
    ]);
    db.close();
  });

  it('seals the plaintext bodies of a store written by an earlier version and leaves no trace of them', () => {
    const dir = tempDir('sim-legacy');
    const legacy = new Database(path.join(dir, SIM_DB_FILE));
    legacy.pragma('journal_mode = WAL');
    legacy.exec(`CREATE TABLE applications (seq INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE, application_id TEXT NOT NULL,
      form_id TEXT NOT NULL, body_sha256 TEXT NOT NULL, body_json TEXT NOT NULL, receipt_number TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL,
      received_ms INTEGER NOT NULL DEFAULT 0, review TEXT NOT NULL DEFAULT 'waiting')`);
    legacy.prepare(`INSERT INTO applications (idempotency_key, application_id, form_id, body_sha256, body_json, receipt_number, received_at) VALUES ('k', 'a', 'f', 'x', ?, 'R2026-000001', '')`).run(application());
    legacy.close();
    expect(scanForPersonalData(dir, NAMES)).not.toEqual([]);

    const store = new SimStore(dir, cipher());
    expect(store.review(0, (b) => ((b as { payload: { myNumber: string } }).payload.myNumber === MY_NUMBER ? null : 'wrong body'))).toBe(1);
    expect(store.reviewStats()).toEqual({ waiting: 0, returned: 0, completed: 1 });
    store.close();
    expect(scanForPersonalData(dir, NAMES)).toEqual([]);
    expect(ownerOnly(dir)).toEqual([]);
  });
});

describe('the simulator store after a key change', () => {
  it('returns (差戻し) an application whose body it can no longer open instead of leaving it waiting', () => {
    const dir = tempDir('sim-rekey');
    const before = new SimStore(dir, new FieldCipher(randomBytes(32)));
    before.accept('k', 'a', 'kokuho-shikaku', application());
    before.close();
    const after = new SimStore(dir, new FieldCipher(randomBytes(32)));
    expect(after.review(0, () => null)).toBe(1);
    expect(after.reviewStats()).toEqual({ waiting: 0, returned: 1, completed: 0 });
    expect(after.changesAfter(0, 10)[0]!.reason).toContain('再提出');
    after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
