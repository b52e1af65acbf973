import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfRenderer } from '../services/print/pdf-renderer';
import { findFontsDir, MJ_FONT_FILE } from '../services/print/font-files';
import { APP_SCHEME } from './policy';
import { PRINT_FONT_URL, PRINT_PARTITION, printPageUrl, printRequestOf } from './print-page';

/**
 * PDFs in the desktop app: the print HTML is loaded into a hidden, sandboxed window with
 * JavaScript off and printed with webContents.printToPDF. The page holds a resident's data, so it
 * never touches the disk (a temp file would outlive a crash): the window lives in an in-memory
 * session whose app scheme answers the page from memory and the bundled IPAmj明朝 from
 * resources/fonts; everything else is refused. (The window itself needs the Electron binary; the
 * test suite runs this class against a stand-in of the electron module.)
 */
export class ElectronPdfRenderer implements PdfRenderer {
  readonly fontUrl = PRINT_FONT_URL;
  /** pages being printed, by a random id in their URL; each is dropped once printed */
  private readonly pages = new Map<string, string>();
  private ses: Session | null = null;

  constructor(private readonly fontsDir: string | null = findFontsDir()) {}

  private printSession(): Session {
    if (this.ses) return this.ses;
    const ses = session.fromPartition(PRINT_PARTITION);
    ses.protocol.handle(APP_SCHEME, async (request) => {
      const asked = printRequestOf(request.url);
      const html = asked?.kind === 'page' ? this.pages.get(asked.id) : undefined;
      if (html !== undefined) return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
      if (asked?.kind === 'font' && this.fontsDir) {
        return new Response(await readFile(path.join(this.fontsDir, MJ_FONT_FILE)), { status: 200, headers: { 'content-type': 'font/ttf' } });
      }
      return new Response(null, { status: 404 });
    });
    return (this.ses = ses);
  }

  async htmlToPdf(html: string): Promise<Uint8Array> {
    const id = randomUUID();
    this.pages.set(id, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: { session: this.printSession(), sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, offscreen: true },
    });
    try {
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      await win.loadURL(printPageUrl(id));
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      this.pages.delete(id);
      win.destroy();
    }
  }

  async close(): Promise<void> {
    this.pages.clear();
  }
}
