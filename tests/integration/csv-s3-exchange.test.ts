import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { cliBundle, crashSyncBundle, runBundledCli } from '../support/cli-bundle';
import { getJson, readAppLog, startTs, tempDir, waitFor, type Proc } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { startS3Server, type S3Server } from '../support/s3-server';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { parseCsv } from '../../common/forms/csv-profile';
import { SyncEngine } from '../../main/services/sync/sync-engine';
import { ConnectorRouter, buildConnector, connectorContext, type ConnectorHooks } from '../../main/services/sync/connector-router';
import { checkStoredPayload, intakePayload } from '../../main/services/sync/payload-checks';
import { loadConfig, type Config } from '../../main/services/config';
import type { ApplicationRepository, NewApplication } from '../../main/services/store/application-repository';

/**
 * ファイル連携 to S3-compatible object storage, as a city meets it: a real S3 server process (s3rver),
 * the simulator as a real process watching the bucket (`backend-sim --csv-s3-endpoint`), the counter's
 * `cli sync` or its sync engine delivering into the same bucket from config.json's `csv-s3` connector.
 */
const PREFIX = 'city/';

let s3: S3Server;
let sim: Proc;
let bundle: string;
let client: S3Client;

function s3Config(credentialsFile = s3.credentialsFile, bucket = s3.bucket): Config {
  return {
    city: { prefecture: '東京都', municipality: '千代田区', code: '131016' },
    connectors: { default: { type: 'csv-s3', endpoint: s3.endpoint, bucket, prefix: PREFIX, credentialsFile } },
  };
}

function counter(name: string, apps: NewApplication[], config: Config = s3Config()): string {
  const dataDir = tempDir(name);
  const { db, repo } = openTestQueue(dataDir);
  if (apps.length > 0) repo.enqueueMany(apps);
  db.close();
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config));
  return dataDir;
}

async function keys(under: string): Promise<string[]> {
  const r = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: PREFIX + under }));
  return (r.Contents ?? []).map((o) => o.Key!.slice(PREFIX.length + under.length)).filter((k) => !k.includes('/'));
}

async function object(key: string): Promise<string> {
  const r = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: PREFIX + key }));
  return r.Body!.transformToString('utf8');
}

const simStats = async () => (await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };

/** the sync engine of the app, on a real queue, with the connector config.json describes */
function engineFor(dataDir: string, hooks: ConnectorHooks = {}): { repo: ApplicationRepository; engine: SyncEngine; close(): void } {
  const { db, repo } = openTestQueue(dataDir);
  const config = loadConfig(dataDir);
  const router = new ConnectorRouter(buildConnector(config.connectors!.default!, connectorContext(dataDir, config), hooks));
  const engine = new SyncEngine(repo, router, { backoffBaseMs: 50, backoffCapMs: 300, checkPayload: checkStoredPayload, toIntakePayload: intakePayload });
  return { repo, engine, close: () => (router.close(), db.close()) };
}

beforeAll(async () => {
  [s3, bundle] = await Promise.all([startS3Server(), cliBundle()]);
  client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  // duplicate and late result files, an unreachable bucket a fifth of the time, slow result writes
  sim = await startTs(
    'main/cli/main.ts',
    [
      'backend-sim', '--port', '0', '--data-dir', tempDir('s3-sim'), '--csv-s3-endpoint', s3.endpoint, '--csv-bucket', s3.bucket, '--csv-prefix', PREFIX,
      '--csv-credentials-file', s3.credentialsFile, '--review-delay-ms', '1500', '--csv-duplicate-result-rate', '0.5', '--csv-late-result-rate', '0.5',
      '--csv-unavailable-rate', '0.2', '--csv-slow-write-ms', '30', '--seed', '3',
    ],
    /backend-sim listening: (\S+)/,
  );
}, 60_000);

