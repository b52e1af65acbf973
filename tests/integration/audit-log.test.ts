import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openStore } from '../../main/services/store/open-database';
import { openAuditLog } from '../../main/services/audit/open-audit-log';
import { AUDIT_BROKEN_EXIT } from '../../main/cli/commands/audit-verify';
import { entryMac, GENESIS_MAC } from '../../main/services/audit/audit-chain';
import { runCli, tempDir } from '../support/processes';

/**
 * The audit trail as an auditor meets it: entries written by the services into a real SQLite file,
 * then someone with the database file but not the key edits, deletes, inserts or reorders rows
 * directly (better-sqlite3), and `cli audit verify` (its own process) names the first bad entry.
 */
const ENTRIES = 6;
const open: { close(): void }[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function writeTrail(now?: () => number): string {
  const dir = tempDir('audit');
  const store = openStore(path.join(dir, DB_FILE_NAME));
  const audit = openAuditLog(store, 'counter-01', now ? { now } : {});
  for (let i = 0; i < ENTRIES; i++) audit.append({ actor: `clerk-${i % 2}`, event: i % 2 ? 'case.opened' : 'print', caseId: `case-${i}`, detail: { n: i } });
  store.db.close();
  return dir;
}

function raw(dir: string): Database.Database {
  const db = new Database(path.join(dir, DB_FILE_NAME));
  open.push(db);
  return db;
}

async function verify(dir: string) {
  const r = await runCli(['audit', 'verify', '--data-dir', dir]);
  return { ...r, result: JSON.parse(r.stdout) as { ok: boolean; entries: number; firstBadSeq?: number } };
}

async function expectBroken(dir: string, seq: number): Promise<void> {
  const r = await verify(dir);
  expect(r.code, r.stderr).toBe(AUDIT_BROKEN_EXIT);
  expect(r.result).toMatchObject({ ok: false, firstBadSeq: seq });
  expect(r.stderr).toContain(`項目 #${seq}`);
}

describe('cli audit verify', { timeout: 90_000 }, () => {
  it('exits 0 on an intact trail and reports its entries and head', async () => {
    const dir = writeTrail();
    const r = await verify(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.result).toMatchObject({ ok: true, entries: ENTRIES, head: { seq: ENTRIES } });
  });

  it('names the edited entry when one field of one row was changed', async () => {
    const dir = writeTrail();
    raw(dir).prepare(`UPDATE audit_entries SET actor = 'someone-else' WHERE seq = 3`).run();
    await expectBroken(dir, 3);
  });

  it('names the entry after a deleted one', async () => {
    const dir = writeTrail();
    raw(dir).prepare('DELETE FROM audit_entries WHERE seq = 3').run();
    const r = await verify(dir);
    expect(r.code).toBe(AUDIT_BROKEN_EXIT);
    expect(r.result).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(r.stderr).toContain('#3');
  });

  it('names an inserted entry (the rows after it renumbered to make room)', async () => {
    const dir = writeTrail();
    const db = raw(dir);
    db.transaction(() => {
      // renumber from the top down so the primary key never collides
      for (let s = ENTRIES; s >= 3; s--) db.prepare('UPDATE audit_entries SET seq = ? WHERE seq = ?').run(s + 1, s);
      const copy = db.prepare('SELECT * FROM audit_entries WHERE seq = 2').get() as Record<string, unknown>;
      db.prepare(`INSERT INTO audit_entries (seq, at, day, actor, event, case_id, application_id, person_ref, terminal, detail, mac)
        VALUES (3, @at, @day, 'forger', 'print', 'case-x', NULL, NULL, @terminal, '{}', @mac)`).run(copy);
    })();
    await expectBroken(dir, 3);
  });

  it('names an entry appended at the end with a made-up MAC', async () => {
    const dir = writeTrail();
    const db = raw(dir);
    const last = db.prepare('SELECT * FROM audit_entries WHERE seq = ?').get(ENTRIES) as Record<string, unknown>;
    db.prepare(`INSERT INTO audit_entries (seq, at, day, actor, event, case_id, application_id, person_ref, terminal, detail, mac)
      VALUES (@seq, @at, @day, @actor, @event, @case_id, NULL, NULL, @terminal, @detail, @mac)`).run({ ...last, seq: ENTRIES + 1, mac: 'f'.repeat(64) });
    await expectBroken(dir, ENTRIES + 1);
  });

  it('names the first of two reordered entries (contents swapped, numbers kept)', async () => {
    const dir = writeTrail();
    const db = raw(dir);
    db.transaction(() => {
      db.prepare('UPDATE audit_entries SET seq = -1 WHERE seq = 2').run();
      db.prepare('UPDATE audit_entries SET seq = 2 WHERE seq = 4').run();
      db.prepare('UPDATE audit_entries SET seq = 4 WHERE seq = -1').run();
    })();
    await expectBroken(dir, 2);
  });

  it('names the first entry when the whole chain was rewritten with a key other than the data key', async () => {
    const dir = writeTrail();
    const db = raw(dir);
    const guess = Buffer.alloc(32, 7);
    let prev = GENESIS_MAC;
    const rows = db.prepare('SELECT * FROM audit_entries ORDER BY seq').all() as Record<string, string | number | null>[];
    for (const r of rows) {
      const e = {
        seq: r.seq as number, at: r.at as string, day: r.day as string, actor: r.seq === 2 ? 'forger' : (r.actor as string), event: r.event as string,
        caseId: r.case_id as string | null, applicationId: null, personRef: null, terminal: r.terminal as string, detail: r.detail as string,
      };
      prev = entryMac(guess, prev, e);
      db.prepare('UPDATE audit_entries SET actor = ?, mac = ? WHERE seq = ?').run(e.actor, prev, e.seq);
    }
    await expectBroken(dir, 1);
  });
});

describe('audit retention', { timeout: 90_000 }, () => {
  it('purges entries older than the retention, and the rest still verifies from the sealed anchor', async () => {
    let now = Date.UTC(2018, 0, 10);
    const dir = writeTrail(() => now);
    now = Date.UTC(2026, 0, 10);
    const store = openStore(path.join(dir, DB_FILE_NAME));
    const audit = openAuditLog(store, 'counter-01', { now: () => now });
    audit.append({ actor: 'clerk-1', event: 'print', caseId: 'case-new' });
    expect(audit.purgeOlderThan(7, 'system')).toEqual({ purged: ENTRIES });
    expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
    expect(audit.list({}).map((e) => e.event)).toEqual(['audit.purged', 'print']);
    store.db.close();
    const r = await verify(dir);
    expect(r.code, r.stderr).toBe(0);

    // the anchor cannot be moved: pointing it at another MAC breaks the seal
    raw(dir).prepare(`UPDATE audit_anchor SET mac = ?`).run('0'.repeat(64));
    await expectBroken(dir, ENTRIES);
  });

  it('does not purge a part of the chain that was tampered with (the evidence stays)', () => {
    let now = Date.UTC(2018, 0, 10);
    const dir = writeTrail(() => now);
    raw(dir).prepare(`UPDATE audit_entries SET event = 'print' WHERE seq = 2`).run();
    now = Date.UTC(2026, 0, 10);
    const store = openStore(path.join(dir, DB_FILE_NAME));
    const audit = openAuditLog(store, 'counter-01', { now: () => now });
    expect(audit.purgeOlderThan(7, 'system')).toMatchObject({ refused: { ok: false, firstBadSeq: 2 } });
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n).toBe(ENTRIES);
    store.db.close();
  });
});

