import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openStore } from '../../main/services/store/open-database';
import { ApplicationRepository } from '../../main/services/store/application-repository';
import { VisitCaseRepository } from '../../main/services/store/visit-case-repository';
import { CaseSubmission } from '../../main/services/store/case-submission';
import { SyncEngine } from '../../main/services/sync/sync-engine';
import { ConnectorRouter } from '../../main/services/sync/connector-router';
import { HttpIntakeConnector } from '../../main/services/sync/http-intake-connector';
import { createHandlers } from '../../main/services/api/handlers';
import { checkStoredPayload, intakePayload } from '../../main/services/sync/payload-checks';
import { createDispatch } from '../../main/services/api/dispatch';
import type { VisitCaseView } from '../../common/contract/case-operations';
import type { Result } from '../../common/contract/result';
import { localIsoDate } from '../../main/services/local-date';
import { findForm } from '../../common/forms/registry';
import { getJson, waitFor } from '../support/processes';
import { testScope } from '../support/test-scope';
import { TENNYU_FILLS, tennyuHousehold } from '../support/tennyu-case';

/**
 * Submitting a visit case when the disk fills up between queuing its applications and recording
 * them on the case: a real SQLite file made to answer SQLITE_FULL, the services' own handlers, and
 * the simulated back end as its own process counting what it stored.
 */
const scope = testScope();
const today = localIsoDate();
const household = tennyuHousehold(today);
const fills = TENNYU_FILLS;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The services' composition (app-services.ts) with a handle on the database, to make it fail. */
async function counter(dataDir: string, backendUrl: string) {
  const { db, cipher } = openStore(path.join(dataDir, DB_FILE_NAME));
  const repo = new ApplicationRepository(db, cipher, { formTitle: (id) => findForm(id)?.title ?? id });
  const cases = new VisitCaseRepository(db, cipher);
  const connector = new HttpIntakeConnector({ baseUrl: backendUrl });
  const sync = new SyncEngine(repo, ConnectorRouter.single(connector), { backoffBaseMs: 50, backoffCapMs: 500, checkPayload: checkStoredPayload, toIntakePayload: intakePayload, log: () => {} });
  const handlers = createHandlers({
    repo,
    sync,
    cases: { cases, submission: new CaseSubmission(db, repo, cases), pdf: () => null },
    today: () => today,
    info: () => ({ version: '1', host: 'browser', today, backend: { url: backendUrl, simulated: true }, nativePrint: false }),
  });
  const logged: { event: string; detail?: Record<string, unknown> }[] = [];
  const dispatch = createDispatch(handlers, (_level, event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }));
  sync.start();
  scope.defer(async () => {
    await sync.stop();
    connector.close();
    db.close();
  });
  return { db, repo, dispatch, logged };
}

describe('submitCase is one transaction', () => {
  it('a disk that fills up between queuing and marking the case queues nothing; the resubmission files each form exactly once', async () => {
    const sim = await scope.sim('atomic-sim');
    const { db, repo, dispatch, logged } = await counter(scope.dir('atomic-data'), sim.url);

    let v = value<VisitCaseView>(await dispatch('createCase', { data: household }));
    const caseId = v.id;
    for (const f of v.forms) v = value<VisitCaseView>(await dispatch('updateCase', { caseId, form: { key: f.key, values: fills[f.formId] ?? {}, confirm: true } }));
    const n = v.forms.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(v.forms.filter((f) => !f.confirmed).map((f) => [f.formId, f.fieldErrors])).toEqual([]);

    // SQLITE_FULL for real: the file may grow by a few pages (enough to queue the applications),
    // and recording the submission on the case asks for a megabyte more.
    db.exec('CREATE TABLE test_ballast (b BLOB)');
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 40}`);
    db.exec('CREATE TEMP TRIGGER test_disk_full BEFORE UPDATE ON visit_cases BEGIN INSERT INTO test_ballast VALUES (zeroblob(1000000)); END');

    const failed = await dispatch('submitCase', { caseId });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('STORAGE');
    // the clerk is told plainly that nothing went into the queue, and what to do
    expect(failed.error.message).toContain('ディスクの空きが不足');
    expect(failed.error.message).toContain('送信キューには入っていません');
    expect(logged.find((l) => l.event === 'api.handler_failed')?.detail).toMatchObject({ operation: 'submitCase', code: 'STORAGE' });

    // nothing queued, nothing marked: the case still shows every form unsent
    expect(repo.stats().total).toBe(0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
    const after = value<VisitCaseView>(await dispatch('getCase', { caseId }));
    expect(after.status).toBe('open');
    expect(after.forms.every((f) => f.applicationId === null)).toBe(true);

    // space again: the clerk presses 送信キューへ once more
    db.exec('DROP TRIGGER test_disk_full');
    db.pragma('max_page_count = 1073741823');
    const sent = value<{ applicationIds: string[] }>(await dispatch('submitCase', { caseId }));
    expect(sent.applicationIds).toHaveLength(n);
    expect(repo.stats().total).toBe(n);
    expect(value<VisitCaseView>(await dispatch('getCase', { caseId })).status).toBe('submitted');
    // a third press files nothing more
    const third = await dispatch('submitCase', { caseId });
    expect(third.ok).toBe(false);
    expect(repo.stats().total).toBe(n);

    // the back end stores each form once
    await waitFor(() => repo.stats().accepted === n, 20_000, 'all delivered');
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({ applications: n, duplicateDeliveries: 0 });
  });
});
