import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, runBundledCli } from '../support/cli-bundle';
import { readAppLog, startTs, tempDir, type Proc } from '../support/processes';
import { DB_FILE_NAME, openStore } from '../../main/services/store/open-database';
import { KEY_FILE_NAME } from '../../main/services/crypto/key-store';

/**
 * Encryption at rest and the admin tools, as city IT staff meet them: the CLI in its own process
 * on a real data dir, the simulator in its own process, and the raw bytes of the files on disk.
 */

const N = 30;

interface Exported {
  id: string;
  status: string;
  caseId: string;
  version: number;
  receiptNumber: string | null;
  payload: SamplePayload | null;
}

/** what `enqueue --sample` captures for a 転居 (main/services/demo/sample-applications.ts) */
interface SamplePayload {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  newAddress: string;
  oldAddress: string;
  moveDate: string;
}

let bundle: string;
let sim: Proc;
let simDir: string;
let dataDir: string;
const dirs: string[] = [];
let enqueued: { enqueued: number; cases: number };
/** the queue file and its WAL as they were on disk right after enqueue, sync and an export */
let rawDb: Buffer;
let rawWal: Buffer;
let firstExport: Exported[];

function cli(args: string[]) {
  return runBundledCli(bundle, args, 30_000);
}

function dir(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function parseLines(stdout: string): Exported[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Exported);
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+:\d+/);
  expect(text).not.toMatch(/Error:/);
}

/** A copy of the prepared data dir, for the tests that break it on purpose. */
function copyOfDataDir(): string {
  const d = dir('admin-copy');
  fs.cpSync(dataDir, d, { recursive: true });
  return d;
}

const logLines = readAppLog;

beforeAll(async () => {
  bundle = await cliBundle();
  simDir = dir('admin-sim');
  dataDir = dir('admin-data');
  sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', '0', '--data-dir', simDir], /backend-sim listening: (\S+)/);

  // the database and its key, created as the app creates them (commands that only read refuse a dir without one)
  openStore(path.join(dataDir, DB_FILE_NAME)).db.close();
  // A reader held open for the whole run: the CLI processes then cannot fold the WAL back into the
  // database when they exit, so what they wrote is still in ichimado.db-wal to be inspected.
  const holder = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    holder.prepare('SELECT COUNT(*) FROM applications').get();
    const e = await cli(['enqueue', '--data-dir', dataDir, '--sample', String(N), '--seed', '5']);
    expect(e.code, e.stderr).toBe(0);
    enqueued = JSON.parse(e.stdout) as typeof enqueued;
    const s = await cli(['sync', '--data-dir', dataDir, '--backend', sim.url, '--until-empty', '--timeout-s', '30']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ emptied: true, total: N, accepted: N });
    const x = await cli(['queue', 'export', '--data-dir', dataDir, '--json']);
    expect(x.code, x.stderr).toBe(0);
    firstExport = parseLines(x.stdout);
    rawDb = fs.readFileSync(path.join(dataDir, DB_FILE_NAME));
    rawWal = fs.readFileSync(path.join(dataDir, `${DB_FILE_NAME}-wal`));
  } finally {
    holder.close();
  }
  // fold the WAL in (the CLI is now the last connection), so copies of the dir are one file
  const folded = await cli(['queue', 'stats', '--data-dir', dataDir]);
  expect(folded.code, folded.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('encryption at rest (field-level AES-256-GCM)', () => {
  it('the database file and its WAL hold none of the names, addresses or birth dates, though they hold the queue', () => {
    expect(rawWal.length).toBeGreaterThan(0);
    const bytes = Buffer.concat([rawDb, rawWal]);
    // the method works: non-personal queue data (receipt numbers, keys of the outbox) is plaintext
    expect(firstExport).toHaveLength(N);
    for (const a of firstExport.slice(0, 5)) {
      expect(bytes.includes(Buffer.from(a.receiptNumber!, 'utf8')), a.receiptNumber!).toBe(true);
      expect(bytes.includes(Buffer.from(a.id, 'utf8')), a.id).toBe(true);
    }
    const secrets = new Set<string>();
    for (const a of firstExport) {
      const p = a.payload!;
      for (const v of [`${p.familyName}\u3000${p.givenName}`, p.familyName, p.newAddress, p.oldAddress, p.birthDate, p.familyNameKana + p.givenNameKana]) secrets.add(v);
    }
    secrets.add('newAddress');
    secrets.add('familyName');
    expect(secrets.size).toBeGreaterThan(N);
    for (const s of secrets) expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
  });

  it('nor does the app log', () => {
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'ichimado.log'), 'utf8');
    expect(log).toContain('sync.delivered');
    for (const a of firstExport) {
      expect(log).not.toContain(a.payload!.newAddress);
      expect(log).not.toContain(a.payload!.familyName);
    }
  });

  it('the key file beside the database is readable by its owner only (0600)', () => {
    const st = fs.statSync(path.join(dataDir, KEY_FILE_NAME));
    expect(st.mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').trim(), 'base64')).toHaveLength(32);
  });
});

