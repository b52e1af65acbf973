import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { getJson, repoRoot, runCli, startBackendSim, startBrowserMode, tempDir, waitFor, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';

/**
 * The walking skeleton as a clerk meets it: a 転居届 typed by hand in Chromium goes to the local
 * queue, out to the back-end simulator (its own process), and comes back 受理 with a receipt
 * number — also across a period when the back end is down.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('転居届: fill → queue → 受理 (browser mode)', () => {
  let simDir: string;
  let appDir: string;
  let sim: Proc;
  let app: Proc;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  const simStats = async () => (await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number };

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    simDir = tempDir('sim');
    appDir = tempDir('app');
    // Short backoff and probe intervals, set the way a city's IT staff would: in config.json.
    fs.writeFileSync(path.join(appDir, 'config.json'), JSON.stringify({ sync: { backoffBaseMs: 200, backoffCapMs: 1000, probeIntervalMs: 300 } }));
    sim = await startBackendSim(simDir);
    app = await startBrowserMode(appDir, sim.url, ['--ocr', 'lazy']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(app.url);
    await signInPage(page);
    await page.getByRole('button', { name: '届出入力' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.stop();
  });

  async function fillTenkyo(p: { family: string; given: string; familyKana: string; givenKana: string; birth: string; newAddr: string; oldAddr: string; moved: string }) {
    await page.getByLabel('氏', { exact: false }).first().fill(p.family);
    await page.locator('#f-givenName').fill(p.given);
    await page.locator('#f-familyNameKana').fill(p.familyKana);
    await page.locator('#f-givenNameKana').fill(p.givenKana);
    await page.locator('#f-birthDate').fill(p.birth);
    await page.locator('#f-newAddress').fill(p.newAddr);
    await page.locator('#f-oldAddress').fill(p.oldAddr);
    await page.locator('#f-moveDate').fill(p.moved);
  }

  const threeDaysAgo = () => formatWareki(localIsoDate(Date.now() - 3 * 86_400_000));

  it('serves nothing without the launch token', async () => {
    const origin = new URL(app.url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(401);
    const api = await fetch(`${origin}/api/getAppInfo`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' });
    expect(api.status).toBe(401);
    // the page itself got in with the token, and the token left the address bar
    expect(page.url()).not.toContain('token=');
    await expect(page.title()).resolves.toBe('いちまど');
  });

  it('refuses invalid input field by field and saves nothing', async () => {
    await fillTenkyo({ family: '髙橋', given: '', familyKana: '高橋', givenKana: 'ｲﾁﾛｳ', birth: '平成32年1月1日', newAddr: '東京都港区芝公園1-1-1', oldAddr: '東京都港区芝公園1-1-1', moved: threeDaysAgo() });
    await page.getByRole('button', { name: '確認して送信キューへ' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThanOrEqual(4);
    const text = await page.locator('form').innerText();
    expect(text).toContain('名を入力してください。');
    expect(text).toContain('氏（ふりがな）はひらがなまたはカタカナで入力してください。');
    expect(text).toContain('平成32年1月1日は存在しません');
    expect(text).toContain('新住所と旧住所が同じです。');
    await page.screenshot({ path: path.join(shots, '01-validation-errors.png'), fullPage: true });
    const stats = await runCli(['queue', 'stats', '--data-dir', appDir, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total: 0 });
  });

  it('takes a valid 転居届 and shows it 受理 with the simulator receipt number', async () => {
    await page.reload();
    await page.getByRole('button', { name: '届出入力' }).click(); // the app opens at 手続きナビ
    await fillTenkyo({ family: '髙橋', given: '一郎', familyKana: 'たかはし', givenKana: 'ｲﾁﾛｳ', birth: 'S60.4.1', newAddr: '東京都港区芝公園一丁目1番1号', oldAddr: '東京都港区三田二丁目3番4号 ハイツ三田101', moved: threeDaysAgo() });
    await expect.poll(() => page.locator('.echo').first().innerText()).toContain('1985年4月1日（昭和60年4月1日）');
    await page.getByRole('button', { name: '確認して送信キューへ' }).click();
    await expect.poll(() => page.locator('.banner.success').count()).toBe(1);
    await page.getByRole('button', { name: '送信状況' }).click();
    const row = page.locator('.qrow').first();
    await expect.poll(() => row.getByTestId('status').innerText(), { timeout: 15_000 }).toBe('受理');
    const receipt = await row.getByTestId('receipt').innerText();
    expect(receipt).toMatch(/^R\d{4}-\d{6}$/);
    expect(await row.locator('.name').innerText()).toBe('髙橋\u3000一郎'); // 髙 kept, not folded to 高
    await expect.poll(() => page.getByTestId('connection-label').innerText()).toBe('オンライン');
    await page.screenshot({ path: path.join(shots, '02-accepted.png'), fullPage: true });
    expect(await simStats()).toEqual({ applications: 1, duplicateDeliveries: 0 });
  });

  it('keeps an application queued while the back end is down and sends it when it returns', async () => {
    const port = new URL(sim.url).port;
    await sim.stop();
    await page.getByRole('button', { name: '届出入力' }).click();
    await fillTenkyo({ family: '佐藤', given: '花子', familyKana: 'さとう', givenKana: 'はなこ', birth: '1990-12-24', newAddr: '北海道札幌市中央区北一条西2丁目1', oldAddr: '北海道札幌市北区北八条西5丁目', moved: threeDaysAgo() });
    await page.getByRole('button', { name: '確認して送信キューへ' }).click();
    await expect.poll(() => page.locator('.banner.success').count()).toBe(1);
    await page.getByRole('button', { name: '送信状況' }).click();
    await expect.poll(() => page.getByTestId('connection-label').innerText(), { timeout: 15_000 }).toBe('オフライン');
    const row = page.locator('.qrow').first();
    await expect.poll(() => row.getByTestId('status').innerText()).toBe('送信待ち');
    await expect.poll(() => row.locator('.note').innerText(), { timeout: 10_000 }).toContain('再送待ち');
    await page.screenshot({ path: path.join(shots, '03-offline-queued.png'), fullPage: true });

    sim = await startBackendSim(simDir, Number(port));
    await expect.poll(() => row.getByTestId('status').innerText(), { timeout: 20_000 }).toBe('受理');
    await expect.poll(() => page.getByTestId('connection-label').innerText()).toBe('オンライン');
    await page.screenshot({ path: path.join(shots, '04-back-online-accepted.png'), fullPage: true });
    expect(await simStats()).toEqual({ applications: 2, duplicateDeliveries: 0 });
    const stats = await waitFor(async () => {
      const r = await runCli(['queue', 'stats', '--data-dir', appDir, '--json']);
      return r.stdout;
    });
    // both delivered, nothing left waiting; the simulator reviews 3 s after its restart, so on a slow
    // machine the first may already be 完了 by the time the CLI reads
    const s = JSON.parse(stats) as Record<string, number>;
    expect(s).toMatchObject({ total: 2, pending: 0, inFlight: 0, returned: 0, failed: 0 });
    expect(s.accepted! + s.completed!).toBe(2);
  });

  it('fetched nothing from outside the app (counter PCs have no internet)', async () => {
    const origin = new URL(app.url).origin;
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'))).toEqual([]);
    // the bundled Japanese UI font is what renders the page
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toContain('Noto Sans JP Variable');
    expect(requested.some((u) => u.includes('noto-sans-jp') && u.endsWith('.woff2'))).toBe(true);
  });
});

