import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { AppModeMismatchError, demoDataDir, startDataDir } from '../../main/services/app-mode';
import { DEMO_PASSWORD } from '../../main/services/accounts/demo-accounts';
import { DRILL_RETURN_REASON } from '../../main/backend-sim/sim-drills';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import { tempDir, waitFor } from '../support/processes';
import { cliBundle, runBundledCli } from '../support/cli-bundle';
import { signInServices } from '../support/sign-in';

/**
 * 研修モード as the services see it: the mode comes from the configuration and is stamped into the
 * database, so a demo data dir never opens as production nor the other way round; the trainer's
 * drills and reset exist only in demo mode and only for the trainer; `cli demo reset` refuses
 * production data. Real SQLite files, the embedded simulator, the CLI as its own process.
 */
const TRAINER = { name: '研修担当', password: DEMO_PASSWORD };
const CLERK = { name: '研修職員', password: DEMO_PASSWORD };
const PROD_CONFIG = { backendUrl: 'http://127.0.0.1:9' };

const tenkyo = () => ({
  formId: 'jumin-ido-tenkyo',
  values: {
    familyName: '見本',
    givenName: '太郎',
    familyNameKana: 'みほん',
    givenNameKana: 'たろう',
    birthDate: '昭和60年4月12日',
    newAddress: '山梨県甲府市丸の内一丁目2番3号',
    oldAddress: '山梨県甲府市丸の内一丁目1番1号',
    moveDate: formatWareki(localIsoDate(Date.now() - 86_400_000)),
  },
});

async function call<T = Record<string, unknown>>(s: AppServices, op: string, input: unknown = {}): Promise<{ ok: boolean; value?: T; error?: { code: string; reason?: string; message: string } }> {
  return (await s.dispatch(op as never, input)) as never;
}

/** the CLI bundled once for the file: three runs, ~0.1 s each instead of tsx's start-up */
const runCli = async (args: string[]) => runBundledCli(await cliBundle(), args);

const open = (dataDir: string, backendUrl?: string) => createAppServices({ dataDir, host: 'browser', appVersion: 'test', ocr: 'off', log: () => undefined, ...(backendUrl ? { backendUrl } : {}) });

describe('demo by default, and the two modes never mixed', () => {
  it('without a production config the start folder is the demo\'s own, beside the production one', () => {
    const base = path.join(tempDir('start-dir'), 'ichimado');
    expect(startDataDir(base)).toEqual({ dataDir: `${base}-demo`, mode: 'demo' });
    fs.mkdirSync(base, { recursive: true });
    fs.writeFileSync(path.join(base, 'config.json'), JSON.stringify(PROD_CONFIG));
    expect(startDataDir(base)).toEqual({ dataDir: base, mode: 'production' });
    // a config.json that cannot be read as JSON is someone's production setup all the same
    fs.writeFileSync(path.join(base, 'config.json'), '{ broken');
    expect(startDataDir(base).mode).toBe('production');
    expect(demoDataDir('/x/ichimado/')).toBe('/x/ichimado-demo');
  });

  it('a demo data dir refuses a production config, and a production one refuses to open as demo', async () => {
    const demoDir = tempDir('mode-demo');
    const demo = await open(demoDir);
    expect(demo.mode).toBe('demo');
    await demo.close();
    fs.writeFileSync(path.join(demoDir, 'config.json'), JSON.stringify(PROD_CONFIG));
    const before = fs.readFileSync(path.join(demoDir, 'ichimado.db'));
    await expect(open(demoDir)).rejects.toBeInstanceOf(AppModeMismatchError);
    await expect(open(demoDir)).rejects.toThrow(/研修モード（模擬バックエンド）用/);
    expect(fs.readFileSync(path.join(demoDir, 'ichimado.db')).equals(before)).toBe(true); // nothing written
    // --backend on the command line is a production start as well
    fs.rmSync(path.join(demoDir, 'config.json'));
    await expect(open(demoDir, 'http://127.0.0.1:9')).rejects.toBeInstanceOf(AppModeMismatchError);

    const prodDir = tempDir('mode-prod');
    fs.writeFileSync(path.join(prodDir, 'config.json'), JSON.stringify(PROD_CONFIG));
    const prod = await open(prodDir);
    expect(prod.mode).toBe('production');
    expect(prod.backend.simulated).toBe(false);
    await signInServices(prod);
    // the training operations do not exist in production, not even for the admin
    for (const [op, input] of [['getDrills', {}], ['setDrill', { drill: 'linkCut', on: true }], ['sendReturnNow', {}], ['restoreDrills', {}], ['resetDemo', { confirm: true }], ['listSampleCards', {}], ['getSampleCard', { id: '10000000020' }]] as const) {
      expect(await call(prod, op, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'production_mode' } });
    }
    await prod.close();
    // the production config removed: the database still says production, and the demo does not open on it
    fs.rmSync(path.join(prodDir, 'config.json'));
    await expect(open(prodDir)).rejects.toThrow(/本番（基幹システムに接続）用/);

    // and the CLI's reset refuses both: by the config, and by the database's stamp
    const byStamp = await runCli(['demo', 'reset', '--data-dir', prodDir]);
    expect(byStamp.code).toBe(1);
    expect(byStamp.stderr).toContain('本番（基幹システムに接続）用');
    fs.writeFileSync(path.join(prodDir, 'config.json'), JSON.stringify(PROD_CONFIG));
    const byConfig = await runCli(['demo', 'reset', '--data-dir', prodDir]);
    expect(byConfig.code).toBe(1);
    expect(byConfig.stderr).toContain('本番用のデータフォルダです');
  }, 60_000);
});

