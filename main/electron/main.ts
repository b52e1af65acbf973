import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createAppServices } from '../services/app-services';
import type { AppServices } from '../services/app-services.types';
import { registerIpc } from './ipc';
import { log } from './log';
import { registerAppScheme, serveRenderer } from './protocol';
import { installSecurityPolicy } from './security';
import { createMainWindow } from './window';
import { SafeStorageKeyStore } from './safe-storage-key-store';
import { ElectronPdfRenderer } from './electron-pdf';
import { launchOptions } from './launch-options';
import { startDataDir } from '../services/app-mode';
import { UI_LANGUAGE } from './policy';
import { loadConfig } from '../services/config';
import { hasResidentDisplay, openResidentWindow } from './resident-window';
import { registerResidentIpc } from './resident-ipc';

/** Injected by scripts/build-electron.mjs: launched as `electron main.cjs`, app.getVersion() is Electron's. */
declare const __ICHIMADO_VERSION__: string | undefined;

const STARTUP_FAILED_TITLE = 'いちまど を起動できません';
const STARTUP_FAILED_FALLBACK = '起動中に予期しないエラーが発生しました。システム管理者に連絡してください。';

// Set before anything touches userData: the single-instance lock and Chromium's profile live
// there, and a test data dir must not collide with a clerk's running app. Environment overrides
// count in a development build only (launch-options.ts).
const launch = launchOptions({ isPackaged: app.isPackaged, env: process.env, appDataDir: app.getPath('appData') });
app.setName('ichimado');
// the OS folder when it holds a production configuration, else the demo's own folder beside it (app-mode.ts);
// a data dir given in a development build is used as it is
const explicitDataDir = launch.dataDir !== path.join(app.getPath('appData'), 'ichimado');
app.setPath('userData', explicitDataDir ? launch.dataDir : startDataDir(launch.dataDir).dataDir);
if (launch.ignoredEnv.length > 0) log('env_override_ignored', { names: launch.ignoredEnv }, 'warn');

app.commandLine.appendSwitch('lang', UI_LANGUAGE);
registerAppScheme();
installSecurityPolicy(log);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let servicesClosed = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Pending queue writes must reach disk before the process goes away.
  app.on('will-quit', (event) => {
    if (!services || servicesClosed) return;
    event.preventDefault();
    const closing = services;
    services = null;
    closing
      .close()
      .catch((err: unknown) => log('services_close_failed', { error: errorName(err) }, 'error'))
      .finally(() => {
        servicesClosed = true;
        app.quit();
      });
  });
  process.on('unhandledRejection', (reason) => log('unhandled_rejection', { error: errorName(reason) }, 'error'));
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  // the display facing the resident (config.json residentScreen.display); read again here, the services checked it
  let residentDisplay: number | undefined;
  try {
    residentDisplay = loadConfig(app.getPath('userData')).residentScreen?.display;
  } catch {
    residentDisplay = undefined;
  }
  try {
    const printing = new ElectronPdfRenderer();
    services = await createAppServices({
      residentScreen: { link: () => null, openWindow: () => openResidentWindow(__dirname, residentDisplay) },
      dataDir: app.getPath('userData'),
      host: 'electron',
      keyStore: new SafeStorageKeyStore(app.getPath('userData'), (event, detail) => log(event, detail, 'warn')),
      pdfRenderer: printing,
      nativePrinter: printing,
      appVersion: typeof __ICHIMADO_VERSION__ === 'string' ? __ICHIMADO_VERSION__ : app.getVersion(),
      ...(launch.backendUrl ? { backendUrl: launch.backendUrl } : {}),
    });
  } catch (err) {
    log('startup_failed', { error: errorName(err) }, 'error');
    dialog.showErrorBox(STARTUP_FAILED_TITLE, startupFailureMessage(err));
    app.exit(1);
    return;
  }
  serveRenderer(path.join(__dirname, '..', 'renderer'), log);
  registerIpc(services, log);
  registerResidentIpc(services, log);
  mainWindow = createMainWindow(__dirname);
  // a second display at the counter: the resident window is up from the start (else the clerk opens it from the header)
  if (hasResidentDisplay(residentDisplay)) openResidentWindow(__dirname, residentDisplay);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/**
 * Services phrase expected failures (e.g. a database from a newer version) in Japanese for the
 * clerk; anything else is an unexpected OS/library message, shown only as detail for IT.
 */
function startupFailureMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(message)) return message;
  return message ? `${STARTUP_FAILED_FALLBACK}\n\n詳細: ${message}` : STARTUP_FAILED_FALLBACK;
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
