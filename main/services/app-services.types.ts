import type { Result } from '../../common/contract/result';
import type { OperationName } from '../../common/contract/operations';
import type { KeyStore } from './crypto/key-store';
import type { PdfRenderer } from './print/pdf-renderer';
import type { NativePrinter } from './print/native-printer';
import type { ResidentScreenHost } from './api/resident-handlers';

export interface AppServicesOptions {
  /** folder holding ichimado.db and config; the OS user-data folder in Electron */
  dataDir: string;
  host: 'electron' | 'browser';
  /** back-end intake base URL; when absent a simulated back end is started (demo) */
  backendUrl?: string;
  appVersion: string;
  /** where the database key lives; a 0600 key file in the data dir when absent (Electron passes safeStorage) */
  keyStore?: KeyStore;
  /** how this host makes PDFs (Electron: printToPDF); browser mode uses the system Chromium when absent */
  pdfRenderer?: PdfRenderer;
  /** how this host prints on paper (Electron: webContents.print); browser mode has none (the UI prints the PDF) */
  nativePrinter?: NativePrinter;
  /**
   * the card reader (OCR): started in the background with the services (default), on the first read
   * ('lazy'), or not at all ('off': the card operations answer NOT_READY)
   */
  ocr?: 'background' | 'lazy' | 'off';
  /** the card's IC chip over PC/SC ('off': the chip operations answer NOT_READY); opened on first use */
  chip?: 'on' | 'off';
  /** 研修モード: the vpcd slot of the training reader for 見本ICカード (0 → "Virtual PCD 00 00") */
  demoChipSlot?: number;
  /** the clock of records, retries and retention (epoch ms); tests move it to see cases and applications purged */
  now?: () => number;
  log?: (level: 'info' | 'warn' | 'error', event: string, detail?: Record<string, unknown>) => void;
  /** how this host shows the resident-facing screen (browser mode: its link; Electron: its window) */
  residentScreen?: ResidentScreenHost;
}

export interface AppServices {
  /**
   * Validates `input` against the operation's schema and runs it. Never throws: every failure
   * comes back as `{ ok: false, error }` and is logged (without personal data).
   */
  dispatch(operation: OperationName, input: unknown): Promise<Result<unknown>>;
  /**
   * The resident-facing page's door (resident-operations.ts): what the resident screen shows and the PIN for the
   * chip read it asks for. No clerk operation is reachable through it. Never throws.
   */
  dispatchResident(operation: string, input: unknown): Promise<Result<unknown>>;
  /** where applications go: the configured back end, or the simulated one started inside (demo) */
  backend: { url: string; simulated: boolean };
  /** demo (研修モード, the embedded simulator) or production (a configured back end); see app-mode.ts */
  mode: 'demo' | 'production';
  close(): Promise<void>;
}
