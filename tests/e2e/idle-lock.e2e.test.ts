import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDir, type Proc } from '../support/processes';
import { signInPage } from '../support/sign-in';

/**
 * A clerk who walks away: the screen locks by itself after `lockAfterMinutes` (default 5) without
 * keyboard or mouse, and not before. The page's clock is Playwright's, so no test waits five minutes.
 */
describe('idle screen lock (browser mode)', () => {
  let app: Proc;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserMode(tempDir('idle-lock'), undefined, ['--ocr', 'lazy']);
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

  it('stays open at 4 minutes idle, locks once 5 minutes have passed without input', async () => {
    const lock = page.getByRole('form', { name: '画面ロック' });
    await page.clock.runFor('04:00');
    expect(await lock.count()).toBe(0);
    await page.clock.runFor('01:10');
    await lock.waitFor({ timeout: 10_000 });
  });
});
