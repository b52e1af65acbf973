import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { PdfRenderer } from './pdf-renderer';
import { findFontsDir, MJ_FONT_FILE } from './font-files';

/**
 * PDF through the system Chromium (Debian's /usr/bin/chromium) driven by playwright-core: for browser
 * mode and tools. The page is loaded from a made-up origin that only this process answers: the HTML
 * and the bundled font are served from memory/disk, every other request is refused, so printing
 * never reaches the network.
 */
const ORIGIN = 'http://print.ichimado.invalid';
const FONT_PATH = `/fonts/${MJ_FONT_FILE}`;

export interface ChromiumPdfOptions {
  executablePath?: string;
  fontsDir?: string;
}

export class ChromiumPdfRenderer implements PdfRenderer {
  readonly fontUrl = `${ORIGIN}${FONT_PATH}`;
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;
  private font: Buffer | null = null;
  private readonly executablePath: string;
  private readonly fontsDir: string | null;

  constructor(opts: ChromiumPdfOptions = {}) {
    this.executablePath = opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    this.fontsDir = opts.fontsDir ?? findFontsDir();
  }

  private async ctx(): Promise<BrowserContext> {
    if (!this.context) {
      this.context = (async () => {
        if (!fs.existsSync(this.executablePath)) throw new Error(`Chromium not found at ${this.executablePath}`);
        const { chromium } = await import('playwright-core');
        this.browser = chromium.launch({
          executablePath: this.executablePath,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        });
        const b = await this.browser;
        const context = await b.newContext();
        return context;
      })();
      this.context.catch(() => {
        this.context = null;
      });
    }
    return this.context;
  }

  private fontBytes(): Buffer | null {
    if (!this.font && this.fontsDir) this.font = fs.readFileSync(path.join(this.fontsDir, MJ_FONT_FILE));
    return this.font;
  }

  async htmlToPdf(html: string): Promise<Uint8Array> {
    const context = await this.ctx();
    const page = await context.newPage();
    try {
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === ORIGIN && url.pathname === '/doc.html') {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        }
        if (url.origin === ORIGIN && url.pathname === FONT_PATH) {
          const font = this.fontBytes();
          if (font) return route.fulfill({ status: 200, contentType: 'font/ttf', body: font, headers: { 'cache-control': 'max-age=86400' } });
        }
        return route.abort('blockedbyclient');
      });
      await page.goto(`${ORIGIN}/doc.html`, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)').catch(() => undefined);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.context = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}
