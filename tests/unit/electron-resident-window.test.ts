import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RESIDENT_OPERATION_NAMES } from '../../common/contract/resident-operations';
import type { AppServices } from '../../main/services/app-services.types';

/**
 * The resident-facing window of the Electron shell (the Electron binary is not here: its module is replaced by
 * recorders): which display it opens on, that it is hardened exactly like the clerk's window, that its preload
 * exposes the resident contract only, and that its channels answer the resident page only — and the clerk's
 * channels never answer it.
 */
const created: { options: Record<string, unknown> }[] = [];
/** every window the shell made, never cleared: the resident window stays open across the tests */
const windows: { options: Record<string, unknown>; webContents: unknown }[] = [];
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, input: unknown) => Promise<unknown>>();
const displays = { all: [] as { id: number; bounds: { x: number; y: number; width: number; height: number } }[], primary: 1 };

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: Math.random() };
    constructor(public options: Record<string, unknown>) {
      created.push({ options });
      windows.push(this);
    }
    on() {}
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    show() {}
  }
  return {
    app: { isPackaged: true, getPath: () => '/tmp' },
    BrowserWindow,
    screen: { getAllDisplays: () => displays.all, getPrimaryDisplay: () => ({ id: displays.primary }) },
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: { invoke: (channel: string, input: unknown) => invoke(channel, input) },
  };
});

const { residentPlacement, residentWindowFrame, isTrustedResidentSender, RESIDENT_ENTRY_URL } = await import('../../main/electron/resident-window-options');
const { createMainWindow, isOwnWebContents } = await import('../../main/electron/window');
const { openResidentWindow, isResidentWebContents } = await import('../../main/electron/resident-window');
const { registerResidentIpc } = await import('../../main/electron/resident-ipc');

const LEFT = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const RIGHT = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };

describe('resident window placement', () => {
  it('goes full screen on the first display that is not the clerk’s', () => {
    expect(residentPlacement([LEFT, RIGHT], 1)).toEqual({ kind: 'display', displayId: 7, bounds: RIGHT.bounds });
    expect(residentPlacement([RIGHT, LEFT], 1)).toEqual({ kind: 'display', displayId: 7, bounds: RIGHT.bounds });
  });
  it('takes the display config.json names (1 = the first listed)', () => {
    const third = { id: 9, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };
    expect(residentPlacement([LEFT, RIGHT, third], 1, 3)).toEqual({ kind: 'display', displayId: 9, bounds: third.bounds });
  });
  it('falls back to a normal window: one display, a configured display that is gone, or the clerk’s own one', () => {
    expect(residentPlacement([LEFT], 1)).toEqual({ kind: 'window' });
    expect(residentPlacement([LEFT], 1, 2)).toEqual({ kind: 'window' });
    expect(residentPlacement([LEFT, RIGHT], 1, 1)).toEqual({ kind: 'window' });
    expect(residentWindowFrame({ kind: 'window' })).toMatchObject({ width: 1280, height: 720 });
    expect(residentWindowFrame({ kind: 'window' })).not.toHaveProperty('fullscreen');
  });
  it('opens on that display, full screen', () => {
    expect(residentWindowFrame({ kind: 'display', displayId: 7, bounds: RIGHT.bounds })).toMatchObject({ ...RIGHT.bounds, fullscreen: true });
  });
});

describe('resident window hardening', () => {
  beforeEach(() => {
    created.length = 0;
  });
  it('has the clerk window’s webPreferences, with its own preload', () => {
    createMainWindow('/bundle');
    displays.all = [LEFT, RIGHT];
    openResidentWindow('/bundle');
    const [main, resident] = created.map((c) => c.options.webPreferences as Record<string, unknown>);
    expect(resident).toEqual({ ...main, preload: '/bundle/resident-preload.cjs' });
    expect(resident).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(created[1]!.options).toMatchObject({ ...RIGHT.bounds, fullscreen: true });
  });
  it('trusts only its own top-level page', () => {
    expect(isTrustedResidentSender(RESIDENT_ENTRY_URL, true)).toBe(true);
    expect(isTrustedResidentSender(`${RESIDENT_ENTRY_URL}?x=1`, true)).toBe(true);
    for (const url of ['app://ichimado/index.html', 'app://evil/resident.html', 'app://x@ichimado/resident.html', 'app://ichimado:1/resident.html', 'https://ichimado/resident.html', 'nonsense'])
      expect(isTrustedResidentSender(url, true), url).toBe(false);
    expect(isTrustedResidentSender(RESIDENT_ENTRY_URL, false)).toBe(false);
  });
});