describe('cli audit export', { timeout: 90_000 }, () => {
  it('writes the days asked for as CSV or JSON with each MAC, and records the export itself', async () => {
    const dir = writeTrail();
    const today = new Date().toLocaleDateString('sv-SE');
    const csv = await runCli(['audit', 'export', '--data-dir', dir, '--from', today, '--to', today, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,day,actor,event,caseId,applicationId,personRef,terminal,detail,mac');
    // the six entries, then the export's own record
    expect(lines).toHaveLength(1 + ENTRIES + 1);
    expect(lines[ENTRIES + 1]).toMatch(/^7,.*,os:[^,]+,export\.audit,/);
    const json = await runCli(['audit', 'export', '--data-dir', dir, '--from', today, '--to', today, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as { seq: number; event: string; mac: string; detail: unknown }[];
    expect(items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items[7]).toMatchObject({ event: 'export.audit', detail: { format: 'json', from: today, to: today } });
    expect(items.every((e) => /^[0-9a-f]{64}$/.test(e.mac))).toBe(true);
    expect((await verify(dir)).code).toBe(0);

    const none = await runCli(['audit', 'export', '--data-dir', dir, '--from', '2000-01-01', '--to', '2000-01-02', '--format', 'json']);
    expect(JSON.parse(none.stdout)).toEqual([]);
    const bad = await runCli(['audit', 'export', '--data-dir', dir, '--from', 'yesterday', '--to', today, '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});