/** A wait on the simulator that timed out says what the simulator said (its last lines). */
function withSimOutput(err: unknown): never {
  throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- backend-sim (last lines) ---\n${sim.output().split('\n').slice(-30).join('\n')}`);
}

afterAll(async () => {
  await sim?.stop();
  client?.destroy();
  await s3?.stop();
});

describe('csv-s3: delivery into a bucket, results pulled back by polling', () => {
  it('cli sync from config.json: 送信済 on placement, 取込済 → 受理, 本登録 → 完了, 差戻し with its reason; duplicate and late results change nothing', { timeout: 60_000 }, async () => {
    const apps = sampleApplications(4, 81);
    apps[3]!.payload = { ...apps[3]!.payload, newAddress: '東京都千代田区不明町1-1' };
    const dataDir = counter('s3-flow', apps);
    const status = async () => {
      const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--with-status']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, number>;
    };
    const first = await status();
    expect(first).toMatchObject({ emptied: true, total: 4, pending: 0, failed: 0 });
    // nothing is 受理 before the back end said 取込済
    expect(first.delivered! + first.accepted!).toBe(4);

    const end = await waitFor(async () => {
      const s = await status();
      return s.completed === 3 && s.returned === 1 ? s : undefined;
    }, 40_000, '3 完了 and 1 差戻し');
    expect(end).toMatchObject({ delivered: 0, accepted: 0, failed: 0 });
    const processed = await keys('inbox/processed/');
    expect(processed.filter((k) => k.endsWith('.manifest.json'))).toHaveLength(4);
    expect(await keys('inbox/')).toEqual([]);
    const manifest = JSON.parse(await object(`inbox/processed/${processed.find((k) => k.endsWith('.manifest.json'))!}`)) as Record<string, unknown>;
    expect(manifest).toMatchObject({ 形式: 'ichimado-csv-manifest/1', 版: 1, 団体コード: '131016', 業務ID: '001', 行数: 1 });

    // late and duplicate result files arrive after the decisions: still 3 完了 and 1 差戻し. A late file can be
    // written just after the sync that took the decisions listed the results: the counter's next polls take it
    await waitFor(async () => {
      await status();
      return (await keys('results/')).length === 0 && (await keys('results/processed/')).some((k) => k.includes('.late.'));
    }, 20_000, 'late results read').catch(withSimOutput);
    expect(await status()).toMatchObject({ completed: 3, returned: 1, accepted: 0, delivered: 0 });
    const { db } = openTestQueue(dataDir);
    const reasons = db.prepare(`SELECT status_reason AS r FROM applications WHERE status = 'returned'`).all() as { r: string }[];
    db.close();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.r).toBeTruthy();
    expect((await keys('results/processed/')).some((k) => k.includes('.dup.'))).toBe(true);
  });

  it('a value with a comma, a quote and a newline goes through the simulator\'s importer and reads back the same', { timeout: 40_000 }, async () => {
    const address = '東京都千代田区霞が関1-2-3 "別館",4階\n北棟';
    const [app] = sampleApplications(1, 82);
    app!.payload = { ...app!.payload, newAddress: address };
    const dataDir = counter('s3-quote', [app!]);
    const { repo, engine, close } = engineFor(dataDir);
    // (a newline is not something the form lets a clerk type: the stored-form check is bypassed to reach the CSV)
    const raw = new SyncEngine(repo, new ConnectorRouter(buildConnector(loadConfig(dataDir).connectors!.default!, connectorContext(dataDir, loadConfig(dataDir)))), {
      checkPayload: () => null,
      toIntakePayload: intakePayload,
    });
    try {
      expect(await raw.runUntilEmpty(20_000)).toBe(true);
      const key = repo.list({}).items[0]!.receiptNumber!;
      await waitFor(async () => {
        await engine.pollStatusOnce();
        return repo.stats().accepted + repo.stats().completed === 1;
      }, 20_000, '取込済 from the importer');
      expect(repo.stats().failed).toBe(0);
      // the simulator writes its 取込済 before it sets the files aside: the CSV reaches processed/ a moment later
      await waitFor(async () => (await keys('inbox/processed/')).includes(`${key}.csv`), 20_000, 'the CSV set aside').catch(withSimOutput);
      const csv = await object(`inbox/processed/${key}.csv`);
      expect(csv).toContain('"東京都千代田区霞が関1-2-3 ""別館"",4階\n北棟"');
      const [header, row, ...more] = parseCsv(csv);
      expect(more).toEqual([]);
      expect(row![header!.indexOf('住所')]).toBe(address);
    } finally {
      close();
    }
  });

  it('the same 申請番号 with the same content is a no-op at the receiver; different content is refused (取込エラー) and shows as 要対応', { timeout: 40_000 }, async () => {
    const dataDir = counter('s3-same-key', sampleApplications(1, 83));
    const { repo, engine, close } = engineFor(dataDir);
    try {
      expect(await engine.runUntilEmpty(20_000)).toBe(true);
      const base = repo.list({}).items[0]!.receiptNumber!;
      // the simulator sets the manifest aside first, then the CSV: both are waited for
      await waitFor(async () => {
        const done = await keys('inbox/processed/');
        return done.includes(`${base}.manifest.json`) && done.includes(`${base}.csv`);
      }, 15_000, 'import').catch(withSimOutput);
      const before = await simStats();
      const csv = await object(`inbox/processed/${base}.csv`);
      const manifest = JSON.parse(await object(`inbox/processed/${base}.manifest.json`)) as Record<string, unknown>;
      const put = (name: string, body: string) => client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}inbox/${name}`, Body: body }));
      // the same two objects again (a counter that stored them twice): nothing new
      await put(`${base}.csv`, csv);
      await put(`${base}.manifest.json`, JSON.stringify(manifest));
      await waitFor(async () => (await simStats()).duplicateDeliveries === before.duplicateDeliveries + 1, 10_000, 'replay seen');
      expect((await simStats()).applications).toBe(before.applications);
      // (and set aside: the replay's CSV must be gone before a new one goes under the same name)
      await waitFor(async () => (await keys('inbox/')).length === 0, 10_000, 'replay set aside');

      // different content under the same 申請番号 and 版
      const other = csv.replace(/\r\n([^,]*),([^,]*),/, '\r\n$1,別人\u3000太郎,');
      await put(`${base}.csv`, other);
      await put(`${base}.manifest.json`, JSON.stringify({ ...manifest, SHA256: createHash('sha256').update(other).digest('hex') }));
      const failed = await waitFor(async () => {
        await engine.pollStatusOnce();
        return repo.list({ status: 'failed' }).items[0];
      }, 30_000, '要対応').catch(async (err: unknown) => {
        throw new Error(`${String(err)}; results ${JSON.stringify(await keys('results/'))} processed ${JSON.stringify((await keys('results/processed/')).filter((k) => k.startsWith(base)))} inbox ${JSON.stringify(await keys('inbox/'))} status ${JSON.stringify(repo.list({}).items.map((i) => i.status))}`);
      });
      expect(failed.statusReason).toBe('同じ申請番号・版で内容の異なるデータが届きました');
    } finally {
      close();
    }
  });

  it('a result for an unknown 申請番号 is set aside under results/unknown/ and logged, never applied', { timeout: 20_000 }, async () => {
    const dataDir = counter('s3-unknown', []);
    await client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}results/nobody_v1.registered.json`, Body: JSON.stringify({ 申請番号: '00000000-0000-4000-8000-000000000000', 版: 1, 結果: '本登録', 日時: new Date().toISOString() }) }),
    );
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--with-status']);
    expect(r.code, r.stderr).toBe(0);
    expect(await keys('results/unknown/')).toContain('nobody_v1.registered.json');
    expect(await keys('results/')).not.toContain('nobody_v1.registered.json');
    expect(readAppLog(dataDir).some((l) => l.event === 'sync.result_unknown' && Number(l.count) >= 1)).toBe(true);
  });
});

describe('csv-s3 faults', () => {
  // (s3rver checks the access key id, not SigV4 signatures: an unknown key is its way to refuse)
  it('the server refusing (unknown key, no such bucket): the application stays 送信待ち with the reason, and goes once the config is right', { timeout: 30_000 }, async () => {
    const wrongKey = path.join(tempDir('s3-wrong'), 'cred.json');
    fs.writeFileSync(wrongKey, JSON.stringify({ accessKeyId: 'NOT-A-KEY', secretAccessKey: 'not-the-secret' }), { mode: 0o600 });
    const dataDir = counter('s3-refused', sampleApplications(1, 84), s3Config(wrongKey));
    // a few seconds: the first attempt must finish within them (a bundled CLI's start and the SDK's first request
    // took over a second on a loaded 2-core machine, and the run ended before any attempt had been refused)
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--timeout-s', '4']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ pending: 1, delivered: 0, failed: 0 });
    expect(readAppLog(dataDir).some((l) => l.event === 'sync.retry' && String(l.reason).includes('オブジェクトストレージが書き込みを拒否しました'))).toBe(true);

    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(s3Config(s3.credentialsFile, 'no-such-bucket')));
    const r2 = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--timeout-s', '4']);
    expect(r2.code).toBe(3);
    expect(readAppLog(dataDir).some((l) => l.event === 'sync.retry' && String(l.reason).includes('バケット「no-such-bucket」がありません'))).toBe(true);

    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(s3Config()));
    const ok = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ pending: 0, failed: 0 });
  });

  it('a missing or loosely readable credentials file stops the sync with a clear message naming it', { timeout: 20_000 }, async () => {
    const dir = tempDir('s3-cred-bad');
    const missing = path.join(dir, 'none.json');
    const loose = path.join(dir, 'loose.json');
    fs.writeFileSync(loose, JSON.stringify({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }), { mode: 0o644 });
    fs.chmodSync(loose, 0o644);
    for (const [file, says] of [[missing, 'がありません'], [loose, '他の利用者も読めます']] as const) {
      const dataDir = counter('s3-cred', sampleApplications(1, 85), s3Config(file));
      const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`オブジェクトストレージの認証情報ファイル ${file} `);
      expect(r.stderr).toContain(says);
    }
  });

  it('the bucket unreachable between CSV and manifest: no manifest without its CSV, and once the server is back the application arrives exactly once', { timeout: 60_000 }, async () => {
    const dataDir = counter('s3-outage', sampleApplications(1, 86));
    let stopped = false;
    const { repo, engine, close } = engineFor(dataDir, {
      afterCsv: async () => {
        if (stopped) return;
        stopped = true;
        await s3.stop();
      },
    });
    try {
      const before = (await simStats()).applications;
      await engine.pump();
      expect(stopped).toBe(true);
      expect(repo.stats()).toMatchObject({ pending: 1, delivered: 0 });
      await s3.restart();
      // the CSV sits alone: the receiver saw nothing it would read
      const alone = (await keys('inbox/')).filter((k) => k.endsWith('.csv'));
      expect(alone).toHaveLength(1);
      const base = alone[0]!.replace(/\.csv$/, '');
      expect(await keys('inbox/')).not.toContain(`${base}.manifest.json`);
      expect(await engine.runUntilEmpty(20_000)).toBe(true);
      expect(repo.stats()).toMatchObject({ pending: 0 });
      await waitFor(async () => (await keys('inbox/processed/')).includes(`${base}.manifest.json`), 20_000, 'import after the outage');
      expect((await simStats()).applications).toBe(before + 1);
      const results = [...(await keys('results/')), ...(await keys('results/processed/'))].filter((k) => k.startsWith(base));
      expect(results.filter((k) => k.includes('import-error'))).toEqual([]);
    } finally {
      close();
    }
  });

  it('SIGKILL of the syncing process between CSV and manifest, 3 times, then a clean run: every application imported exactly once', { timeout: 60_000 }, async () => {
    const crash = await crashSyncBundle();
    const N = 12;
    const dataDir = counter('s3-kill', sampleApplications(N, 87));
    const before = (await simStats()).applications;
    for (let i = 0; i < 3; i++) {
      const r = await runBundledCli(crash, ['sync', '--data-dir', dataDir, '--until-empty', '--crash-after-csv', String(1 + i)], 30_000);
      expect(r.signal, r.stderr).toBe('SIGKILL');
    }
    const final = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ emptied: true, total: N, pending: 0, inFlight: 0, failed: 0 });
    await waitFor(async () => (await simStats()).applications === before + N, 30_000, `${N} imported`).catch(withSimOutput);
    await waitFor(async () => (await keys('inbox/')).length === 0, 20_000, 'inbox drained').catch(withSimOutput);
    expect((await simStats()).applications).toBe(before + N);
  });
});
