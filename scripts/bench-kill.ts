/**
 * npm run bench:kill — the long crash drill, as JSON on stdout (and bench-results/kill.json):
 * the syncing process (`cli sync`, a real process on a real SQLite queue) is SIGKILLed again and
 * again, then allowed to finish, and the receiver (the simulator, a real process) is asked what
 * arrived:
 *   - file exchange to a folder and to an S3 bucket (s3rver): killed at the exact instant between
 *     an application's CSV and its manifest (the seam tests/support/crash-sync.ts passes), and at
 *     random moments;
 *   - the JSON intake over HTTP: killed at random moments while requests are in flight.
 * Goal (issue 11): ≥ 50 kills between CSV and manifest in total, every application arrives exactly
 * once (`arrivedOnce` = applications, `duplicates` = `lost` = 0). The suite keeps a short round of
 * each (tests/integration/csv-exchange, csv-s3-exchange, sync-kill).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { cliBundle, crashSyncBundle, runBundledCli, spawnCli } from '../tests/support/cli-bundle';
import { getJson, startTs, tempDir, waitFor, type Proc } from '../tests/support/processes';
import { openTestQueue } from '../tests/support/queue';
import { startS3Server } from '../tests/support/s3-server';
import { sampleApplications } from '../main/services/demo/sample-applications';
import { seededRandom } from '../main/backend-sim/seeded-random';

/** kills at the exact instant between CSV and manifest, per file connector (2 × 30 = 60 ≥ 50) */
const EXACT_KILLS = 30;
/** kills at random moments, per connector */
const RANDOM_KILLS = 10;
/** applications per round: enough that no round runs out of work before its last kill */
const FILE_APPS = 300;
const HTTP_APPS = 1500;

interface Round {
  connector: string;
  kills: number;
  killsBetweenCsvAndManifest: number;
  applications: number;
  arrivedOnce: number;
  duplicates: number;
  lost: number;
  counterAllDelivered: boolean;
  seconds: number;
  /** the clean run's answer, when it did not end with everything delivered */
  finalRun?: string;
}

const CITY = { prefecture: '東京都', municipality: '千代田区', code: '131016' };

function counter(apps: number, seed: number, connector: unknown): string {
  const dataDir = tempDir('bench-kill');
  const { db, repo } = openTestQueue(dataDir);
  const all = sampleApplications(apps, seed);
  for (let i = 0; i < all.length; i += 500) repo.enqueueMany(all.slice(i, i + 500));
  db.close();
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ city: CITY, connectors: { default: connector } }));
  return dataDir;
}

const stored = async (sim: Proc) => ((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications;

/** Random kills while `progress()` shows the process is really delivering. */
async function randomKills(bundle: string, args: string[], n: number, seed: number, progress: () => Promise<number>, maxDelayMs: number): Promise<number> {
  const random = seededRandom(seed);
  let killed = 0;
  for (let i = 0; i < n; i++) {
    const child = spawnCli(bundle, args);
    const exited = new Promise((r) => child.once('exit', r));
    const last = await progress();
    await waitFor(async () => child.exitCode !== null || (await progress()) > last, 60_000, 'delivery to start');
    await new Promise((r) => setTimeout(r, Math.floor(random() * maxDelayMs)));
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      killed++;
    }
    await exited;
  }
  return killed;
}

/** The file exchange round: exact kills, random kills, a clean run, then what the receiver imported. */
async function fileRound(
  name: string,
  connector: unknown,
  simFlags: string[],
  imported: () => Promise<{ importedResults: string[]; importErrors: number; inboxManifests: number; placed: () => Promise<number> }>,
): Promise<Round> {
  const t0 = performance.now();
  const [bundle, crash] = await Promise.all([cliBundle(), crashSyncBundle()]);
  const sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', '0', '--data-dir', tempDir('bench-kill-sim'), '--review-delay-ms', '600000', ...simFlags], /backend-sim listening: (\S+)/);
  try {
    const dataDir = counter(FILE_APPS, name.length, connector);
    const args = ['sync', '--data-dir', dataDir, '--until-empty'];
    let between = 0;
    for (let i = 0; i < EXACT_KILLS; i++) {
      const r = await runBundledCli(crash, [...args, '--crash-after-csv', String(1 + (i % 4))], 60_000);
      if (r.signal === 'SIGKILL') between++;
    }
    const placed = (await imported()).placed;
    const random = await randomKills(bundle, args, RANDOM_KILLS, 5, placed, 30);
    const final = await runBundledCli(bundle, args, 120_000);
    const out = JSON.parse(final.stdout || '{}') as { pending?: number; inFlight?: number; failed?: number };
    // whatever has not arrived by then counts as lost (reported, not thrown)
    await waitFor(async () => (await imported()).inboxManifests === 0 && (await stored(sim)) >= FILE_APPS, 120_000, 'the receiver to import everything').catch(() => undefined);
    const seen = await imported();
    const perApp = new Map<string, number>();
    for (const r of seen.importedResults) perApp.set(r.replace(/\.imported\.json$/, ''), (perApp.get(r.replace(/\.imported\.json$/, '')) ?? 0) + 1);
    const atReceiver = await stored(sim);
    return {
      connector: name,
      kills: between + random,
      killsBetweenCsvAndManifest: between,
      applications: FILE_APPS,
      arrivedOnce: [...perApp.values()].filter((n) => n === 1).length,
      duplicates: [...perApp.values()].reduce((s, n) => s + Math.max(0, n - 1), 0) + Math.max(0, atReceiver - FILE_APPS) + seen.importErrors,
      lost: Math.max(0, FILE_APPS - atReceiver),
      counterAllDelivered: final.code === 0 && out.pending === 0 && out.inFlight === 0 && out.failed === 0,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      ...(final.code === 0 ? {} : { finalRun: `exit ${final.code}: ${final.stdout.trim()} ${final.stderr.trim().slice(0, 300)}` }),
    };
  } finally {
    await sim.stop();
  }
}

async function folderRound(): Promise<Round> {
  const inbox = tempDir('bench-kill-inbox');
  const results = tempDir('bench-kill-results');
  const json = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => n.endsWith('.json') && !n.startsWith('.')) : []);
  return fileRound('csv-folder', { type: 'csv-folder', outboxDir: inbox, resultsDir: results }, ['--csv-inbox', inbox, '--csv-results', results], async () => {
    const all = [...json(results), ...json(path.join(results, 'processed'))];
    return {
      importedResults: all.filter((n) => n.endsWith('.imported.json')),
      importErrors: all.filter((n) => n.includes('import-error')).length,
      inboxManifests: json(inbox).filter((n) => n.endsWith('.manifest.json')).length,
      placed: async () => fs.readdirSync(inbox).length + json(path.join(inbox, 'processed')).length,
    };
  });
}

