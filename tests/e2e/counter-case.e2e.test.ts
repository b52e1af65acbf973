import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { getJson, repoRoot, runCli, startBackendSim, startBrowserMode, tempDir, waitFor, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';
import { familyTennyu, okuyamiCase, renderScenarioCards, runCounterFlow, type FlowResult } from '../support/counter-flow';
import { localIsoDate } from '../../main/services/local-date';

/**
 * 手続きナビ end to end in browser mode: a family of four moves in, and an おくやみ case. From the
 * card reads (each person's synthetic My Number card imported as an image file, checked and corrected
 * in the verification dialog — variants 髙 and 﨑 picked — reads counted apart) through the navigator, the
 * pre-filled forms, the PDF (saved under test-results/pdf) to the queue, where the simulator must
 * receive each case's applications in case order.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const pdfDir = path.join(repoRoot, 'test-results', 'pdf');

describe('手続きナビ: family 転入 and おくやみ (browser mode)', () => {
  let sim: Proc;
  let app: Proc;
  let appDir: string;
  let browser: Browser;
  let page: Page;
  const results: Record<string, FlowResult> = {};
  const requested: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    appDir = tempDir('case-app');
    fs.writeFileSync(path.join(appDir, 'config.json'), JSON.stringify({ sync: { backoffBaseMs: 200, backoffCapMs: 1000, probeIntervalMs: 300 }, city: { prefecture: '東京都', municipality: '千代田区' } }));
    // decisions held back: the queue is checked while every application is still 受理
    sim = await startBackendSim(tempDir('case-sim'), 0, ['--review-delay-ms', '600000']);
    app = await startBrowserMode(appDir, sim.url);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'ja-JP', acceptDownloads: true });
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(app.url);
    await signInPage(page);
  }, 60_000);

  afterAll(async () => {
    fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, 'test-results', 'counter-actions.json'), JSON.stringify(results, null, 2));
    await browser?.close();
    await app?.stop();
    await sim?.stop();
  });

  it('runs a family 転入 (two adults, a 3- and a 7-year-old) to the queue', async () => {
    // a signed-in clerk starts at 手続きナビ, 「新しい来庁」 focused
    expect(await page.getByRole('button', { name: '手続きナビ' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('新しい来庁');
    const s = familyTennyu(localIsoDate());
    const r = await runCounterFlow(page, s, pdfDir, shots, await renderScenarioCards(browser, s, tempDir('family-cards')));
    results.familyTennyu = r;
    expect(r.formTitles).toEqual(['住民異動届（転入）', '児童手当 認定請求書', '子ども医療費 受給資格認定申請書', '就学（転入学）届']);
    expect(r.pdfPages).toBeGreaterThanOrEqual(5);
    expect(fs.statSync(r.pdfFile).size).toBeGreaterThan(10_000);
    // the names as typed, variant kanji included, reached the printed PDF and the queue
    const text = execFileSync('pdftotext', ['-layout', r.pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('髙橋');
    expect(text).toContain('﨑子');
    expect(text).not.toContain('\u5D0E子'); // not folded to the common 崎
    expect(text).toContain('本日の手続きのご案内');
    // the 児童手当 is paid into the 本人's 公金受取口座: the choice is printed, no account details
    expect(text).toContain('公金受取口座を利用する（マイナポータルに登録済みの口座）');
    expect(text).not.toContain('金融機関名');
    expect(text).toContain('協会けんぽ');
    expect(text).toContain('Procedures completed today');
    // a configured back end: no demo watermark (it prints as a lone 見 and 本, rotated)
    expect(execFileSync('pdftotext', ['-raw', r.pdfFile, '-'], { encoding: 'utf8' })).not.toMatch(/^見$/m);
    console.log('family 転入 actions', JSON.stringify({ card: r.card, clerk: r.clerk, byStep: r.byStep, pages: r.pdfPages }));
  }, 300_000);

  it('runs an おくやみ case to the queue', async () => {
    await page.getByRole('button', { name: 'この来庁を終える' }).click();
    const s = okuyamiCase(localIsoDate());
    const r = await runCounterFlow(page, s, pdfDir, shots, await renderScenarioCards(browser, s, tempDir('okuyami-cards')));
    results.okuyami = r;
    expect(r.formTitles[0]).toBe('死亡届');
    expect(r.formTitles).toEqual(expect.arrayContaining(['後期高齢者医療 資格喪失届', '介護保険 資格喪失届', '後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書']));
    // a written account: printed on the 葬祭費 and, typed once, on the 未支給年金 as well
    const text = execFileSync('pdftotext', ['-layout', r.pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('口座を記入する');
    expect(text.match(/ちよだ銀行/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('東京都千代田区千代田2番');
    console.log('おくやみ actions', JSON.stringify({ card: r.card, clerk: r.clerk, byStep: r.byStep, pages: r.pdfPages }));
  }, 300_000);

  it('delivered every application to the simulator, each case in order', async () => {
    const total = results.familyTennyu!.formTitles.length + results.okuyami!.formTitles.length;
    await waitFor(async () => ((await getJson(`${sim.url}/admin/stats`)) as { applications: number }).applications === total || undefined, 30_000, 'all applications delivered');
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({ applications: total, duplicateDeliveries: 0 });
    const stats = await runCli(['queue', 'stats', '--data-dir', appDir, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total, failed: 0 });
    // queue order within each case = the order of its forms; receipts were issued in that order
    await page.getByRole('button', { name: '送信状況', exact: true }).click();
    await expect.poll(() => page.locator('.qrow [data-testid="status"]').allInnerTexts(), { timeout: 20_000 }).toEqual(Array(total).fill('受理'));
    const rows = await page.locator('.qrow').evaluateAll((els) =>
      els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top), form: e.querySelector('.c-form')!.textContent, receipt: e.querySelector('[data-testid="receipt"]')!.textContent })),
    );
    rows.sort((a, b) => b.top - a.top); // oldest first
    const forms = rows.map((r) => r.form);
    expect(forms).toEqual([...results.familyTennyu!.formTitles, ...results.okuyami!.formTitles]);
    const receipts = rows.map((r) => r.receipt!);
    expect([...receipts].sort()).toEqual(receipts);
    await page.screenshot({ path: path.join(shots, 'counter-queue.png'), fullPage: true });
  }, 60_000);

  it('fetched nothing from outside the app', () => {
    const origin = new URL(app.url).origin;
    expect(requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
