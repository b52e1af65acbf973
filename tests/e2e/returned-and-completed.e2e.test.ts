import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { getJson, repoRoot, startBrowserMode, startTs, tempDir, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import { execFileSync } from 'node:child_process';
import { printedBytes, printedUrls, recordPrints } from '../support/print-recorder';
import { countPdfPages } from '../../main/services/print/pdf-renderer';

/**
 * The life of an application after it leaves the counter, as the clerk sees it: the back office
 * returns one (差戻し) with a reason, the clerk corrects and resubmits it as a new version of the
 * same application, and both end 完了. Also: cancelling one that has not been sent.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('差戻し → 修正して再提出 → 完了 (browser mode)', () => {
  let sim: Proc;
  let app: Proc;
  let browser: Browser;
  let page: Page;
  let appDir: string;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    appDir = tempDir('app');
    fs.writeFileSync(path.join(appDir, 'config.json'), JSON.stringify({ sync: { backoffBaseMs: 200, backoffCapMs: 1000, probeIntervalMs: 300, statusPollMs: 300 } }));
    sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', '0', '--data-dir', tempDir('sim'), '--review-delay-ms', '800'], /backend-sim listening: (\S+)/);
    app = await startBrowserMode(appDir, sim.url, ['--ocr', 'lazy']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
    await recordPrints(page);
    await page.goto(app.url);
    await signInPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.stop();
  });

  async function submit(family: string, given: string, newAddress: string) {
    await page.getByRole('button', { name: '届出入力' }).click();
    await page.locator('#f-familyName').fill(family);
    await page.locator('#f-givenName').fill(given);
    await page.locator('#f-familyNameKana').fill('やまざき');
    await page.locator('#f-givenNameKana').fill('しおり');
    await page.locator('#f-birthDate').fill('H5.6.7');
    await page.locator('#f-newAddress').fill(newAddress);
    await page.locator('#f-oldAddress').fill('神奈川県横浜市中区日本大通1');
    await page.locator('#f-moveDate').fill(formatWareki(localIsoDate(Date.now() - 2 * 86_400_000)));
    await page.getByRole('button', { name: '確認して送信キューへ' }).click();
    await expect.poll(() => page.locator('.banner.success').count()).toBe(1);
  }

  const rowOf = (name: string) => page.locator('.qrow', { has: page.locator('.name', { hasText: name }) }).first();

  it('shows a returned application with the back office reason, and completes the rest', async () => {
    await submit('山﨑', '栞', '東京都港区番地不明1');
    await submit('山﨑', '蒼', '東京都港区芝公園4-2-8');
    await page.getByRole('button', { name: '送信状況' }).click();
    await expect.poll(() => rowOf('山﨑\u3000栞').getByTestId('status').innerText(), { timeout: 15_000 }).toBe('差戻し');
    await expect.poll(() => rowOf('山﨑\u3000蒼').getByTestId('status').innerText(), { timeout: 15_000 }).toBe('完了');
    expect(await rowOf('山﨑\u3000栞').locator('.note').innerText()).toContain('住所辞書に見つかりません');
    // the header's pill names the status it opens, with that status's count
    await expect.poll(() => page.getByTestId('returned-count').innerText()).toBe('差戻し 1件');
    expect(await page.getByTestId('action-count').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '05-returned-and-completed.png'), fullPage: true });
    await page.getByTestId('returned-count').click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('1件');
    await page.getByRole('button', { name: /^すべて/ }).click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('2件');
  });

  it('corrects the returned application and resubmits it as version 2 of the same application', async () => {
    const originalReceipt = await rowOf('山﨑\u3000栞').getByTestId('receipt').innerText();
    expect(originalReceipt).toMatch(/^R\d{4}-\d{6}$/);
    expect(await rowOf('山﨑\u3000栞').getByTestId('lineage').count()).toBe(0); // a first submission replaces nothing
    await rowOf('山﨑\u3000栞').getByRole('button', { name: '修正して再提出' }).click();
    await expect.poll(() => page.locator('.banner.warn').innerText()).toContain('住所辞書に見つかりません');
    expect(await page.locator('#f-newAddress').inputValue()).toBe('東京都港区番地不明1');
    expect(await page.locator('#f-familyName').inputValue()).toBe('山﨑');
    await page.screenshot({ path: path.join(shots, '06-correcting.png'), fullPage: true });
    await page.locator('#f-newAddress').fill('東京都港区芝公園4-2-9');
    await page.getByRole('button', { name: '修正して再提出' }).click();
    await expect.poll(() => page.locator('.banner.success').innerText()).toContain('修正版を受け付けました');
    await page.getByRole('button', { name: '送信状況' }).click();
    const fixed = rowOf('山﨑\u3000栞');
    await expect.poll(() => fixed.locator('.ver').innerText()).toBe('第2版');
    // the back end gives the resubmission a 受付番号 of its own: the row says which one it replaces
    await expect.poll(() => fixed.getByTestId('lineage').innerText()).toBe(`再提出（元の受付番号 ${originalReceipt}）`);
    await expect.poll(() => fixed.getByTestId('status').innerText(), { timeout: 15_000 }).toBe('完了');
    const newReceipt = await fixed.getByTestId('receipt').innerText();
    expect(newReceipt).not.toBe(originalReceipt);
    // one row per application: the returned version is replaced, not listed twice
    await expect.poll(() => page.locator('.qrow').count()).toBe(2);
    await expect.poll(() => page.getByTestId('returned-count').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '07-corrected-completed.png'), fullPage: true });
    // the detail of one row: what the narrow columns cut off
    await fixed.getByRole('button', { name: /の詳細$/ }).click();
    const detail = page.getByRole('region', { name: '申請の詳細' });
    await expect.poll(() => detail.innerText()).toContain('第2版');
    expect(await detail.innerText()).toMatch(/受付番号\s*\S+/);
    expect(await detail.innerText()).toContain('山﨑\u3000栞');
    expect(await detail.getByTestId('lineage').innerText()).toBe(`再提出（元の受付番号 ${originalReceipt}）`);
    // the original's place in the chain: returned, and what replaced it
    const chain = detail.getByRole('list', { name: '再提出の経緯' }).getByRole('listitem');
    await expect.poll(() => chain.allInnerTexts()).toEqual([
      `第1版　${originalReceipt}　差戻し　再提出済み → ${newReceipt}`,
      `第2版　${newReceipt}　完了（現在の版）`,
    ]);
    await page.screenshot({ path: path.join(shots, '07b-queue-detail.png'), fullPage: true });
    // printed: the form as resubmitted, its header naming the original 受付番号 (browser print view of the PDF)
    await detail.getByRole('button', { name: '印刷（Ctrl+P）' }).click();
    // the first PDF starts the print Chromium: slow on a loaded machine
    await expect.poll(() => printedUrls(page), { timeout: 90_000 }).toHaveLength(1);
    const [printed] = await printedUrls(page);
    expect(printed).toMatch(/^blob:/);
    const pdf = await printedBytes(page, printed!);
    expect(countPdfPages(pdf)).toBe(1);
    // read from memory: a resident's form is not written to a file by the test either
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toMatch(new RegExp(`再提出\\s+元の受付番号\\s+${originalReceipt}`));
    expect(text).toMatch(new RegExp(`受付番号\\s+${newReceipt}`));
    expect(text).toContain('芝公園4-2-9');
    await expect.poll(() => detail.getByText('印刷画面を開きました（1ページ）').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    // filters: one visit case, then today's date range, then back to everything
    await fixed.getByRole('button', { name: '同じ来庁' }).click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('1件');
    await page.getByRole('button', { name: '同じ来庁の申請のみ ✕' }).click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('2件');
    // the one-visit filter ends with the visit to the screen: coming back shows the whole queue
    await fixed.getByRole('button', { name: '同じ来庁' }).click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('1件');
    await page.getByRole('button', { name: '届出入力' }).click();
    await page.getByRole('button', { name: '送信状況' }).click();
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('2件');
    expect(await page.getByRole('button', { name: '同じ来庁の申請のみ ✕' }).count()).toBe(0);
    // days are typed as everywhere else in the app (和暦 too), not in the browser's mm/dd/yyyy
    await page.getByLabel('受付日（から）').fill('H12.1.1');
    await page.getByLabel('受付日（まで）').fill('H12.1.2');
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('0件');
    await page.getByLabel('受付日（まで）').fill('2.30');
    await expect.poll(() => page.locator('.day-input .field-error').count()).toBe(1);
    await page.getByLabel('受付日（から）').fill('2000-01-01');
    await page.getByLabel('受付日（まで）').fill('2000-01-02');
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('0件');
    await page.getByLabel('受付日（から）').fill('');
    await page.getByLabel('受付日（まで）').fill('');
    await expect.poll(() => page.getByTestId('queue-total').innerText()).toBe('2件');
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({ applications: 3, duplicateDeliveries: 0 });
    expect(await getJson(`${sim.url}/admin/review-stats`)).toEqual({ waiting: 0, returned: 1, completed: 2 });
  });

  it('cancels an application that has not been sent yet', async () => {
    const port = new URL(sim.url).port;
    await sim.stop();
    await submit('渡邉', '健', '東京都港区芝公園1-1-1');
    await page.getByRole('button', { name: '送信状況' }).click();
    const row = rowOf('渡邉\u3000健');
    // the first attempt to the stopped back end runs right after submit (送信中 until it fails): on a
    // loaded machine that can outlast the default second
    await expect.poll(() => row.getByTestId('status').innerText(), { timeout: 10_000 }).toBe('送信待ち');
    await row.getByRole('button', { name: '取消' }).click();
    await row.getByRole('button', { name: '取り消す' }).click();
    // a retry to the stopped back end can be on the wire at the click: the 取消 then waits for that
    // attempt to fail (取消待ち) and lands with the next refresh of the queue
    await expect.poll(() => page.getByTestId('queue-total').innerText(), { timeout: 10_000 }).toBe('2件'); // the live queue
    await page.getByRole('button', { name: /^取消/ }).first().click();
    await expect.poll(() => rowOf('渡邉\u3000健').getByTestId('status').innerText()).toBe('取消');
    await page.screenshot({ path: path.join(shots, '08-cancelled.png'), fullPage: true });
    sim = await startTs('main/cli/main.ts', ['backend-sim', '--port', port, '--data-dir', tempDir('sim2')], /backend-sim listening: (\S+)/);
    await page.getByRole('button', { name: '今すぐ送信' }).click();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await getJson(`${sim.url}/admin/stats`)).toEqual({ applications: 0, duplicateDeliveries: 0 });
  });
});
