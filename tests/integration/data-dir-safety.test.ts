import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, runBundledCli } from '../support/cli-bundle';
import { openTestQueue } from '../support/queue';
import { testScope } from '../support/test-scope';
import { readAppLog, startBrowserMode } from '../support/processes';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { createAppServices } from '../../main/services/app-services';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import { KEY_FILE_NAME } from '../../main/services/crypto/key-store';
import { signInServices } from '../support/sign-in';

/**
 * The data dir as IT staff and the app meet it when something is wrong with it: a mistyped
 * --data-dir, key reset on a healthy queue, damaged or blocked files, a database from a newer
 * version, loose permissions. The CLI runs as its own process on real files; the app's start-up is
 * its composition root (createAppServices) on the same files. Each case checks the message and that
 * not one byte on disk changed.
 */
const scope = testScope();
let bundle: string;
beforeAll(async () => {
  bundle = await cliBundle();
}, 60_000);

const cli = (args: string[]) => runBundledCli(bundle, args, 30_000);

/** A data dir with `n` pending applications, closed (WAL folded in), as the app leaves it. */
function queueWith(n: number): string {
  const dir = scope.dir('safety');
  const { db, repo } = openTestQueue(dir);
  try {
    if (n > 0) repo.enqueueMany(sampleApplications(n, 3));
  } finally {
    db.close();
  }
  return dir;
}

/** Every file under `dir` with its bytes' hash (folders marked), to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const r = rel ? `${rel}/${name}` : name;
      if (st.isSymbolicLink()) out[r] = `link:${fs.readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        walk(p, r);
      } else out[r] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+:\d+/);
}

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('a data dir without a database (a mistyped --data-dir)', () => {
  it.each([
    ['queue stats', ['queue', 'stats', '--json']],
    ['queue export', ['queue', 'export', '--json']],
    ['sync', ['sync', '--backend', 'http://127.0.0.1:9', '--until-empty', '--timeout-s', '1']],
    ['key reset', ['key', 'reset', '--confirm']],
  ])('%s refuses it with a Japanese message naming the path, exits non-zero and creates nothing', async (_what, args) => {
    const parent = scope.dir('typo');
    const missing = path.join(parent, 'ichimadoo');
    const r = await cli([...args, '--data-dir', missing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('データベースが見つかりません');
    expect(r.stderr).toContain(path.join(missing, DB_FILE_NAME));
    expectNoStackTrace(r.stderr);
    expect(fs.existsSync(missing)).toBe(false);

    // an existing folder that holds no database: refused the same way, left empty
    const empty = scope.dir('empty');
    const e = await cli([...args, '--data-dir', empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(path.join(empty, DB_FILE_NAME));
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('enqueue --sample still creates a database where there is none', async () => {
    const dir = path.join(scope.dir('new'), 'fresh');
    const r = await cli(['enqueue', '--data-dir', dir, '--sample', '2']);
    expect(r.code, r.stderr).toBe(0);
    const s = await cli(['queue', 'stats', '--data-dir', dir, '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ total: 2, pending: 2 });
  });
});

describe('key reset only when the key cannot open the database', () => {
  it('refuses on a healthy database with 50 pending applications: exit 1, the counts in the message, nothing moved', async () => {
    const dir = queueWith(50);
    const before = snapshot(dir);
    const r = await cli(['key', 'reset', '--data-dir', dir, '--confirm']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('今の暗号鍵でデータベースを開けます');
    expect(r.stderr).toContain('送信待ち 50 件');
    expect(r.stderr).toContain('何も移動していません');
    expectNoStackTrace(r.stderr);
    expect(snapshot(dir)).toEqual(before);
    const s = await cli(['queue', 'stats', '--data-dir', dir, '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ total: 50, pending: 50 });
  });

  it.each([
    ['another key (from another PC)', (dir: string) => fs.writeFileSync(path.join(dir, KEY_FILE_NAME), randomBytes(32).toString('base64') + '\n', { mode: 0o600 })],
    ['no key file', (dir: string) => fs.rmSync(path.join(dir, KEY_FILE_NAME))],
    ['a malformed key file', (dir: string) => fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'not a key\n', { mode: 0o600 })],
  ])('with %s it moves the database aside as before; the set-aside copy is byte for byte the old one', async (_what, breakKey) => {
    const dir = queueWith(5);
    breakKey(dir);
    const dbBefore = snapshot(dir)[DB_FILE_NAME];
    const r = await cli(['key', 'reset', '--data-dir', dir, '--confirm']);
    expect(r.code, r.stderr).toBe(0);
    const moved = (JSON.parse(r.stdout) as { movedAside: string[] }).movedAside;
    const aside = moved.find((n) => n.startsWith(`${DB_FILE_NAME}.unreadable-`) && !/-(wal|shm)$/.test(n))!;
    expect(snapshot(dir)[aside]).toBe(dbBefore);
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(false);
  });
});

/** chattr +i: the one way found to make a file or folder unwritable even for root (tests run as root). */
function immutable(p: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', p], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canMakeImmutable = (() => {
  const d = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'ichimado-chattr-'));
  const f = path.join(d, 'probe');
  fs.writeFileSync(f, 'x');
  const ok = immutable(f, true);
  if (ok) immutable(f, false);
  fs.rmSync(d, { recursive: true, force: true });
  return ok;
})();

