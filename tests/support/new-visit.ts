import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startBrowserMode, type Proc } from './processes';
import { signInPage } from './sign-in';

export interface SignedInApp {
  app: Proc;
  browser: Browser;
  page: Page;
  /** stops Chromium and the app; the data dir stays for the scan at the end of the e2e run */
  close(): Promise<void>;
}
export type NewVisit = SignedInApp;

/** Browser mode on `dataDir` in Debian's Chromium, signed in (demo clerk, or the test admin on first run). */
export async function openSignedIn(dataDir: string, page: { viewport: { width: number; height: number }; acceptDownloads?: boolean }): Promise<SignedInApp> {
  const app = await startBrowserMode(dataDir);
  const browser = await launchChromium();
  const p = await browser.newPage({ ...page, locale: 'ja-JP' });
  await p.goto(app.url);
  await signInPage(p);
  return {
    app,
    browser,
    page: p,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** The same, on the household step of a new visit (手続きナビ → 新しい来庁). */
export async function openNewVisit(dataDir: string, viewport: { width: number; height: number }): Promise<NewVisit> {
  const signedIn = await openSignedIn(dataDir, { viewport });
  const { page } = signedIn;
  await page.getByRole('button', { name: '手続きナビ' }).click();
  await page.getByRole('button', { name: '新しい来庁' }).click();
  await page.locator('#h-address').waitFor();
  return signedIn;
}