describe('queue export --data-dir D --json (audited admin tool)', () => {
  it('prints one JSON line per application with id, status, case id and the decrypted payload', () => {
    expect(firstExport).toHaveLength(N);
    expect(new Set(firstExport.map((a) => a.id)).size).toBe(N);
    expect(new Set(firstExport.map((a) => a.caseId)).size).toBe(enqueued.cases);
    for (const a of firstExport) {
      expect(a).toMatchObject({ status: 'accepted', version: 1, receiptNumber: expect.stringMatching(/^R\d{4}-\d{6}$/) as unknown });
      expect(a.payload).toMatchObject({
        familyName: expect.any(String) as unknown,
        givenName: expect.any(String) as unknown,
        newAddress: expect.stringMatching(/^(東京都|大阪府|北海道|福岡県|宮城県|愛知県)/) as unknown,
        birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      });
    }
  });

  it('each run adds an export entry to the audit trail and a queue.exported line to the log (who and how many, not what)', async () => {
    const audits = () => {
      const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(`SELECT at, actor, detail FROM audit_entries WHERE event = 'export.queue' ORDER BY seq`).all() as { at: string; actor: string; detail: string }[];
      } finally {
        db.close();
      }
    };
    const exported = () => logLines(dataDir).filter((l) => l.event === 'queue.exported');
    const auditBefore = audits();
    const logBefore = exported();
    expect(auditBefore.length).toBeGreaterThanOrEqual(1); // the export in beforeAll

    const r = await cli(['queue', 'export', '--data-dir', dataDir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseLines(r.stdout).map((a) => a.id)).toEqual(firstExport.map((a) => a.id));

    const auditAfter = audits();
    expect(auditAfter).toHaveLength(auditBefore.length + 1);
    const row = auditAfter[auditAfter.length - 1]!;
    expect(Date.parse(row.at)).not.toBeNaN();
    expect(row.actor).toMatch(/^os:.+/); // the OS user who ran it
    const logAfter = exported();
    expect(logAfter).toHaveLength(logBefore.length + 1);
    expect(logAfter[logAfter.length - 1]).toMatchObject({ level: 'info', event: 'queue.exported', count: N, actor: expect.stringMatching(/.+@.+/) as unknown });
    // the record says who exported, never what: no payload in either
    const text = row.detail + JSON.stringify(logAfter);
    for (const a of firstExport) expect(text).not.toContain(a.payload!.familyName);
  });

  it('without --json exits 2 and prints nothing personal', async () => {
    const r = await cli(['queue', 'export', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('a lost key, and key reset', () => {
  it('with the key file deleted, queue stats exits non-zero with the Japanese 暗号鍵が見つかりません message, no stack trace, nothing changed', async () => {
    const d = copyOfDataDir();
    fs.rmSync(path.join(d, KEY_FILE_NAME));
    const before = sha256(path.join(d, DB_FILE_NAME));

    const r = await cli(['queue', 'stats', '--data-dir', d, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('暗号鍵が見つかりません');
    expect(r.stderr).toContain('key reset');
    expectNoStackTrace(r.stderr);

    // export refuses the same way and prints no data
    const x = await cli(['queue', 'export', '--data-dir', d, '--json']);
    expect(x.code).not.toBe(0);
    expect(x.stdout).toBe('');
    expect(x.stderr).toContain('暗号鍵が見つかりません');

    // nothing written: no new key made up, the database untouched
    expect(fs.existsSync(path.join(d, KEY_FILE_NAME))).toBe(false);
    expect(sha256(path.join(d, DB_FILE_NAME))).toBe(before);
  });

  it('key reset --confirm after a lost key moves the database aside (nothing deleted); a new queue starts empty', async () => {
    const d = copyOfDataDir();
    fs.rmSync(path.join(d, KEY_FILE_NAME));
    const before = sha256(path.join(d, DB_FILE_NAME));

    const r = await cli(['key', 'reset', '--data-dir', d, '--confirm']);
    expect(r.code, r.stderr).toBe(0);
    const moved = (JSON.parse(r.stdout) as { movedAside: string[] }).movedAside;
    const asideDb = moved.find((n) => n.startsWith(`${DB_FILE_NAME}.unreadable-`) && !/-(wal|shm)$/.test(n));
    expect(asideDb).toBeDefined();
    expect(fs.existsSync(path.join(d, DB_FILE_NAME))).toBe(false);
    expect(sha256(path.join(d, asideDb!))).toBe(before);

    // no database now: commands that read refuse until the app (or enqueue) makes a new one
    const none = await cli(['queue', 'stats', '--data-dir', d, '--json']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('データベースが見つかりません');
    expect((await cli(['enqueue', '--data-dir', d, '--sample', '1'])).code).toBe(0);
    const s = await cli(['queue', 'stats', '--data-dir', d, '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toEqual({ total: 1, pending: 1, inFlight: 0, delivered: 0, accepted: 0, returned: 0, completed: 0, failed: 0 });
    expect(fs.existsSync(path.join(d, asideDb!))).toBe(true);
  });

  it('key reset --confirm with the key present refuses: the key opens the database, so nothing is moved', async () => {
    const d = copyOfDataDir();
    // the database and key byte for byte (an empty WAL and its index left by the read-only readers of the tests above may be tidied away)
    const files = () => Object.fromEntries(fs.readdirSync(d).filter((n) => !/^logs$|-(wal|shm)$/.test(n)).map((n) => [n, sha256(path.join(d, n))]));
    const before = files();
    expect(Object.keys(before).sort()).toEqual([DB_FILE_NAME, KEY_FILE_NAME]);

    const r = await cli(['key', 'reset', '--data-dir', d, '--confirm']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('今の暗号鍵でデータベースを開けます');
    expect(r.stderr).toContain(`申請 ${N} 件`);
    expectNoStackTrace(r.stderr);
    expect(files()).toEqual(before);

    const s = await cli(['queue', 'stats', '--data-dir', d, '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ total: N });
  });

  it('key reset without --confirm exits 2 and moves nothing', async () => {
    const d = copyOfDataDir();
    const before = fs.readdirSync(d).sort();
    const r = await cli(['key', 'reset', '--data-dir', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--confirm');
    expectNoStackTrace(r.stderr);
    expect(fs.readdirSync(d).sort()).toEqual(before);
  });
});
