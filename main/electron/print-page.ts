/**
 * Where the desktop app's print pages live while they are printed: served from memory by the app
 * scheme inside a session of their own (see electron-pdf.ts), never from a file. Free of any
 * `electron` import so the URL rules are unit-tested under plain Node.
 */
import { APP_ORIGIN, isAppUrl } from './policy';
import { MJ_FONT_FILE } from '../services/print/font-files';

/** no `persist:` prefix: an in-memory session, so not even Chromium's cache of the page reaches the disk */
export const PRINT_PARTITION = 'ichimado-print';
export const PRINT_FONT_URL = `${APP_ORIGIN}/print/fonts/${MJ_FONT_FILE}`;

export function printPageUrl(id: string): string {
  return `${APP_ORIGIN}/print/${id}.html`;
}

export type PrintRequest = { kind: 'page'; id: string } | { kind: 'font' } | null;

/** What a request of the print window asks for: one of the pages in memory, the bundled font, or nothing. */
export function printRequestOf(url: string): PrintRequest {
  if (!isAppUrl(url)) return null;
  const u = new URL(url);
  if (u.search || u.hash) return null;
  if (u.href === PRINT_FONT_URL) return { kind: 'font' };
  const page = /^\/print\/([A-Za-z0-9_-]{1,64})\.html$/.exec(u.pathname);
  return page ? { kind: 'page', id: page[1]! } : null;
}
