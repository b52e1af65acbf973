import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../main/services/app-services';
import { signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import { openTestQueue } from '../support/queue';
import { ConnectorRouter } from '../../main/services/sync/connector-router';
import { SyncEngine } from '../../main/services/sync/sync-engine';
import { HttpIntakeConnector } from '../../main/services/sync/http-intake-connector';
import { createDispatch } from '../../main/services/api/dispatch';
import { createHandlers } from '../../main/services/api/handlers';
import { getJson, startBackendSim, tempDir, waitFor, type Proc } from '../support/processes';

/** The services as both bridges call them: every call validated, every failure a typed result. */
describe('app services dispatch', () => {
  let dataDir: string;
  let sim: Proc;
  let services: AppServices;
  const logFile = () => fs.readFileSync(path.join(dataDir, 'logs', 'ichimado.log'), 'utf8');
  const good = () => ({
    familyName: '渡邉',
    givenName: '花子',
    familyNameKana: 'わたなべ',
    givenNameKana: 'はなこ',
    birthDate: '平成2年2月2日',
    newAddress: '大阪府大阪市北区中之島1-3-20',
    oldAddress: '大阪府大阪市中央区大手前2-1-22',
    moveDate: formatWareki(localIsoDate(Date.now() - 86_400_000)),
  });

  beforeAll(async () => {
    dataDir = tempDir('services');
    sim = await startBackendSim(tempDir('sim'));
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '9.9.9', backendUrl: sim.url });
    await signInServices(services);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await sim?.stop();
  });

  it('answers getAppInfo with the configured back end', async () => {
    const r = await services.dispatch('getAppInfo', {});
    expect(r).toEqual({ ok: true, value: { version: '9.9.9', host: 'browser', today: localIsoDate(), backend: { url: sim.url, simulated: false }, nativePrint: false } });
  });

  it.each([
    ['an unknown operation', 'deleteEverything', {}],
    ['a non-object input', 'getQueueStats', 'hello'],
    ['null input', 'submitApplication', null],
    ['extra fields', 'getQueueStats', { sneaky: true }],
    ['wrong types', 'submitApplication', { formId: 42, values: [] }],
    ['a huge string', 'submitApplication', { formId: 'jumin-ido-tenkyo', values: { familyName: 'あ'.repeat(1_000_000) } }],
    ['a prototype-pollution key', 'listQueue', JSON.parse('{"__proto__": {"admin": true}}')],
  ])('refuses %s with INVALID_INPUT, without throwing', async (_what, op, input) => {
    const r = await services.dispatch(op as never, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });

  it('suggests ふりがな for a card name, variant kanji included, and refuses a huge name', async () => {
    expect(await services.dispatch('suggestNameReadings', { family: '\u9AD9橋', given: '陽翔' })).toMatchObject({ ok: true, value: { family: ['たかはし', 'たかばし'], given: ['はると', 'ひなと', 'はるひ'] } });
    expect(await services.dispatch('suggestNameReadings', { family: '高'.repeat(1000), given: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses fields the form does not have', async () => {
    const r = await services.dispatch('submitApplication', { formId: 'jumin-ido-tenkyo', values: { ...good(), 個人番号: '123456789018' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('returns field-level Japanese messages for invalid form data and saves nothing', async () => {
    const r = await services.dispatch('submitApplication', { formId: 'jumin-ido-tenkyo', values: { ...good(), birthDate: '昭和64年2月1日', givenNameKana: 'Hanako' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.fieldErrors).toEqual({
      birthDate: expect.stringContaining('昭和64年2月1日は存在しません') as unknown,
      givenNameKana: '名（ふりがな）はひらがなまたはカタカナで入力してください。',
    });
    expect(await services.dispatch('getQueueStats', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('saves a valid application, delivers it, and keeps personal data out of the log', async () => {
    const r = await services.dispatch('submitApplication', { formId: 'jumin-ido-tenkyo', values: good() });
    expect(r.ok).toBe(true);
    await waitFor(async () => {
      const s = await services.dispatch('getQueueStats', {});
      return s.ok && (s.value as { accepted: number }).accepted === 1;
    }, 10_000, 'acceptance');
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({ applications: 1, duplicateDeliveries: 0 });
    const list = await services.dispatch('listQueue', { status: 'accepted' });
    expect(list).toMatchObject({ ok: true, value: { items: [{ personName: '渡邉\u3000花子', status: 'accepted' }] } });
    const log = logFile();
    expect(log).toContain('api.invalid_input');
    for (const personal of ['渡邉', '花子', 'わたなべ', '中之島', '大手前', 'Hanako', '123456789018']) expect(log).not.toContain(personal);
  });

  it('reports a full disk as a STORAGE error in Japanese and keeps what was queued', async () => {
    const { db, repo } = openTestQueue(tempDir('full'));
    const sync = new SyncEngine(repo, ConnectorRouter.single(new HttpIntakeConnector({ baseUrl: 'http://127.0.0.1:9' })));
    const dispatch = createDispatch(createHandlers({ repo, sync, today: () => localIsoDate(), info: () => { throw new Error('unused'); } }), () => {});
    const submit = (values: Record<string, string>) => dispatch('submitApplication', { formId: 'jumin-ido-tenkyo', values });
    expect((await submit(good())).ok).toBe(true);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let last: Awaited<ReturnType<typeof submit>> | undefined;
    for (let i = 0; i < 50 && (last === undefined || last.ok); i++) last = await submit({ ...good(), oldAddress: `旧住所${i}`.repeat(20) });
    expect(last).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining('ディスクの空きが不足') as unknown } });
    expect(repo.stats().pending).toBeGreaterThanOrEqual(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: repo.stats().pending });
    db.close();
  });
});
