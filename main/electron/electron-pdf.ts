import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../services/print/pdf-renderer';
import { findFontsDir, MJ_FONT_FILE } from '../services/print/font-files';

/**
 * PDFs in the desktop app: the print HTML is loaded into a hidden, sandboxed window with
 * JavaScript off and printed with webContents.printToPDF. The HTML is written to a private temp
 * file so that it may load the bundled IPAmj明朝 from resources/fonts by file URL; nothing else is
 * fetched. (Not exercised by the test suite: it needs the Electron binary.)
 */
export class ElectronPdfRenderer implements PdfRenderer {
  readonly fontUrl: string;

  constructor(fontsDir: string | null = findFontsDir()) {
    this.fontUrl = fontsDir ? pathToFileURL(path.join(fontsDir, MJ_FONT_FILE)).href : 'data:,';
  }

  async htmlToPdf(html: string): Promise<Uint8Array> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-print-'));
    const file = path.join(dir, 'doc.html');
    fs.writeFileSync(file, html, { mode: 0o600 });
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, offscreen: true },
    });
    try {
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {}
}
