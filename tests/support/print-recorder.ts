import type { Page } from 'playwright-core';

/**
 * The one thing headless Chromium cannot do is show the print dialog: every frame's window.print is
 * replaced by a recorder that notes which document asked to be printed (its URL) in the top page.
 * Everything up to that call is real: the PDF the services made, its blob URL, the frame showing it
 * under the app's own Content-Security-Policy. The blobs the page makes are kept by URL so the test
 * can read the printed bytes (the policy's connect-src rightly refuses a fetch of blob: URLs).
 */
export async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { print: () => void; __blobs?: Record<string, Blob> };
    w.print = () => {
      const top = window.top as unknown as { __printed?: string[] };
      (top.__printed ??= []).push(location.href);
    };
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create(obj);
      if (obj instanceof Blob) (w.__blobs ??= {})[url] = obj;
      return url;
    };
  });
}

/** The URLs printed so far (the app page itself would be its own http URL). */
export function printedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []);
}

/** The bytes behind a printed blob URL, as the page made them. */
export async function printedBytes(page: Page, url: string): Promise<Buffer> {
  const b64 = await page.evaluate(async (u) => {
    const blob = (window as unknown as { __blobs?: Record<string, Blob> }).__blobs?.[u];
    if (!blob) throw new Error(`no blob recorded for ${u}`);
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of buf) s += String.fromCharCode(b);
    return btoa(s);
  }, url);
  return Buffer.from(b64, 'base64');
}