describe('resident IPC and preload', () => {
  const dispatchResident = vi.fn<AppServices['dispatchResident']>();
  const log = vi.fn();
  const event = (sender: { mainFrame: { url: string; parent: null } }) => ({ sender, senderFrame: sender.mainFrame });

  beforeEach(() => {
    handlers.clear();
    dispatchResident.mockReset();
    registerResidentIpc({ dispatchResident }, log);
  });

  it('registers one channel per resident operation, and nothing of the clerk’s contract', () => {
    expect([...handlers.keys()].sort()).toEqual(RESIDENT_OPERATION_NAMES.map((n) => `resident:${n}`).sort());
  });

  it('answers the resident window’s page; refuses the clerk’s window, another page in the resident window, and any other window', async () => {
    displays.all = [LEFT];
    createMainWindow('/bundle');
    openResidentWindow('/bundle');
    const resident = windows.find((w) => w.options.title === 'いちまど 住民向け画面')!.webContents as Record<string, unknown>;
    const clerk = windows.find((w) => w.options.title === 'いちまど')!.webContents as Record<string, unknown>;
    const call = (contents: Record<string, unknown>, url: string) => {
      contents.mainFrame = { url, parent: null };
      return handlers.get('resident:getResidentDisplay')!(event(contents as never), {});
    };
    dispatchResident.mockResolvedValue({ ok: true, value: { version: 1 } });
    expect(await call(resident, RESIDENT_ENTRY_URL)).toEqual({ ok: true, value: { version: 1 } });
    expect(dispatchResident).toHaveBeenCalledWith('getResidentDisplay', {});
    dispatchResident.mockClear();
    for (const [contents, url] of [[clerk, RESIDENT_ENTRY_URL], [clerk, 'app://ichimado/index.html'], [resident, 'app://ichimado/index.html'], [{}, RESIDENT_ENTRY_URL]] as const) {
      expect(await call(contents as Record<string, unknown>, url)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(dispatchResident).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc_unauthorized', { operation: 'resident:getResidentDisplay' }, 'warn');
  });

  it('the preload exposes only window.ichimadoResident, each function on its resident channel', async () => {
    await import('../../preload/resident-preload');
    expect([...exposed.keys()]).toEqual(['ichimadoResident']);
    const api = exposed.get('ichimadoResident') as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...RESIDENT_OPERATION_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    invoke.mockResolvedValueOnce({ ok: true, value: { accepted: true } });
    await api.submitChipPin!({ pinRequestId: 'r1', pin: '0000' });
    expect(invoke).toHaveBeenCalledWith('resident:submitChipPin', { pinRequestId: 'r1', pin: '0000' });
    invoke.mockRejectedValueOnce(new Error('no handler'));
    await expect(api.getResidentDisplay!({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps the two windows apart: the clerk’s IPC does not trust the resident window, nor the resident IPC the clerk’s', () => {
    const main = createMainWindow('/bundle') as unknown as { webContents: never };
    openResidentWindow('/bundle');
    const resident = windows.find((w) => w.options.title === 'いちまど 住民向け画面')!.webContents as never;
    expect(isOwnWebContents(main.webContents)).toBe(true);
    expect(isResidentWebContents(main.webContents)).toBe(false);
    expect(isResidentWebContents(resident)).toBe(true);
    expect(isOwnWebContents(resident)).toBe(false);
  });
});