async function s3Round(): Promise<Round> {
  const s3 = await startS3Server();
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const keys = async (prefix: string) => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const r = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }));
      out.push(...(r.Contents ?? []).map((o) => o.Key!.slice(prefix.length)));
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return out;
  };
  try {
    return await fileRound(
      'csv-s3',
      { type: 'csv-s3', endpoint: s3.endpoint, bucket: s3.bucket, prefix: 'city/', credentialsFile: s3.credentialsFile },
      ['--csv-s3-endpoint', s3.endpoint, '--csv-bucket', s3.bucket, '--csv-prefix', 'city/', '--csv-credentials-file', s3.credentialsFile],
      async () => {
        const all = [...(await keys('city/results/')), ...(await keys('city/results/processed/'))];
        return {
          importedResults: all.filter((n) => n.endsWith('.imported.json')),
          importErrors: all.filter((n) => n.includes('import-error')).length,
          inboxManifests: (await keys('city/inbox/')).filter((n) => n.endsWith('.manifest.json')).length,
          placed: async () => (await keys('city/inbox/')).length + (await keys('city/inbox/processed/')).length,
        };
      },
    );
  } finally {
    client.destroy();
    await s3.stop();
  }
}

/** The JSON intake over HTTP (the old tests/integration/sync-kill loop): random kills with requests in flight. */
async function httpRound(): Promise<Round> {
  const t0 = performance.now();
  const bundle = await cliBundle();
  // a little latency so kills land while requests are in flight
  const sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', '0', '--data-dir', tempDir('bench-kill-http'), '--latency-ms', '60'], /backend-sim listening: (\S+)/);
  try {
    const dataDir = counter(HTTP_APPS, 42, { type: 'ichimado-http', baseUrl: sim.url });
    const args = ['sync', '--data-dir', dataDir, '--until-empty'];
    const kills = await randomKills(bundle, args, RANDOM_KILLS * 3, 42, () => stored(sim), 150);
    const final = await runBundledCli(bundle, args, 120_000);
    const out = JSON.parse(final.stdout || '{}') as { pending?: number; inFlight?: number; failed?: number };
    const atReceiver = await stored(sim);
    const { db, repo } = openTestQueue(dataDir);
    const receipts = new Set<string | null>();
    for (let o = 0; o < HTTP_APPS; o += 500) for (const i of repo.list({ limit: 500, offset: o }).items) receipts.add(i.receiptNumber);
    db.close();
    return {
      connector: 'ichimado-http',
      kills,
      killsBetweenCsvAndManifest: 0,
      applications: HTTP_APPS,
      arrivedOnce: Math.min(atReceiver, receipts.size),
      duplicates: Math.max(0, atReceiver - HTTP_APPS),
      lost: Math.max(0, HTTP_APPS - atReceiver),
      counterAllDelivered: final.code === 0 && out.pending === 0 && out.inFlight === 0 && out.failed === 0,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    };
  } finally {
    await sim.stop();
  }
}

async function main() {
  // `-- --only csv-s3` (or csv-folder, ichimado-http): one round, to look into it
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const all: [string, () => Promise<Round>][] = [['csv-folder', folderRound], ['csv-s3', s3Round], ['ichimado-http', httpRound]];
  const rounds: Round[] = [];
  for (const [name, run] of all) if (!process.argv.includes('--only') || name === only) rounds.push(await run());
  const sum = (k: keyof Round) => rounds.reduce((s, r) => s + (r[k] as number), 0);
  const result = {
    machine: { cores: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))) },
    kills: sum('kills'),
    killsBetweenCsvAndManifest: sum('killsBetweenCsvAndManifest'),
    applications: sum('applications'),
    arrivedOnce: sum('arrivedOnce'),
    duplicates: sum('duplicates'),
    lost: sum('lost'),
    rounds,
    goals: { killsBetweenCsvAndManifest: 50, duplicates: 0, lost: 0 },
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'kill.json'), JSON.stringify(result, null, 2));
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (result.duplicates > 0 || result.lost > 0 || rounds.some((r) => !r.counterAllDelivered)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:kill failed: ${String(err)}\n`);
  process.exit(1);
});
