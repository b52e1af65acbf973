import type { CardReadResult, OcrErrorCode } from '../../../common/ocr/card-result';
import type { OcrProgress } from '../../ocr-engine/card-reader';

/** What the card reader's thread is started with (its workerData). */
export interface CardReaderThreadStart {
  /** tesseract workers; undefined: the engine's default (one more than the cores) */
  workers?: number;
}

/** A request to the card reader's thread. Image bytes are a copy, moved there; the thread zeroes them. */
export type CardReaderRequest =
  | { id: number; op: 'read'; bytes: Uint8Array; today?: string; timeoutMs?: number }
  | { id: number; op: 'qr'; bytes: Uint8Array }
  | { id: 0; op: 'close' };

/** What went wrong, as a value: an unreadable image (input: its code and the clerk's message) or an engine failure. */
export interface CardReaderFailure {
  input: boolean;
  code: OcrErrorCode;
  message: string;
}

/** What the thread says: once ready (or not) at start, then progress and one answer per request. */
export type CardReaderEvent =
  | { kind: 'ready'; ms: number; addressMaster: boolean; nameTableProblems: string[] }
  | { kind: 'start-failed'; message: string }
  | { kind: 'progress'; id: number; progress: OcrProgress }
  | { kind: 'read'; id: number; result: CardReadResult }
  | { kind: 'qr'; id: number; text: string | null }
  | { kind: 'failed'; id: number; failure: CardReaderFailure };

/** Where the thread finds the app's shipped data when its `process` lacks Electron's resourcesPath. */
export const RESOURCES_PATH_ENV = 'ICHIMADO_RESOURCES_PATH';
