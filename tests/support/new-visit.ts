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

/**
 * How the app starts its card reader (browser-main `--ocr`): files that read no card say 'lazy', so the
 * three OCR workers (~3.5 CPU-s) do not load beside the test on the 2-core machine.
 */
export interface AppStart {
  ocr?: 'background' | 'lazy';
}

/** Browser mode on `dataDir` in Debian's Chromium, signed in (demo clerk, or the test admin on first run). */
export async function openSignedIn(dataDir: string, page: { viewport: { width: number; height: number }; acceptDownloads?: boolean }, start: AppStart = {}): Promise<SignedInApp> {
  // the app and Chromium start side by side (~1 s of each file's setup); one failing stops the other
  const [appStarted, browserStarted] = await Promise.allSettled([startBrowserMode(dataDir, undefined, start.ocr ? ['--ocr', start.ocr] : []), launchChromium()]);
  if (appStarted.status === 'rejected' || browserStarted.status === 'rejected') {
    if (appStarted.status === 'fulfilled') await appStarted.value.stop();
    if (browserStarted.status === 'fulfilled') await browserStarted.value.close();
    throw appStarted.status === 'rejected' ? appStarted.reason : (browserStarted as PromiseRejectedResult).reason;
  }
  const app = appStarted.value;
  const browser = browserStarted.value;
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
export async function openNewVisit(dataDir: string, viewport: { width: number; height: number }, start: AppStart = {}): Promise<NewVisit> {
  const signedIn = await openSignedIn(dataDir, { viewport }, start);
  const { page } = signedIn;
  await page.getByRole('button', { name: '手続きナビ' }).click();
  await page.getByRole('button', { name: '新しい来庁' }).click();
  await page.locator('#h-address').waitFor();
  return signedIn;
}
