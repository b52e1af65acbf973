import type { Browser, Page } from 'playwright-core';
import type { Proc } from './processes';
import { waitFor } from './processes';

/** The resident screen's own link, as browser mode prints it under its first line. */
export async function residentUrlOf(app: Proc): Promise<string> {
  return waitFor(() => /住民向け画面: (\S+)/.exec(app.output())?.[1], 10_000, 'the resident link in the start banner');
}

/**
 * The resident-facing screen as a counter shows it: a browser window of its own (its own context, so it holds
 * the resident link's cookie only, never the clerk's), opened with its own link.
 */
export async function openResidentPage(browser: Browser, app: Proc, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'ja-JP' });
  const page = await ctx.newPage();
  await page.goto(await residentUrlOf(app));
  await page.locator('.resident').waitFor();
  return page;
}
