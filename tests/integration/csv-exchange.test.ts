import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, crashSyncBundle, runBundledCli, spawnCli } from '../support/cli-bundle';
import { getJson, readAppLog, startTs, tempDir, waitFor, type Proc } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { parseCsv, toCsv } from '../../common/forms/csv-profile';
import { loadCsvProfiles } from '../../main/services/sync/csv-profiles-file';
import { seededRandom } from '../../main/backend-sim/seeded-random';
import type { NewApplication } from '../../main/services/store/application-repository';

/**
 * ファイル連携 as a city's back end meets it: the counter's `cli sync` writes CSV + manifest into a
 * folder, the simulator (a real process) imports them into 仮登録 and writes result files, the counter
 * pulls them. Real SQLite, real files, real processes.
 */
const IVS_NAME = '葛\u{E0100}城'; // 葛 with an IVS selector: must arrive code point for code point

function writeConfig(dataDir: string, outboxDir: string, resultsDir: string): void {
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({
      city: { prefecture: '東京都', municipality: '千代田区', code: '131016' },
      connectors: { default: { type: 'csv-folder', outboxDir, resultsDir } },
    }),
  );
}

function counter(name: string, apps: NewApplication[], inbox: string, results: string): string {
  const dataDir = tempDir(name);
  const { db, repo } = openTestQueue(dataDir);
  for (let i = 0; i < apps.length; i += 500) repo.enqueueMany(apps.slice(i, i + 500));
  db.close();
  writeConfig(dataDir, inbox, results);
  return dataDir;
}

function jsonFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return [];
  }
}

async function startSim(inbox: string, results: string, flags: string[] = []): Promise<Proc> {
  return startTs(
    'main/cli/main.ts',
    ['backend-sim', '--port', '0', '--data-dir', tempDir('csv-sim'), '--csv-inbox', inbox, '--csv-results', results, ...flags],
    /backend-sim listening: (\S+)/,
  );
}

describe('CSV encoding and column profiles', () => {
  it('quotes a comma, a quote and a newline per RFC 4180, keeps an IVS, and reads back the same', () => {
    const rows = [['a,b', 'say "hi"', 'line1\nline2', IVS_NAME, 'plain']];
    const csv = toCsv(['列1', '列2', '列3', '氏名', '列5'], rows);
    expect(csv).toBe(`列1,列2,列3,氏名,列5\r\n"a,b","say ""hi""","line1\nline2",${IVS_NAME},plain\r\n`);
    expect(parseCsv(csv)).toEqual([['列1', '列2', '列3', '氏名', '列5'], ...rows]);
    expect([...parseCsv(csv)[1]![3]!].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['845b', 'e0100', '57ce']);
  });

  it('a city profile naming a field the form lacks, or a code table without a value, is refused at load with the file and column named', async () => {
    const dir = tempDir('csv-profile-bad');
    const file = path.join(dir, 'csv-profiles.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        profiles: { 'jumin-ido-tenkyo': { columns: [{ name: '氏名', from: ['氏', '名'] }, { name: '本籍', from: '本籍' }] } },
        codeTables: { 性別: { 男: '1' } },
      }),
    );
    expect(() => loadCsvProfiles(dir)).toThrow(file);
    expect(() => loadCsvProfiles(dir)).toThrow(/様式「jumin-ido-tenkyo」の列「本籍」: 項目「本籍」はこの様式にありません/);
    // the city's 性別 table lacks 女: every default profile with a 性別 column is named
    expect(() => loadCsvProfiles(dir)).toThrow(/様式「jumin-ido-tennyu」の列「性別」: コード表「性別」に値「女」のコードがありません/);

    // the syncing process stops with the same message instead of sending wrong columns
    const bundle = await cliBundle();
    const inbox = tempDir('csv-bad-inbox');
    const dataDir = counter('csv-bad-counter', sampleApplications(1, 3), inbox, tempDir('csv-bad-results'));
    fs.copyFileSync(file, path.join(dataDir, 'csv-profiles.json'));
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(dataDir, 'csv-profiles.json'));
    expect(r.stderr).toContain('列「本籍」');
    expect(fs.readdirSync(inbox)).toEqual([]);
  });
});

