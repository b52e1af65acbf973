import path from 'node:path';
import { app, BrowserWindow, type WebContents } from 'electron';
import { log } from './log';
import { APP_ENTRY_URL } from './policy';

export const WINDOW_TITLE = 'いちまど';

// IPC trusts only webContents we created; a WeakSet lets closed windows be collected.
const ownContents = new WeakSet<WebContents>();

export function isOwnWebContents(contents: WebContents): boolean {
  return ownContents.has(contents);
}

export function createMainWindow(bundleDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: WINDOW_TITLE,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  ownContents.add(win.webContents);
  // The counter window always says what it is, whatever the page sets.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) =>
    log('window_load_failed', { error: err instanceof Error ? err.message : String(err) }, 'error'),
  );
  return win;
}
