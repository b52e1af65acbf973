import { describe, expect, it, vi } from 'vitest';

/**
 * The desktop app's paper printing through the thin Electron layer (issue 15 #2). The Electron binary
 * cannot run here, so the electron module is a stand-in: its window serves the page through the print
 * session's protocol handler, lists the PC's printers, and "prints" by answering webContents.print's
 * callback as the OS would. What is checked is what reaches webContents.print.
 */
type Handler = (request: { url: string }) => Promise<Response>;
const handlers = new Map<string, Handler>();
const state: {
  printers: { name: string; displayName: string; isDefault: boolean }[];
  answer: [boolean, string];
  printed: { options: unknown; page: string }[];
  windows: { offscreen: boolean; destroyed: boolean }[];
} = { printers: [], answer: [true, ''], printed: [], windows: [] };

vi.mock('electron', () => {
  class BrowserWindow {
    private url = '';
    private readonly record: { offscreen: boolean; destroyed: boolean };
    constructor(opts: { webPreferences?: { offscreen?: boolean } }) {
      this.record = { offscreen: opts.webPreferences?.offscreen ?? false, destroyed: false };
      state.windows.push(this.record);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
    }
    webContents = {
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      getPrintersAsync: () => Promise.resolve(state.printers),
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        void handlers.get(APP_SCHEME)!({ url: this.url }).then(async (res) => {
          state.printed.push({ options, page: await res.text() });
          callback(...state.answer);
        });
      },
    };
  }
  const ses = { protocol: { handle: (scheme: string, fn: Handler) => handlers.set(scheme, fn) } };
  return { BrowserWindow, session: { fromPartition: () => ses }, app: {} };
});

const { ElectronPdfRenderer } = await import('../../main/electron/electron-pdf');
const { APP_SCHEME } = await import('../../main/electron/policy');
const { printPageUrl } = await import('../../main/electron/print-page');

describe('ElectronPdfRenderer.print (webContents.print)', () => {
  const printer = new ElectronPdfRenderer(null);
  const html = '<!doctype html><p>住民異動届</p>';

  it('opens the system dialog (not silent) when no printer is configured, on an ordinary hidden window', async () => {
    state.printers = [{ name: 'EPSON_LP', displayName: 'EPSON LP-S180', isDefault: true }];
    expect(await printer.print(html, undefined)).toEqual({ kind: 'printed', deviceName: null });
    expect(state.printed.at(-1)).toEqual({ page: html, options: expect.objectContaining({ silent: false, pageSize: 'A4' }) });
    expect(state.printed.at(-1)!.options).not.toHaveProperty('deviceName');
    expect(state.windows.at(-1)).toEqual({ offscreen: false, destroyed: true });
  });

  it('prints silently on the configured printer this PC has', async () => {
    expect(await printer.print(html, 'EPSON LP-S180')).toEqual({ kind: 'printed', deviceName: 'EPSON_LP' });
    expect(state.printed.at(-1)!.options).toMatchObject({ silent: true, deviceName: 'EPSON_LP', pageSize: 'A4', printBackground: true });
  });

  it('prints nothing when the configured printer is missing, and says so in Japanese', async () => {
    const before = state.printed.length;
    const r = await printer.print(html, 'Ricoh-2F');
    expect(r).toMatchObject({ kind: 'failed', message: expect.stringContaining('「Ricoh-2F」がこの端末に見つかりません') });
    expect(state.printed.length).toBe(before);
    expect(state.windows.at(-1)!.destroyed).toBe(true);
  });

  it('reports a dialog closed without printing as cancelled, and drops the page', async () => {
    state.answer = [false, 'cancelled'];
    expect(await printer.print(html, undefined)).toEqual({ kind: 'cancelled' });
    // the page is served only while it prints
    const res = await handlers.get(APP_SCHEME)!({ url: printPageUrl('00000000-0000-0000-0000-000000000000') });
    expect(res.status).toBe(404);
  });
});
