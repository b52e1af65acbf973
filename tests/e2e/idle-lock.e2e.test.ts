import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDir, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';

/**
 * A clerk who walks away: the screen locks by itself after `lockAfterMinutes` (default 5) without
 * keyboard or mouse, and not before. The page's clock is Playwright's, so no test waits five minutes.
 * The app is started with `--ocr off` (this file reads no card): the card dialog says so at once.
 */
const OCR_OFF = 'この構成ではカード画像の読み取り（OCR）は使えません。';

describe('idle screen lock; --ocr off (browser mode)', () => {
  let app: Proc;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserMode(tempDir('idle-lock'), undefined, ['--ocr', 'off']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
    await page.clock.install();
    await page.goto(app.url);
    await signInPage(page);
    await page.getByRole('button', { name: /画面ロック（Ctrl\+L）/ }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('--ocr off: the card dialog says at once that images cannot be read, and a 見本カード tried says it again', async () => {
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    await page.getByRole('button', { name: '1人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.modal-head').getByRole('alert').getByText(OCR_OFF, { exact: true }).waitFor();
    await dialog.getByLabel('見本カード（研修用・架空の住民）').selectOption({ index: 1 });
    await dialog.locator('.banner.error').getByText(OCR_OFF, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('stays open at 4 minutes idle, locks once 5 minutes have passed without input', async () => {
    const lock = page.getByRole('form', { name: '画面ロック' });
    await page.clock.runFor('04:00');
    expect(await lock.count()).toBe(0);
    await page.clock.runFor('01:10');
    await lock.waitFor({ timeout: 10_000 });
  });
});
