import fs from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestQueue } from '../support/queue';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { getJson, runCli, runCliAsUser, startBackendSim, tempDir, type Proc } from '../support/processes';

/** The CLI as city IT staff run it: its own process, real data dirs, the simulator as its own process. */

const dirs: string[] = [];
function dataDir(): string {
  const d = tempDir('cli');
  dirs.push(d);
  return d;
}

function enqueue(dir: string, n: number): string[] {
  const { db, repo } = openTestQueue(dir);
  try {
    return repo.enqueueMany(sampleApplications(n, 7)).map((a) => a.id);
  } finally {
    db.close();
  }
}

async function queueStats(dir: string): Promise<Record<string, number>> {
  const r = await runCli(['queue', 'stats', '--data-dir', dir, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, number>;
}

/** A URL nothing listens on: a port the OS just handed out and took back. */
async function deadUrl(): Promise<string> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\.(ts|mjs|js):\d+:\d+/);
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('cli queue stats', () => {
  it('on an empty queue prints exactly the zero stats as one JSON line', async () => {
    const dir = dataDir();
    enqueue(dir, 0);
    const r = await runCli(['queue', 'stats', '--data-dir', dir, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"total":0,"pending":0,"inFlight":0,"delivered":0,"accepted":0,"returned":0,"completed":0,"failed":0}\n');
  });

  it('without --json prints the Japanese one-line summary with the counts', async () => {
    const dir = dataDir();
    enqueue(dir, 2);
    const r = await runCli(['queue', 'stats', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('合計 2 / 送信待ち 2 / 送信中 0 / 送信済 0 / 受理 0 / 差戻し 0 / 完了 0 / 要対応 0\n');
  });
});

describe('cli sync', () => {
  let simDir: string;
  let sim: Proc;

  beforeAll(async () => {
    simDir = dataDir();
    sim = await startBackendSim(simDir);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('--until-empty delivers everything queued to the simulator and exits 0', async () => {
    const dir = dataDir();
    enqueue(dir, 3);
    const before = (await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };

    const r = await runCli(['sync', '--data-dir', dir, '--backend', sim.url, '--until-empty', '--timeout-s', '20']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ emptied: true, total: 3, pending: 0, accepted: 3 });

    expect(await queueStats(dir)).toEqual({ total: 3, pending: 0, inFlight: 0, delivered: 0, accepted: 3, returned: 0, completed: 0, failed: 0 });
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({
      applications: before.applications + 3,
      duplicateDeliveries: before.duplicateDeliveries,
    });
  });

  it('a second sync of an already emptied queue sends nothing and exits 0', async () => {
    const dir = dataDir();
    enqueue(dir, 1);
    expect((await runCli(['sync', '--data-dir', dir, '--backend', sim.url, '--until-empty'])).code).toBe(0);
    const before = await getJson(`${sim.url}/admin/stats`);

    const r = await runCli(['sync', '--data-dir', dir, '--backend', sim.url, '--until-empty']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ emptied: true, accepted: 1 });
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual(before);
  });

  it('against a dead back end gives up after --timeout-s, exits 3 and keeps every item pending', async () => {
    const dir = dataDir();
    enqueue(dir, 2);
    const started = Date.now();

    const r = await runCli(['sync', '--data-dir', dir, '--backend', await deadUrl(), '--until-empty', '--timeout-s', '2']);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ emptied: false, total: 2, pending: 2, inFlight: 0, accepted: 0, failed: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(10_000);
    expectNoStackTrace(r.stderr);

    expect(await queueStats(dir)).toMatchObject({ total: 2, pending: 2, inFlight: 0 });
    const { db, repo } = openTestQueue(dir);
    try {
      for (const item of repo.list({}).items) {
        expect(item.attempts).toBeGreaterThan(0);
        expect(item.lastError).toBe('基幹システムに接続できません');
      }
    } finally {
      db.close();
    }
  });
});

describe('cli usage errors', () => {
  let dir: string;
  afterEach(() => {
    // a usage error must not have created anything in the data dir
    if (dir) expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['an unknown command', ['frobnicate']],
    ['no command at all', []],
    ['queue without stats', ['queue']],
    ['an unknown option', ['queue', 'stats', '--nope']],
    ['sync without --backend and without connectors in config.json', ['sync', '--until-empty']],
    ['sync without --until-empty', ['sync', '--backend', 'http://127.0.0.1:9']],
  ])('%s exits 2 with the usage on stderr and no stack trace', async (_what, args) => {
    dir = dataDir();
    const r = await runCli([...args, '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('使い方:');
    expect(r.stderr).toContain('cli sync --data-dir D [--backend URL] --until-empty');
    expectNoStackTrace(r.stderr);
  });

  // parseArgs reports a missing value as ERR_PARSE_ARGS_INVALID_OPTION_VALUE: a usage error like the others
  it('an option without its value exits 2 with the usage', async () => {
    dir = '';
    const r = await runCli(['queue', 'stats', '--json', '--data-dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('使い方:');
  });
});

describe('cli help', () => {
  // through `npm run --silent cli` itself (tsx, the sources): the path the README gives; the rest use the bundle
  it('`npm run --silent cli -- --help` lists every command with what it is for, on stdout, exit 0', async () => {
    const r = await runCliAsUser(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('コマンド:');
    expect(r.stdout).toMatch(/queue stats\s+送信待ち・受理・差戻し・完了の件数/);
    expect(r.stdout).toMatch(/audit verify\s+監査ログ/);
  });

  it('`<command> --help` explains its options and runs nothing (no data dir is made)', async () => {
    const dir = dataDir();
    const r = await runCli(['queue', 'stats', '--data-dir', dir, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('使い方: npm run --silent cli -- queue stats --data-dir D [--json]');
    expect(r.stdout).toMatch(/--data-dir D\s+データフォルダ/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('`<group> --help` explains each command of the group', async () => {
    const r = await runCli(['audit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cli audit verify — ');
    expect(r.stdout).toContain('cli audit export — ');
  });
});
