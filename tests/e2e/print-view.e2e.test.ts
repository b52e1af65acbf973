import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { tempDir } from '../support/processes';
import { openSignedIn, type SignedInApp } from '../support/new-visit';
import { tennyuHousehold } from '../support/tennyu-case';
import { printedBytes, printedUrls, recordPrints } from '../support/print-recorder';
import { localIsoDate } from '../../main/services/local-date';
import { countPdfPages } from '../../main/services/print/pdf-renderer';

/**
 * Issue 15 #2, browser mode: 印刷（Ctrl+P） on the 印刷・送信 step opens the case's A4 PDF in the
 * browser's print view — the PDF is printed, not the app screen — and Ctrl+P does the same.
 */
describe('印刷（Ctrl+P）: the PDF in the browser print view (browser mode)', () => {
  let dir: string;
  let opened: SignedInApp;
  let page: Page;

  beforeAll(async () => {
    dir = tempDir('print-view');
    opened = await openSignedIn(dir, { viewport: { width: 1360, height: 1000 } }, { ocr: 'lazy' });
    page = opened.page;
    await recordPrints(page);
    await page.reload();
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
  });

  async function printedPdf(n: number): Promise<{ pages: number; text: string }> {
    // the first PDF starts the print Chromium: slow on a loaded machine
    await expect.poll(() => printedUrls(page), { timeout: 90_000 }).toHaveLength(n);
    const url = (await printedUrls(page))[n - 1]!;
    expect(url).toMatch(/^blob:/); // the PDF's frame printed, not the app page
    const pdf = await printedBytes(page, url);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // read from memory: the test writes no resident's sheet to a file either
    return { pages: countPdfPages(pdf), text: execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }) };
  }

  it('prints the case’s forms and summary sheet from the button and from Ctrl+P', async () => {
    const data = tennyuHousehold(localIsoDate());
    data.persons = [{ ...data.persons[0]!, familyName: '塚田', givenName: '一郎' }];
    const created = await page.evaluate(
      async (body) => (await fetch('./api/createCase', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json() as Promise<{ ok: boolean }>,
      JSON.stringify({ data }),
    );
    expect(created.ok).toBe(true);
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.locator('.resume-list li').first().getByRole('button').first().click();
    await page.locator('.stepper .step', { hasText: '4 印刷・送信' }).click();

    await page.getByRole('button', { name: '印刷（Ctrl+P）' }).click();
    const first = await printedPdf(1);
    await expect.poll(() => page.getByText(/印刷画面を開きました（\d+ページ）/).count()).toBe(1);
    expect(await page.getByText(/印刷画面を開きました/).innerText()).toContain(`（${first.pages}ページ）`);
    expect(first.pages).toBeGreaterThanOrEqual(1);
    expect(first.text).toContain('本日の手続きのご案内');
    expect(first.text).toContain('塚田');

    await page.keyboard.press('Control+P');
    const second = await printedPdf(2);
    expect(second.pages).toBe(first.pages);
  }, 120_000);
});
