import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startBrowserMode, type Proc } from './processes';
import { signInPage } from './sign-in';

export interface NewVisit {
  app: Proc;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Browser mode on `dataDir`, signed in, on the household step of a new visit (手続きナビ → 新しい来庁). */
export async function openNewVisit(dataDir: string, viewport: { width: number; height: number }): Promise<NewVisit> {
  const app = await startBrowserMode(dataDir);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, locale: 'ja-JP' });
  await page.goto(app.url);
  await signInPage(page);
  await page.getByRole('button', { name: '手続きナビ' }).click();
  await page.getByRole('button', { name: '新しい来庁' }).click();
  await page.locator('#h-address').waitFor();
  return {
    app,
    browser,
    page,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}