interface BadStorage {
  what: string;
  /** breaks a data dir that holds a queue of 3 */
  make(dir: string): void;
  /** the Japanese words the clerk / IT staff must see */
  says: string;
  /** the log line's reason */
  reason: string;
  /** the raw English (or wrong) text shown before */
  notSays: RegExp;
  /** the CLI command to run (default queue stats) */
  command?: string[];
  startsEmpty?: boolean;
}

const PAGE = 4096;
const cases: BadStorage[] = [
  {
    what: 'a database whose first page is garbled',
    make: (dir) => {
      const f = path.join(dir, DB_FILE_NAME);
      const b = fs.readFileSync(f);
      b.fill(0x5a, 100, PAGE);
      fs.writeFileSync(f, b);
    },
    says: 'データベースファイルが壊れています',
    reason: 'corrupt',
    notSays: /database disk image is malformed/,
  },
  {
    what: 'a database truncated to half its size',
    make: (dir) => {
      const f = path.join(dir, DB_FILE_NAME);
      fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2));
    },
    says: 'データベースファイルが壊れています',
    reason: 'corrupt',
    notSays: /malformed/,
  },
  {
    what: 'a file that is not a database at all',
    make: (dir) => fs.writeFileSync(path.join(dir, DB_FILE_NAME), randomBytes(3 * PAGE)),
    says: 'いちまどのデータベースとして読めません',
    reason: 'not_a_database',
    notSays: /file is not a database/,
  },
  {
    what: 'a folder where the database should be',
    make: (dir) => {
      fs.rmSync(path.join(dir, DB_FILE_NAME));
      fs.mkdirSync(path.join(dir, DB_FILE_NAME));
    },
    says: '同じ名前のフォルダがあります',
    reason: 'folder_in_the_way',
    notSays: /unable to open|EISDIR/,
  },
  {
    what: 'a folder where the key file should be',
    make: (dir) => {
      fs.rmSync(path.join(dir, KEY_FILE_NAME));
      fs.mkdirSync(path.join(dir, KEY_FILE_NAME));
    },
    says: '暗号鍵ファイルの場所にフォルダがあります',
    reason: 'folder_in_the_way',
    notSays: /EISDIR|illegal operation/,
  },
  {
    what: 'a malformed key file beside a database',
    make: (dir) => fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'this is not a key\n', { mode: 0o600 }),
    says: '暗号鍵ファイルの形式が正しくありません',
    reason: 'key_malformed',
    notSays: /暗号鍵が見つかりません/,
  },
  {
    what: 'a malformed key file in a folder with no database yet (enqueue would create one)',
    make: (dir) => {
      for (const n of fs.readdirSync(dir)) fs.rmSync(path.join(dir, n), { recursive: true });
      fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'this is not a key\n', { mode: 0o600 });
    },
    command: ['enqueue', '--sample', '1'],
    says: '暗号鍵ファイルの形式が正しくありません',
    reason: 'key_malformed',
    notSays: /EEXIST/,
  },
  {
    what: 'a dangling link where the key file should be, no database yet',
    make: (dir) => {
      for (const n of fs.readdirSync(dir)) fs.rmSync(path.join(dir, n), { recursive: true });
      fs.symlinkSync(path.join(dir, 'gone', 'ichimado.key'), path.join(dir, KEY_FILE_NAME));
    },
    command: ['enqueue', '--sample', '1'],
    says: '暗号鍵ファイルの場所に読めないもの',
    reason: 'something_in_the_way',
    notSays: /EEXIST/,
  },
  {
    what: 'a database from a newer version of ichimado (still in rollback-journal mode)',
    make: (dir) => {
      const db = new Database(path.join(dir, DB_FILE_NAME));
      db.pragma('journal_mode = DELETE');
      db.pragma('user_version = 99');
      db.close();
    },
    says: '新しいバージョンのいちまどで作成されています',
    reason: 'too_new',
    notSays: /^$/,
  },
];