describe('delivery to a folder and results pulled back (backend-sim --csv-inbox --csv-results)', () => {
  let sim: Proc;
  let bundle: string;
  const inbox = tempDir('csv-inbox');
  const results = tempDir('csv-results');

  beforeAll(async () => {
    bundle = await cliBundle();
    // duplicate and late result files on half the applications: nothing may change twice; the share
    // is unreachable a fifth of the time and writes its results slowly
    sim = await startSim(inbox, results, [
      '--review-delay-ms', '2500', '--csv-duplicate-result-rate', '0.5', '--csv-late-result-rate', '0.5',
      '--csv-slow-write-ms', '50', '--csv-unavailable-rate', '0.2', '--seed', '7',
    ]);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const stats = async (dataDir: string) => {
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--with-status']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, number>;
  };

  it('6 applications: CSV + manifest each (送信済), imported into 仮登録 (受理), then 完了, and 差戻し for an address with 不明 whose correction goes as 版 2 of the same 申請番号; duplicate and late results change nothing', { timeout: 90_000 }, async () => {
    const apps = sampleApplications(6, 11);
    apps[0]!.payload = { ...apps[0]!.payload, familyName: IVS_NAME, newAddress: '東京都千代田区霞が関1-2-3 "別館",4階' };
    apps[5]!.payload = { ...apps[5]!.payload, newAddress: '東京都千代田区不明町1-1' };
    const dataDir = counter('csv-flow', apps, inbox, results);

    const first = await stats(dataDir);
    expect(first).toMatchObject({ emptied: true, total: 6, pending: 0, failed: 0 });
    // the simulator imports every manifest with its CSV
    await waitFor(() => fs.existsSync(path.join(inbox, 'processed')) && jsonFiles(path.join(inbox, 'processed')).length === 6, 15_000, 'import of 6 manifests');
    const processed = path.join(inbox, 'processed');
    const manifests = jsonFiles(processed).map((n) => JSON.parse(fs.readFileSync(path.join(processed, n), 'utf8')) as Record<string, unknown>);
    for (const m of manifests) {
      expect(m).toMatchObject({ 形式: 'ichimado-csv-manifest/1', 版: 1, 団体コード: '131016', 業務ID: '001', 様式ID: 'jumin-ido-tenkyo', 行数: 1 });
      expect(String(m.CSVファイル名)).toBe(`${String(m.申請番号)}_v1.csv`);
    }
    const csvs = fs.readdirSync(processed).filter((n) => n.endsWith('.csv')).map((n) => fs.readFileSync(path.join(processed, n), 'utf8'));
    const withIvs = csvs.find((c) => c.includes(IVS_NAME))!;
    expect(withIvs, 'the IVS name reaches the CSV unchanged').toBeDefined();
    const [header, row] = parseCsv(withIvs);
    expect(header).toEqual(['異動事由', '氏名', '氏名_フリガナ', '生年月日', '住所', '転居前住所', '異動年月日']);
    expect(row![0]).toBe('転居');
    expect(row![1]!.startsWith(`${IVS_NAME}\u3000`)).toBe(true);
    expect(row![4]).toBe('東京都千代田区霞が関1-2-3 "別館",4階');
    expect(withIvs).toContain('"東京都千代田区霞が関1-2-3 ""別館"",4階"');

    const end = await waitFor(async () => {
      const s = await stats(dataDir);
      return s.completed === 5 && s.returned === 1 ? s : undefined;
    }, 30_000, '5 完了 and 1 差戻し');
    expect(end).toMatchObject({ delivered: 0, accepted: 0, failed: 0 });
    // the late and duplicate files have been read too by now: still 5 完了 and 1 差戻し
    await new Promise((r) => setTimeout(r, 600));
    expect(await stats(dataDir)).toMatchObject({ completed: 5, returned: 1, accepted: 0 });
    const set = jsonFiles(path.join(results, 'processed'));
    expect(set.some((n) => n.includes('.dup.')), 'the simulator wrote duplicate result files').toBe(true);
    expect(set.some((n) => n.includes('.late.')), 'the simulator wrote late result files').toBe(true);
    expect(jsonFiles(path.join(results, 'unknown'))).toEqual([]);

    // the clerk corrects the 差戻し: the same 申請番号, 版 2
    const { db, repo } = openTestQueue(dataDir);
    const returned = db.prepare(`SELECT id, idempotency_key AS key FROM applications WHERE status = 'returned'`).get() as { id: string; key: string };
    repo.enqueue({ ...apps[5]!, payload: { ...apps[5]!.payload, newAddress: '東京都千代田区霞が関2-2-2' }, supersedesId: returned.id });
    db.close();
    await waitFor(async () => (await stats(dataDir)).completed === 6, 30_000, 'the corrected version to reach 完了');
    const v2 = JSON.parse(fs.readFileSync(path.join(processed, `${returned.key}_v2.manifest.json`), 'utf8')) as Record<string, unknown>;
    expect(v2).toMatchObject({ 申請番号: returned.key, 版: 2, CSVファイル名: `${returned.key}_v2.csv` });
    expect(await stats(dataDir)).toMatchObject({ completed: 6, returned: 0, failed: 0 });
  });

  it('the same 申請番号 with the same content is a no-op at the receiver; with different content it is refused and shows as 要対応', { timeout: 60_000 }, async () => {
    const dataDir = counter('csv-same-key', sampleApplications(1, 21), inbox, results);
    expect(await stats(dataDir)).toMatchObject({ pending: 0, failed: 0 });
    const processed = path.join(inbox, 'processed');
    const key = await waitFor(() => {
      const { db } = openTestQueue(dataDir);
      const k = (db.prepare('SELECT idempotency_key AS k FROM applications').get() as { k: string }).k;
      db.close();
      return fs.existsSync(path.join(processed, `${k}_v1.manifest.json`)) ? k : undefined;
    }, 15_000, 'import');
    const before = (await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };

    // the same files again (a counter that crashed after writing them and wrote them once more)
    for (const ext of ['.csv', '.manifest.json']) fs.copyFileSync(path.join(processed, `${key}_v1${ext}`), path.join(inbox, `.${key}${ext}`));
    fs.renameSync(path.join(inbox, `.${key}.csv`), path.join(inbox, `${key}_v1.csv`));
    fs.renameSync(path.join(inbox, `.${key}.manifest.json`), path.join(inbox, `${key}_v1.manifest.json`));
    await waitFor(async () => ((await getJson(`${sim.url}/admin/stats`)) as { duplicateDeliveries: number }).duplicateDeliveries === before.duplicateDeliveries + 1, 10_000, 'replay seen');
    expect(((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications).toBe(before.applications);
    expect(fs.existsSync(path.join(results, `${key}_v1.import-error.json`))).toBe(false);

    // different content under the same 申請番号 and 版
    const csv = fs.readFileSync(path.join(processed, `${key}_v1.csv`), 'utf8').replace(/\r\n([^,]*),([^,]*),/, '\r\n$1,別人\u3000太郎,');
    const manifest = JSON.parse(fs.readFileSync(path.join(processed, `${key}_v1.manifest.json`), 'utf8')) as Record<string, unknown>;
    const { createHash } = await import('node:crypto');
    manifest.SHA256 = createHash('sha256').update(csv).digest('hex');
    fs.writeFileSync(path.join(inbox, `${key}_v1.csv`), csv);
    fs.writeFileSync(path.join(inbox, `${key}_v1.manifest.json`), JSON.stringify(manifest));
    await waitFor(() => jsonFiles(results).some((n) => n === `${key}_v1.import-error.json`) || jsonFiles(path.join(results, 'processed')).includes(`${key}_v1.import-error.json`), 10_000, '取込エラー result');
    const s = await stats(dataDir);
    expect(s).toMatchObject({ failed: 1, delivered: 0, accepted: 0 });
    const { db } = openTestQueue(dataDir);
    const reason = (db.prepare('SELECT status_reason AS r FROM applications').get() as { r: string }).r;
    db.close();
    expect(reason).toBe('同じ申請番号・版で内容の異なるデータが届きました');
  });

  it('a result file for an unknown 申請番号 is logged and set aside, not applied and not a crash; stale temporary files are swept', { timeout: 30_000 }, async () => {
    const dataDir = counter('csv-unknown', [], inbox, results);
    fs.writeFileSync(path.join(results, 'no-such_v1.registered.json'), JSON.stringify({ 申請番号: '00000000-0000-4000-8000-000000000000', 版: 1, 結果: '本登録', 日時: new Date().toISOString() }));
    fs.writeFileSync(path.join(results, 'garbage.json'), '{"申請番号": 1}');
    // temporary files of a write a crash cut short: swept once stale, a fresh one (a write going on) kept
    const stale = path.join(inbox, '.x_v1.csv.0123456789ab.tmp');
    const fresh = path.join(inbox, '.y_v1.csv.0123456789ab.tmp');
    for (const f of [stale, fresh]) fs.writeFileSync(f, 'part');
    fs.utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--with-status']);
    expect(r.code, r.stderr).toBe(0);
    expect([fs.existsSync(stale), fs.existsSync(fresh)]).toEqual([false, true]);
    fs.rmSync(fresh);
    expect(jsonFiles(path.join(results, 'unknown'))).toContain('no-such_v1.registered.json');
    // (late result files of the tests before may be set aside with it: this counter knows none of them)
    expect(readAppLog(dataDir).some((l) => l.event === 'sync.result_unknown' && Number(l.count) >= 1)).toBe(true);
  });

  it('a read-only exchange folder: the application stays 送信待ち with the reason, and goes once the folder is writable', { timeout: 30_000 }, async () => {
    // tests run as root, for whom chmod does not bite: sysfs refuses every new file, root's included
    const dataDir = counter('csv-readonly', sampleApplications(1, 31), '/sys/kernel', results);
    const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--timeout-s', '2']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ pending: 1, delivered: 0, accepted: 0, failed: 0 });
    expect(readAppLog(dataDir).some((l) => l.event === 'sync.retry' && String(l.reason).includes('連携フォルダーに書き込む権限がありません'))).toBe(true);
    writeConfig(dataDir, inbox, results);
    expect(await stats(dataDir)).toMatchObject({ pending: 0, failed: 0 });
  });
  it('a full exchange folder (a 64 KiB tmpfs, as a full share): 送信待ち with the reason, no file the back end could take, and it goes once there is room', { timeout: 30_000 }, async () => {
    // a real ENOSPC from the kernel: tests run as root (CI too), who may mount a tmpfs
    const full = tempDir('csv-full');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]);
    try {
      const filler = path.join(full, '.filler');
      try {
        fs.writeFileSync(filler, Buffer.alloc(256 * 1024));
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      const dataDir = counter('csv-full', sampleApplications(1, 37), full, results);
      const r = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--timeout-s', '2']);
      expect(r.code).toBe(3);
      expect(JSON.parse(r.stdout)).toMatchObject({ pending: 1, delivered: 0, failed: 0 });
      expect(readAppLog(dataDir).some((l) => l.event === 'sync.retry' && String(l.reason).includes('連携フォルダーの空き容量がありません'))).toBe(true);
      // what a receiver lists: nothing (a cut-short write leaves at most a dot-file it ignores)
      expect(fs.readdirSync(full).filter((n) => !n.startsWith('.'))).toEqual([]);
      fs.rmSync(filler);
      const again = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty', '--timeout-s', '5']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ pending: 0, delivered: 1, failed: 0 });
      const visible = fs.readdirSync(full).filter((n) => !n.startsWith('.'));
      expect(visible.filter((n) => n.endsWith('.csv'))).toHaveLength(1);
      expect(jsonFiles(full)).toHaveLength(1);
    } finally {
      execFileSync('umount', [full]);
    }
  });
});

describe('SIGKILL between CSV and manifest', () => {
  let sim: Proc;
  const inbox = tempDir('csv-kill-inbox');
  const results = tempDir('csv-kill-results');
  beforeAll(async () => {
    sim = await startSim(inbox, results, ['--review-delay-ms', '600000']);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  /**
   * Issue #11 asks for ≥ 50 kills between CSV and manifest in the suite: 50 here at that exact instant,
   * each a bundled CLI run of a fraction of a second (2 more at random moments). The longer loops over
   * the folder and S3 (110 kills) are `npm run bench:kill`.
   */
  const EXACT_KILLS = 50;
  it('50 kills at the exact point and 2 at random moments, then a clean run: every application imported exactly once', { timeout: 180_000 }, async () => {
    const bundle = await cliBundle();
    const crash = await crashSyncBundle();
    // each exact kill leaves 0–3 applications whole and one CSV without its manifest: enough for every kill
    const N = 130;
    const dataDir = counter('csv-kill', sampleApplications(N, 41), inbox, results);
    let killedBetween = 0;
    for (let i = 0; i < EXACT_KILLS; i++) {
      const r = await runBundledCli(crash, ['sync', '--data-dir', dataDir, '--until-empty', '--crash-after-csv', String(1 + (i % 4))], 30_000);
      if (r.signal === 'SIGKILL') killedBetween++;
    }
    expect(killedBetween).toBe(EXACT_KILLS);
    const random = seededRandom(5);
    const delivered = () => fs.readdirSync(inbox).length + fs.readdirSync(path.join(inbox, 'processed')).length;
    let killedRandom = 0;
    for (let i = 0; i < 2; i++) {
      const child = spawnCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
      const exited = new Promise((r) => child.once('exit', r));
      // once it is really writing (start-up time varies with machine load), at a random moment
      const last = delivered();
      await waitFor(() => child.exitCode !== null || delivered() > last, 30_000, 'delivery to start');
      await new Promise((r) => setTimeout(r, Math.floor(random() * 10)));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        killedRandom++;
      }
      await exited;
    }
    const final = await runBundledCli(bundle, ['sync', '--data-dir', dataDir, '--until-empty']);
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ emptied: true, total: N, pending: 0, inFlight: 0, failed: 0 });
    await waitFor(() => fs.readdirSync(inbox).every((n) => !n.endsWith('.manifest.json')), 30_000, 'the simulator to import everything');
    await waitFor(async () => ((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications === N, 10_000, `${N} applications`);
    // exactly once: N stored, none refused; a CSV left by a kill without its manifest was written again whole
    expect(((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications).toBe(N);
    const allResults = [...jsonFiles(results), ...jsonFiles(path.join(results, 'processed'))];
    expect(allResults.filter((n) => n.includes('import-error'))).toEqual([]);
    expect(allResults.filter((n) => n.endsWith('.imported.json'))).toHaveLength(N);
    expect(killedRandom).toBeGreaterThanOrEqual(1);
  });
});
