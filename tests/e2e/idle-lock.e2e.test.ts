import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDir, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';

/**
 * A clerk who walks away: the screen locks by itself after `lockAfterMinutes` (default 5) without
 * keyboard or mouse, and not before. The page's clock is Playwright's, so no test waits five minutes.
 * The app is started with `--ocr off` (this file reads no card): the card dialog says so at once and offers
 * none of the image choices (camera, file, scanner, 見本カード), which could not be read.
 */
const OCR_OFF = 'この構成ではカード画像の読み取り（OCR）は使えません。';
const NO_IMAGE_CHOICES = 'カードの画像からは読み取れないため、カメラ・画像ファイル・スキャナは使えません。ICチップで読めないときは、閉じて手で入力してください。';

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

  it('--ocr off: the card dialog says at once that images cannot be read, offers no image choice and says what the clerk can do', async () => {
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    await page.getByRole('button', { name: '1人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.modal-head').getByRole('alert').getByText(OCR_OFF, { exact: true }).waitFor();
    await dialog.getByText(NO_IMAGE_CHOICES, { exact: true }).waitFor();
    // no camera (nor its 「画像ファイルかスキャナをお使いください」), no image file, no scanner folder, no 見本カード image
    for (const region of ['カメラ', '画像ファイル', 'スキャナ']) expect(await dialog.getByRole('region', { name: region, exact: true }).count(), region).toBe(0);
    expect(await dialog.getByLabel('見本カード（研修用・架空の住民）').count()).toBe(0);
    expect(await dialog.locator('video').count()).toBe(0);
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