describe('bad storage: a Japanese message, a precise log line, not one byte changed', () => {
  it.each(cases)('$what', async (c) => {
    const dir = queueWith(3);
    c.make(dir);
    const before = snapshot(dir);

    const r = await cli([...(c.command ?? ['queue', 'stats', '--json']), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [shown, logLine] = r.stderr.split('\n');
    expect(shown).toContain(c.says);
    expect(shown).not.toMatch(c.notSays);
    expect(shown).toMatch(japanese);
    expectNoStackTrace(r.stderr);
    expect(JSON.parse(logLine!)).toMatchObject({ level: 'error', event: 'store.open_failed', reason: c.reason });
    expect(snapshot(dir)).toEqual(before);

    // the app's start-up says the same (the dialog / console shows the message) and logs the reason
    const logged: { event: string; detail?: Record<string, unknown> }[] = [];
    const started = createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', log: (_l, event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }) });
    await expect(started).rejects.toThrow(c.says);
    expect(logged.find((l) => l.event === 'store.open_failed')?.detail).toMatchObject({ reason: c.reason });
    expect(snapshot(dir)).toEqual(before);
  });

  it('browser mode refuses to start on a damaged database: the Japanese message on its console, store.open_failed in its log, the database and key byte for byte', async () => {
    const dir = queueWith(3);
    cases[0]!.make(dir);
    const before = snapshot(dir);
    const failed = await startBrowserMode(dir).then(
      (p) => p.stop().then(() => 'started'),
      (err: unknown) => String(err),
    );
    // the console: the log line (with SQLite's own words, for IT staff) and the message for the clerk
    const shown = failed.split('\n').find((l) => l.startsWith('ichimado: '));
    expect(shown).toContain('起動できませんでした: データベースファイルが壊れています');
    expect(shown).not.toMatch(/malformed/);
    expect(readAppLog(dir).find((l) => l.event === 'store.open_failed')).toMatchObject({ level: 'error', reason: 'corrupt', code: 'SQLITE_CORRUPT' });
    const after = snapshot(dir);
    for (const name of Object.keys(after)) if (name.startsWith('logs')) delete after[name];
    expect(after).toEqual(before);
  });

  it.skipIf(!canMakeImmutable)('a database file that cannot be written (immutable, so even root cannot)', async () => {
    const dir = queueWith(3);
    const file = path.join(dir, DB_FILE_NAME);
    const before = snapshot(dir);
    expect(immutable(file, true)).toBe(true);
    scope.defer(() => immutable(file, false));
    const r = await cli(['queue', 'stats', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    const [shown, logLine] = r.stderr.split('\n');
    expect(shown).toContain('データベースに書き込めません');
    expect(shown).not.toMatch(/readonly database/);
    expect(JSON.parse(logLine!)).toMatchObject({ event: 'store.open_failed', reason: 'read_only' });
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(!canMakeImmutable)('a data folder where nothing can be created (immutable): the WAL could not be made', async () => {
    const dir = queueWith(3);
    const before = snapshot(dir);
    expect(immutable(dir, true)).toBe(true);
    scope.defer(() => immutable(dir, false));
    const r = await cli(['sync', '--backend', 'http://127.0.0.1:9', '--until-empty', '--timeout-s', '1', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain('データベースに書き込めません');
    expect(r.stderr).not.toMatch(/readonly database/);
    expect(snapshot(dir)).toEqual(before);
    // the app cannot even make its log folder there: it still says what is wrong, in Japanese
    const failed = await startBrowserMode(dir).then(
      (p) => p.stop().then(() => 'started'),
      (err: unknown) => String(err),
    );
    const shown = failed.split('\n').find((l) => l.startsWith('ichimado: '));
    expect(shown).toContain('起動できませんでした: データベースに書き込めません');
    expect(shown).not.toMatch(/EPERM|readonly database/);
    expect(failed).toContain('"event":"store.open_failed"');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('data dir permissions', () => {
  const mode = (p: string) => fs.statSync(p).mode & 0o777;

  it('a new data dir is 0700 and the database, its WAL, the key and the log are 0600', async () => {
    const dir = path.join(scope.dir('modes'), 'data');
    const services = await createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off' });
    await signInServices(services);
    try {
      await services.dispatch('createCase', {});
      expect(mode(dir)).toBe(0o700);
      for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`, KEY_FILE_NAME, 'logs/ichimado.log']) expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
      expect(mode(path.join(dir, 'logs'))).toBe(0o700);
    } finally {
      await services.close();
    }
  });

  it('looser modes left by an earlier version are tightened at start, and the change is logged', async () => {
    const dir = queueWith(1);
    fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'logs', 'ichimado.log'), '');
    fs.writeFileSync(path.join(dir, 'config.json'), '{}');
    const loose = ['.', DB_FILE_NAME, KEY_FILE_NAME, 'config.json', 'logs', 'logs/ichimado.log'];
    for (const f of loose) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);

    const r = await cli(['queue', 'stats', '--json', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of loose) expect([f, mode(path.join(dir, f))]).toEqual([f, fs.statSync(path.join(dir, f)).isDirectory() ? 0o700 : 0o600]);

    for (const f of loose) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);
    const logged: { event: string; detail?: Record<string, unknown> }[] = [];
    const services = await createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', log: (_l, event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }) });
    await services.close();
    expect(logged.find((l) => l.event === 'store.permissions_tightened')?.detail?.files).toEqual(expect.arrayContaining(loose));
    for (const f of loose) expect(mode(path.join(dir, f)) & 0o077).toBe(0);
  });
});
