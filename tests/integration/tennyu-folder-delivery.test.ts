import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import type { VisitCaseView } from '../../common/contract/case-operations';
import type { QueueItem } from '../../common/contract/operations';
import type { Result } from '../../common/contract/result';
import { parseCsv } from '../../common/forms/csv-profile';
import { localIsoDate } from '../../main/services/local-date';
import { startTs, tempDir, waitFor, type Proc } from '../support/processes';
import { signInServices } from '../support/sign-in';
import { TENNYU_FILLS, tennyuHousehold } from '../support/tennyu-case';

/**
 * A family 転入 delivered to the folder connector end to end: the app's services as the counter runs
 * them (real SQLite, the operations the UI's bridge calls, its own sync engine on config.json's
 * `csv-folder` connector), the simulator as its own process watching the folder. The case's forms
 * become CSV + manifest in the folder (送信済), are imported into 仮登録 (取込済 → 受理), and reach
 * 完了 after the review (本登録), as the queue screen lists them.
 */
function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('family 転入 → csv-folder → 仮登録 → 完了', () => {
  let sim: Proc;
  let services: AppServices;
  const inbox = tempDir('tennyu-inbox');
  const results = tempDir('tennyu-results');
  const dataDir = tempDir('tennyu-counter');

  beforeAll(async () => {
    sim = await startTs(
      'main/cli/main.ts',
      ['backend-sim', '--port', '0', '--data-dir', tempDir('tennyu-sim'), '--csv-inbox', inbox, '--csv-results', results, '--review-delay-ms', '1500'],
      /backend-sim listening: (\S+)/,
    );
    fs.writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({
        city: { prefecture: '東京都', municipality: '千代田区', code: '131016' },
        connectors: { default: { type: 'csv-folder', outboxDir: inbox, resultsDir: results } },
        sync: { statusPollMs: 150, probeIntervalMs: 200 },
      }),
    );
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '9.9.9', ocr: 'off' });
    await signInServices(services);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await sim?.stop();
  });

  it('every form of the case: CSV with one row per person, 受理 only after 取込済, then 完了 on the queue', { timeout: 60_000 }, async () => {
    const today = localIsoDate();
    const { dispatch } = services;
    let v = value<VisitCaseView>(await dispatch('createCase', { data: tennyuHousehold(today) }));
    const caseId = v.id;
    for (const f of v.forms) v = value<VisitCaseView>(await dispatch('updateCase', { caseId, form: { key: f.key, values: TENNYU_FILLS[f.formId] ?? {}, confirm: true } }));
    const { applicationIds } = value<{ applicationIds: string[] }>(await dispatch('submitCase', { caseId }));
    expect(applicationIds.length).toBeGreaterThanOrEqual(3);

    // what the queue screen shows, polled while the back end works: every status each application passed
    const seen = new Map<string, Set<string>>();
    const items = await waitFor(async () => {
      const list = value<{ items: QueueItem[] }>(await dispatch('listQueue', { caseId, limit: 50 })).items;
      for (const i of list) seen.set(i.id, (seen.get(i.id) ?? new Set()).add(i.status));
      return list.length === applicationIds.length && list.every((i) => i.status === 'completed') ? list : undefined;
    }, 45_000, 'every application of the case to reach 完了');
    for (const i of items) {
      // 受理 is the back end's 取込済, never the hand-over itself; nothing failed or was returned on the way
      expect([...seen.get(i.id)!].filter((s) => !['pending', 'in_flight', 'delivered'].includes(s))).toEqual(expect.arrayContaining(['completed']));
      expect(seen.get(i.id)!.has('failed') || seen.get(i.id)!.has('returned')).toBe(false);
      expect(i.receiptNumber).toMatch(/_v1$/);
    }
    // (whether a poll caught the short 受理 phase depends on timing: the result files below prove the 取込済)

    // the files the back end got: per application a manifest and its CSV, the 住民異動届 with both persons
    const processed = path.join(inbox, 'processed');
    // (the back end sets its inbox files aside after publishing 取込済: the same wait, not a race)
    await waitFor(() => items.every((i) => fs.existsSync(path.join(processed, `${i.receiptNumber}.manifest.json`))), 10_000, 'the manifests to be set aside');
    const manifests = items.map((i) => JSON.parse(fs.readFileSync(path.join(processed, `${i.receiptNumber}.manifest.json`), 'utf8')) as Record<string, unknown>);
    expect(new Set(manifests.map((m) => m.様式ID))).toEqual(new Set(items.map((i) => i.formId)));
    const tennyu = manifests.find((m) => m.様式ID === 'jumin-ido-tennyu')!;
    expect(tennyu).toMatchObject({ 団体コード: '131016', 業務ID: '001', 行数: 2, 版: 1 });
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(processed, String(tennyu.CSVファイル名)), 'utf8'));
    expect(rows).toHaveLength(2);
    const name = header!.indexOf('氏名');
    expect(rows.map((r) => r[name])).toEqual(['塚田\u3000一郎', '塚田\u3000花子']);
    // one 取込済 and one 本登録 result per application, each applied and set aside. The engine sets a
    // result file aside only after its status is committed (a crash between reads it again, harmlessly),
    // so 完了 on the queue can be seen a moment before the file moves: wait for the move, don't race it.
    const expected = items.flatMap((i) => [`${i.receiptNumber}.imported.json`, `${i.receiptNumber}.registered.json`]);
    const done = await waitFor(async () => {
      const names = fs.readdirSync(path.join(results, 'processed'));
      return expected.every((n) => names.includes(n)) ? names : undefined;
    }, 10_000, 'every result file to be set aside');
    expect(done).toEqual(expect.arrayContaining(expected));
  });
});
