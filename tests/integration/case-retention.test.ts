import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import type { VisitCaseView } from '../../common/contract/case-operations';
import type { Result } from '../../common/contract/result';
import { localIsoDate } from '../../main/services/local-date';
import { testScope } from '../support/test-scope';
import { TENNYU_FILLS, tennyuHousehold } from '../support/tennyu-case';
import { signInServices } from '../support/sign-in';

/**
 * Visit cases (which hold 個人番号) are purged on time: the services on a real SQLite file, restarted
 * under a clock the test moves, with config.json as IT staff write it. And the clerk's 破棄.
 */
const scope = testScope();
const DAY = 86_400_000;
const t0 = Date.parse('2026-04-01T09:00:00Z');

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function rawCaseIds(dir: string): string[] {
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM visit_cases ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

/** the keyed audit trail's entries of one event, by their detail */
function auditEntries(dir: string, event: string): Record<string, unknown>[] {
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT detail FROM audit_entries WHERE event = ? ORDER BY seq').all(event) as { detail: string }[]).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

/** the cases the keyed audit trail records as discarded, and by whom */
function discardEntries(dir: string): { caseId: string; actor: string }[] {
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT case_id AS caseId, actor FROM audit_entries WHERE event = 'case.discarded' ORDER BY seq`).all() as { caseId: string; actor: string }[];
  } finally {
    db.close();
  }
}

describe('visit case retention', () => {
  it('deletes a submitted case after retentionDays and an untouched open case after abandonedCaseDays, and nothing sooner', async () => {
    const dir = scope.dir('case-retention');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ retentionDays: 7, abandonedCaseDays: 30 }));
    let clock = t0;
    const logged: { event: string; detail?: Record<string, unknown> }[] = [];
    let services: AppServices | null = null;
    const startAt = async (ms: number) => {
      await services?.close();
      clock = ms;
      services = await createAppServices({
        dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', now: () => clock,
        log: (_l, event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }),
      });
      await signInServices(services);
      return services;
    };
    scope.defer(() => services?.close());
    const today = localIsoDate();

    let s = await startAt(t0);
    // submitted: every form confirmed and sent
    let submitted = value<VisitCaseView>(await s.dispatch('createCase', { data: tennyuHousehold(today) }));
    for (const f of submitted.forms) submitted = value<VisitCaseView>(await s.dispatch('updateCase', { caseId: submitted.id, form: { key: f.key, values: TENNYU_FILLS[f.formId] ?? {}, confirm: true } }));
    value(await s.dispatch('submitCase', { caseId: submitted.id }));
    expect(value<VisitCaseView>(await s.dispatch('getCase', { caseId: submitted.id })).status).toBe('submitted');
    // left open and never touched again; left open and touched on day 20
    const abandoned = value<VisitCaseView>(await s.dispatch('createCase', { data: tennyuHousehold(today) }));
    const touched = value<VisitCaseView>(await s.dispatch('createCase', { data: tennyuHousehold(today) }));
    expect(rawCaseIds(dir)).toEqual([submitted.id, abandoned.id, touched.id].sort());

    s = await startAt(t0 + 6 * DAY);
    expect(rawCaseIds(dir)).toEqual([submitted.id, abandoned.id, touched.id].sort());

    s = await startAt(t0 + 8 * DAY);
    expect(rawCaseIds(dir)).toEqual([abandoned.id, touched.id].sort());
    expect((await s.dispatch('getCase', { caseId: submitted.id })).ok).toBe(false);
    // the applications stay in the queue (their personal data has its own retention)
    expect(value<{ total: number }>(await s.dispatch('listQueue', { caseId: submitted.id })).total).toBe(submitted.forms.length);

    s = await startAt(t0 + 20 * DAY);
    value(await s.dispatch('updateCase', { caseId: touched.id, selection: {} }));

    s = await startAt(t0 + 29 * DAY);
    expect(rawCaseIds(dir)).toEqual([abandoned.id, touched.id].sort());

    s = await startAt(t0 + 31 * DAY);
    expect(rawCaseIds(dir)).toEqual([touched.id]);
    expect(value<{ items: { id: string }[] }>(await s.dispatch('listCases', { status: 'open' })).items.map((c) => c.id)).toEqual([touched.id]);

    // the record says how many and why, never whose
    expect(auditEntries(dir, 'retention.purged').filter((d) => 'visitCases' in d)).toEqual([
      { visitCases: 1, finished: 1, abandoned: 0, finishedDays: 7, abandonedDays: 30 },
      { visitCases: 1, finished: 0, abandoned: 1, finishedDays: 7, abandonedDays: 30 },
    ]);
    expect(logged.filter((l) => l.event === 'retention.cases_purged').map((l) => l.detail)).toEqual([
      { finished: 1, abandoned: 0, finishedDays: 7, abandonedDays: 30 },
      { finished: 0, abandoned: 1, finishedDays: 7, abandonedDays: 30 },
    ]);

    // a PC clock set back by a year purges nothing
    s = await startAt(t0 - 365 * DAY);
    expect(rawCaseIds(dir)).toEqual([touched.id]);
  });

  it('abandonedCaseDays defaults to 30 days', async () => {
    const dir = scope.dir('case-retention-default');
    let clock = t0;
    const open = async () => {
      const services = await createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', now: () => clock, log: () => {} });
      await signInServices(services);
      return services;
    };
    let s = await open();
    const c = value<VisitCaseView>(await s.dispatch('createCase', {}));
    await s.close();
    clock = t0 + 29 * DAY;
    s = await open();
    await s.close();
    expect(rawCaseIds(dir)).toEqual([c.id]);
    clock = t0 + 30 * DAY + 60_000;
    s = await open();
    await s.close();
    expect(rawCaseIds(dir)).toEqual([]);
  });

  it.each([0, -1, 1.5, '30', 100_000])('refuses abandonedCaseDays %j at start-up with a Japanese message naming the key', async (bad) => {
    const dir = scope.dir('case-retention-config');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ abandonedCaseDays: bad }));
    await expect(createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', log: () => {} })).rejects.toThrow(
      /設定ファイル .* の項目が正しくありません: abandonedCaseDays/,
    );
  });
});

describe('discardCase', () => {
  it('deletes an open case with an id-only audit row; a submitted or unknown case is refused', async () => {
    const dir = scope.dir('case-discard');
    const s = await createAppServices({ dataDir: dir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', log: () => {} });
    await signInServices(s);
    scope.defer(() => s.close());
    const today = localIsoDate();
    const open = value<VisitCaseView>(await s.dispatch('createCase', { data: tennyuHousehold(today) }));
    let sent = value<VisitCaseView>(await s.dispatch('createCase', { data: tennyuHousehold(today) }));
    for (const f of sent.forms) sent = value<VisitCaseView>(await s.dispatch('updateCase', { caseId: sent.id, form: { key: f.key, values: TENNYU_FILLS[f.formId] ?? {}, confirm: true } }));
    value(await s.dispatch('submitCase', { caseId: sent.id }));

    expect(value(await s.dispatch('discardCase', { caseId: open.id }))).toEqual({ discarded: true });
    expect(rawCaseIds(dir)).toEqual([sent.id]);
    const again = await s.dispatch('getCase', { caseId: open.id });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
    expect(value<{ items: unknown[] }>(await s.dispatch('listCases', { status: 'open' })).items).toEqual([]);
    expect(discardEntries(dir)).toEqual([{ caseId: open.id, actor: expect.not.stringMatching(/^(system|os:)/) as unknown }]);

    const submitted = await s.dispatch('discardCase', { caseId: sent.id });
    expect(!submitted.ok && submitted.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('送信済み') as unknown });
    const unknown = await s.dispatch('discardCase', { caseId: open.id });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const bad = await s.dispatch('discardCase', { caseId: '../x' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    expect(rawCaseIds(dir)).toEqual([sent.id]);
  });
});
