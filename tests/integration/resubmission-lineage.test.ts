import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { signInServices } from '../support/sign-in';
import { getJson, startBackendSim, tempDir, waitFor, type Proc } from '../support/processes';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import type { QueueItem } from '../../common/contract/operations';
import { DB_FILE_NAME } from '../../main/services/store/open-database';

/**
 * A 差戻し corrected twice, as the counter and the back end meet it: real SQLite file, the simulator
 * as its own process. Each resubmission gets its own 受付番号 from the back end; the queue, the
 * printed form and the request sent all say which application (and which receipts) it replaces.
 */
describe('再提出の受付番号の系譜 (resubmission lineage)', () => {
  let dataDir: string;
  let sim: Proc;
  let services: AppServices;

  const values = (newAddress: string) => ({
    familyName: '岡部',
    givenName: '律子',
    familyNameKana: 'おかべ',
    givenNameKana: 'りつこ',
    birthDate: '平成3年4月5日',
    newAddress,
    oldAddress: '大阪府大阪市中央区大手前2-1-22',
    moveDate: formatWareki(localIsoDate(Date.now() - 86_400_000)),
  });

  async function call<T>(op: Parameters<AppServices['dispatch']>[0], input: unknown): Promise<T> {
    const r = await services.dispatch(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }

  const liveItem = async (id: string) => (await call<{ items: QueueItem[] }>('listQueue', {})).items.find((i) => i.id === id);
  async function decided(id: string, status: 'returned' | 'completed'): Promise<QueueItem> {
    return waitFor(async () => {
      await call('syncNow', {});
      const it = await liveItem(id);
      return it?.status === status ? it : undefined;
    }, 30_000, `${id} ${status}`);
  }

  beforeAll(async () => {
    dataDir = tempDir('lineage');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { backoffBaseMs: 50, backoffCapMs: 500, probeIntervalMs: 200, statusPollMs: 200 } }));
    sim = await startBackendSim(tempDir('lineage-sim'), 0, ['--review-delay-ms', '100']);
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '9.9.9', backendUrl: sim.url, ocr: 'off' });
    await signInServices(services);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await sim?.stop();
  });

  let first: QueueItem;
  let second: QueueItem;
  let third: QueueItem;

  it('a first submission carries no lineage', async () => {
    const { applicationId } = await call<{ applicationId: string }>('submitApplication', { formId: 'jumin-ido-tenkyo', values: values('東京都港区番地不明1') });
    first = await decided(applicationId, 'returned');
    expect(first.receiptNumber).toMatch(/^R\d{4}-\d{6}$/);
    expect(first.history).toEqual([]);
  }, 40_000);

  it('the correction records the application it replaces, and the back end is told which one', async () => {
    const { applicationId } = await call<{ applicationId: string }>('submitApplication', {
      formId: 'jumin-ido-tenkyo', supersedesId: first.id, values: values('東京都港区番地不明2'),
    });
    second = await decided(applicationId, 'returned');
    expect(second.receiptNumber).not.toBe(first.receiptNumber);
    expect(second.history).toEqual([{ id: first.id, version: 1, receiptNumber: first.receiptNumber, status: 'returned' }]);
    expect(await getJson(`${sim.url}/admin/lineage?receipt=${second.receiptNumber}`)).toEqual({
      receiptNumber: second.receiptNumber,
      applicationId: second.id,
      supersedesReceipt: first.receiptNumber,
      supersedesApplicationId: first.id,
    });
  }, 40_000);

  it('a chain of two resubmissions shows the whole chain, in the queue, the request and the printed form', async () => {
    const { applicationId } = await call<{ applicationId: string }>('submitApplication', {
      formId: 'jumin-ido-tenkyo', supersedesId: second.id, values: values('東京都港区芝公園4-2-8'),
    });
    third = await decided(applicationId, 'completed');
    expect(third.version).toBe(3);
    expect(third.history).toEqual([
      { id: first.id, version: 1, receiptNumber: first.receiptNumber, status: 'returned' },
      { id: second.id, version: 2, receiptNumber: second.receiptNumber, status: 'returned' },
    ]);
    // one row per application: the replaced versions are in the history, not listed again
    expect((await call<{ items: QueueItem[] }>('listQueue', {})).items.map((i) => i.id)).toEqual([third.id]);
    expect(await getJson(`${sim.url}/admin/lineage?receipt=${third.receiptNumber}`)).toMatchObject({
      applicationId: third.id, supersedesReceipt: second.receiptNumber, supersedesApplicationId: second.id,
    });
    const printed = await call<{ content: string; mimeType: string }>('renderApplicationPrint', { applicationId: third.id, format: 'html' });
    expect(printed.mimeType).toBe('text/html');
    expect(printed.content).toContain(`再提出　元の受付番号 ${first.receiptNumber} → ${second.receiptNumber}`);
    expect(printed.content).toContain(`受付番号 ${third.receiptNumber}`);
    expect(printed.content).toContain('芝公園4-2-8');
    // the first submission printed again says what replaced it, and replaces nothing itself
    const original = (await call<{ content: string }>('renderApplicationPrint', { applicationId: first.id, format: 'html' })).content;
    expect(original).toContain(`再提出済み → ${second.receiptNumber}`);
    expect(original).not.toContain('元の受付番号');
  }, 40_000);

  it('an old database learns the lineage index by a forward-only migration', () => {
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    try {
      const idx = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'`).all() as { name: string }[];
      expect(idx.map((i) => i.name)).toContain('applications_by_root');
    } finally {
      db.close();
    }
  });
});
