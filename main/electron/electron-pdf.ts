import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import type { PdfRenderer } from '../services/print/pdf-renderer';
import type { NativePrinter, NativePrintOutcome } from '../services/print/native-printer';
import { nativePrintOutcome, nativePrintPlan } from './native-print-options';
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
 * Paper goes the same way: the same hidden page, handed to webContents.print with the options
 * native-print-options.ts chooses (the system dialog, or silently on the configured printer).
 */
export class ElectronPdfRenderer implements PdfRenderer, NativePrinter {
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

  /** Loads `html` into a hidden print window of its own, runs `use` on it, then drops page and window. */
  private async withPage<T>(html: string, offscreen: boolean, use: (wc: WebContents) => Promise<T>): Promise<T> {
    const id = randomUUID();
    this.pages.set(id, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: { session: this.printSession(), sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, offscreen },
    });
    try {
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      await win.loadURL(printPageUrl(id));
      return await use(win.webContents);
    } finally {
      this.pages.delete(id);
      win.destroy();
    }
  }

  htmlToPdf(html: string): Promise<Uint8Array> {
    return this.withPage(html, true, async (wc) => new Uint8Array(await wc.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })));
  }

  /** On paper: an offscreen window cannot print, so this one is an ordinary hidden window. */
  print(html: string, deviceName: string | undefined): Promise<NativePrintOutcome> {
    return this.withPage(html, false, async (wc) => {
      const plan = nativePrintPlan(deviceName, await wc.getPrintersAsync());
      if (!plan.ok) return { kind: 'failed', message: plan.message };
      return new Promise<NativePrintOutcome>((resolve) => wc.print(plan.options, (success, reason) => resolve(nativePrintOutcome(success, reason, plan.deviceName))));
    });
  }

  async close(): Promise<void> {
    this.pages.clear();
  }
}
