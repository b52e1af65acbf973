import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scanForPersonalData } from '../support/personal-data-scan';

/**
 * The desktop app's PDF path (issue 10, defect 13): the print page holds a resident's data and must
 * never be written to disk. The Electron binary cannot run here, so the electron module is a stand-in
 * whose window "prints" exactly the page it was given (by URL through the session's protocol handler,
 * or by file); the temp dir (a private TMPDIR) is watched while it prints and afterwards.
 */
type Handler = (request: { url: string }) => Promise<Response>;
const partitions = new Map<string, Map<string, Handler>>();
const seen: { url?: string; partition?: string; duringPrint?: ReturnType<typeof scanForPersonalData>; tmpDuringPrint?: string[] } = {};

vi.mock('electron', () => {
  const sessionFor = (partition: string) => {
    const handlers = partitions.get(partition) ?? new Map<string, Handler>();
    partitions.set(partition, handlers);
    return { partition, protocol: { handle: (scheme: string, fn: Handler) => handlers.set(scheme, fn) } };
  };
  class BrowserWindow {
    private url: string | null = null;
    private file: string | null = null;
    private readonly ses: { partition: string } | undefined;
    constructor(opts: { webPreferences?: { session?: { partition: string } } }) {
      this.ses = opts.webPreferences?.session;
    }
    loadURL(url: string) {
      this.url = url;
      seen.url = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.file = file;
      return Promise.resolve();
    }
    destroy() {}
    webContents = {
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      printToPDF: async () => {
        const tmp = os.tmpdir();
        seen.duringPrint = scanForPersonalData(tmp, ['藤井恵美子'], { anyTwelveDigits: false });
        seen.tmpDuringPrint = fs.readdirSync(tmp);
        if (this.file) return fs.readFileSync(this.file);
        seen.partition = this.ses?.partition;
        const handler = partitions.get(this.ses?.partition ?? '')?.get(new URL(this.url!).protocol.slice(0, -1));
        if (!handler) throw new Error(`nothing serves ${this.url}`);
        const res = await handler({ url: this.url! });
        return Buffer.from(await res.arrayBuffer());
      },
    };
  }
  return { BrowserWindow, session: { fromPartition: sessionFor, defaultSession: sessionFor('') }, app: {} };
});

const { ElectronPdfRenderer } = await import('../../main/electron/electron-pdf');

describe('ElectronPdfRenderer', () => {
  let tmp: string;
  let fonts: string;
  let savedTmp: string | undefined;
  beforeAll(() => {
    savedTmp = process.env.TMPDIR;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-epdf-'));
    fonts = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-epdf-fonts-'));
    fs.writeFileSync(path.join(fonts, 'ipamjm.ttf'), 'FONT BYTES');
    process.env.TMPDIR = tmp;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(fonts, { recursive: true, force: true });
  });

  it('prints the page from memory: nothing is written to the temp dir, before, while or after it prints', async () => {
    const pdf = new ElectronPdfRenderer(fonts);
    const html = `<!doctype html><meta charset="utf-8"><style>@font-face { src: url('${pdf.fontUrl}') }</style><h1>藤井恵美子</h1>`;
    const printed = await pdf.htmlToPdf(html);
    expect(Buffer.from(printed).toString('utf8')).toBe(html);
    expect(seen.duringPrint).toEqual([]);
    expect(seen.tmpDuringPrint).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    // an in-memory session: Chromium keeps not even its cache of the page on disk
    expect(seen.partition).toBeDefined();
    expect(seen.partition!.startsWith('persist:')).toBe(false);
  });

  it('serves the bundled font, and nothing else, to the print window; a printed page is gone from memory', async () => {
    const pdf = new ElectronPdfRenderer(fonts);
    await pdf.htmlToPdf('<p>x</p>');
    const handler = partitions.get(seen.partition!)!.get('app')!;
    const font = await handler({ url: pdf.fontUrl });
    expect(font.status).toBe(200);
    expect(await font.text()).toBe('FONT BYTES');
    for (const url of [seen.url!, 'app://ichimado/index.html', 'app://ichimado/print/../index.html', 'app://evil/print/fonts/ipamjm.ttf', `${pdf.fontUrl}?x`, 'file:///etc/passwd']) {
      expect((await handler({ url })).status, url).toBe(404);
    }
  });
});
