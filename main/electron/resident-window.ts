import path from 'node:path';
import { app, BrowserWindow, screen, type WebContents } from 'electron';
import { log } from './log';
import { RESIDENT_ENTRY_URL, residentPlacement, residentWindowFrame } from './resident-window-options';

// the resident channels trust only the resident window's webContents (never the clerk's, and the clerk's
// channels never trust this one: window.ts keeps its own set)
const residentContents = new WeakSet<WebContents>();

export function isResidentWebContents(contents: WebContents): boolean {
  return residentContents.has(contents);
}

let current: BrowserWindow | null = null;

/**
 * Opens the resident-facing window (or brings it forward): full screen on the display facing the resident
 * (config.json `residentScreen.display`, else the first display that is not the primary one), else a normal
 * window the clerk moves there. Answers whether it is open now.
 */
export function openResidentWindow(bundleDir: string, configuredDisplay?: number): boolean {
  if (current && !current.isDestroyed()) {
    current.show();
    return true;
  }
  const placement = residentPlacement(screen.getAllDisplays(), screen.getPrimaryDisplay().id, configuredDisplay);
  // hardened exactly like the clerk's window (window.ts), with its own preload: the resident contract only.
  // Written out, not shared through a helper: Electronegativity's static audit (tests/unit/electronegativity.test.ts)
  // reads the options in the constructor call; tests/unit/electron-resident-window.test.ts keeps the two equal.
  const win = new BrowserWindow({
    ...residentWindowFrame(placement),
    webPreferences: {
      preload: path.join(bundleDir, 'resident-preload.cjs'),
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
  residentContents.add(win.webContents);
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.showInactive());
  win.on('closed', () => {
    if (current === win) current = null;
  });
  win.loadURL(RESIDENT_ENTRY_URL).catch((err: unknown) => log('resident_window_load_failed', { error: err instanceof Error ? err.message : String(err) }, 'error'));
  log('resident_window_opened', { placement: placement.kind });
  current = win;
  return true;
}

/** True when a second display exists: the resident window opens at start-up then. */
export function hasResidentDisplay(configuredDisplay?: number): boolean {
  return residentPlacement(screen.getAllDisplays(), screen.getPrimaryDisplay().id, configuredDisplay).kind === 'display';
}