describe('the trainer\'s drills and the reset (demo mode)', () => {
  let dataDir: string;
  let s: AppServices;
  beforeAll(async () => {
    dataDir = tempDir('drills');
    s = await open(dataDir);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('only the trainer switches drills; a clerk is refused', async () => {
    await signInServices(s, CLERK);
    expect(await call(s, 'getDrills')).toMatchObject({ ok: true, value: { linkCut: false, slow: false, errors: false, diskFull: false } });
    expect(await call(s, 'setDrill', { drill: 'linkCut', on: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(s, 'resetDemo', { confirm: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await call(s, 'signOut');
    await signInServices(s, TRAINER);
    // the reset needs the UI's confirmation in the call itself
    expect(await call(s, 'resetDemo', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('見本カード: the cards made at build time are listed and served as images; an unknown one is not', async () => {
    const list = await call<{ cards: { id: string; label: string }[] }>(s, 'listSampleCards');
    expect(list.ok).toBe(true);
    // npm test builds first (npm run build makes them); the expired card of its scenario is among them
    expect(list.value!.cards.find((c) => c.id === '10000000010')?.label).toBe('山﨑 和子（有効期限切れ）');
    const img = await call<{ mimeType: string; base64: string }>(s, 'getSampleCard', { id: list.value!.cards[0]!.id });
    expect(img.ok).toBe(true);
    const bytes = Buffer.from(img.value!.base64, 'base64');
    expect(img.value!.mimeType === 'image/png' ? bytes.subarray(1, 4).toString('latin1') : bytes.subarray(0, 2).toString('hex')).toMatch(/^(PNG|ffd8)$/);
    expect(await call(s, 'getSampleCard', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(s, 'getSampleCard', { id: '../index' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('cut link: the simulator drops every connection until restored', async () => {
    const health = () => fetch(`${s.backend.url}/health`).then((r) => r.status, () => 'dropped');
    expect(await health()).toBe(200);
    expect(await call(s, 'setDrill', { drill: 'linkCut', on: true })).toMatchObject({ ok: true, value: { linkCut: true } });
    expect(await health()).toBe('dropped');
    expect(await call(s, 'restoreDrills')).toMatchObject({ ok: true, value: { linkCut: false } });
    expect(await health()).toBe(200);
  });

  it('errors: the intake answers 503; disk full: the counter\'s writes fail as a full disk makes them fail', async () => {
    await call(s, 'setDrill', { drill: 'errors', on: true });
    const r = await fetch(`${s.backend.url}/v1/applications`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(503);
    await call(s, 'setDrill', { drill: 'errors', on: false });
    await call(s, 'setDrill', { drill: 'diskFull', on: true });
    const refused = await call(s, 'submitApplication', tenkyo());
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(refused.error!.message).toContain('ディスクの空きが不足');
    expect(await call(s, 'createCase', {})).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    await call(s, 'setDrill', { drill: 'diskFull', on: false });
  });

  it('差戻し now: the back office returns the waiting application with the drill\'s reason', async () => {
    const sent = await call<{ applicationId: string }>(s, 'submitApplication', tenkyo());
    expect(sent.ok).toBe(true);
    // returned now if it is waiting for review, else armed for the next review: both end returned
    await waitFor(async () => ((await call<{ accepted: number }>(s, 'getQueueStats')).value?.accepted ?? 0) >= 1 || undefined, 30_000, 'accepted');
    expect((await call(s, 'sendReturnNow')).ok).toBe(true);
    await waitFor(async () => {
      await call(s, 'syncNow');
      const q = await call<{ items: { status: string; statusReason: string | null }[] }>(s, 'listQueue', {});
      return q.value?.items.some((i) => i.status === 'returned' && i.statusReason === DRILL_RETURN_REASON) || undefined;
    }, 30_000, 'the drill\'s 差戻し');
  }, 60_000);

  it('reset: no case, no application, back end emptied; accounts and audit trail kept, the reset recorded', async () => {
    expect((await call(s, 'createCase', {})).ok).toBe(true);
    const r = await call<{ cases: number; applications: number }>(s, 'resetDemo', { confirm: true });
    expect(r).toMatchObject({ ok: true });
    expect(r.value!.cases).toBeGreaterThanOrEqual(1);
    expect(r.value!.applications).toBeGreaterThanOrEqual(1);
    expect((await call<{ total: number }>(s, 'listQueue', {})).value!.total).toBe(0);
    expect((await call<{ items: unknown[] }>(s, 'listCases', {})).value!.items).toEqual([]);
    expect(await (await fetch(`${s.backend.url}/admin/stats`)).json()).toMatchObject({ applications: 0 });
    await call(s, 'signOut');
    await signInServices(s, { name: '研修監督者', password: DEMO_PASSWORD });
    const audit = await call<{ items: { event: string }[] }>(s, 'listAuditLog', { event: 'demo.reset' });
    expect(audit.value!.items.length).toBe(1);
  }, 30_000);

  it('cli demo reset does the same on a demo data dir that is not running', async () => {
    const dir = tempDir('cli-reset');
    const app = await open(dir);
    await signInServices(app, CLERK);
    expect((await call(app, 'submitApplication', tenkyo())).ok).toBe(true);
    await waitFor(async () => ((await call<{ accepted: number }>(app, 'getQueueStats')).value?.accepted ?? 0) >= 1 || undefined, 30_000, 'accepted');
    await app.close();
    const r = await runCli(['demo', 'reset', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('申請 1 件を削除');
    const again = await open(dir);
    await signInServices(again, CLERK);
    expect((await call<{ total: number }>(again, 'listQueue', {})).value!.total).toBe(0);
    expect(await (await fetch(`${again.backend.url}/admin/stats`)).json()).toMatchObject({ applications: 0 });
    await again.close();
  }, 60_000);
});
