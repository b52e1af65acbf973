import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, runBundledCli, spawnCli } from '../support/cli-bundle';
import { getJson, startTs, tempDir, waitFor, type Proc } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { seededRandom } from '../../main/backend-sim/seeded-random';

/**
 * The syncing process is SIGKILLed at random points, 5 times, then allowed to finish: every
 * application is stored exactly once at the simulator and none is lost at the counter. (The long
 * loop, ≥ 50 kills, is `npm run bench:kill`; the suite keeps this short round.)
 */
describe('sync survives SIGKILL at any instant', () => {
  let sim: Proc;
  let dataDir: string;
  let bundle: string;
  const N = 600;

  beforeAll(async () => {
    bundle = await cliBundle();
    dataDir = tempDir('kill');
    const { db, repo } = openTestQueue(dataDir);
    for (let i = 0; i < N; i += 500) repo.enqueueMany(sampleApplications(Math.min(500, N - i), 100 + i));
    db.close();
    // a little latency so kills land while requests are in flight
    sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', '0', '--data-dir', tempDir('kill-sim'), '--latency-ms', '60'], /backend-sim listening: (\S+)/);
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
  });

  it('5 kills, then a clean run: exactly once at the simulator, all accepted here', { timeout: 60_000 }, async () => {
    const random = seededRandom(42);
    const stored = async () => ((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications;
    let killedMidway = 0;
    let last = await stored();
    for (let i = 0; i < 5; i++) {
      const child = spawnCli(bundle, ['sync', '--data-dir', dataDir, '--backend', sim.url, '--until-empty']);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      // kill only once this process is really delivering (start-up time varies with machine load),
      // then at a random moment within the next ~150 ms
      await waitFor(async () => child.exitCode !== null || (await stored()) > last, 15_000, 'delivery to start');
      await new Promise((r) => setTimeout(r, Math.floor(random() * 150)));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        killedMidway++;
      }
      await exited;
      last = await stored();
    }
    const before = (await getJson(`${sim.url}/admin/stats`)) as { applications: number };
    expect(killedMidway).toBeGreaterThanOrEqual(4);
    expect(before.applications).toBeGreaterThan(0); // the kills did interrupt real work
    expect(before.applications).toBeLessThan(N);

    const final = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--backend', sim.url, '--until-empty']);
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ emptied: true, total: N, accepted: N, pending: 0, inFlight: 0, failed: 0 });
    const after = (await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };
    expect(after.applications).toBe(N);

    const { db, repo } = openTestQueue(dataDir);
    const receipts = new Set(repo.list({ limit: 500, offset: 0 }).items.map((i) => i.receiptNumber));
    for (let o = 500; o < N; o += 500) for (const i of repo.list({ limit: 500, offset: o }).items) receipts.add(i.receiptNumber);
    db.close();
    expect(receipts.size).toBe(N); // one distinct receipt per application: nothing stored twice
  });
});
