/**
 * Results cross every process boundary as values, never as thrown exceptions:
 * a renderer cannot tell a thrown IPC error from a bug, but it can show `error.message`.
 */
export type ApiErrorCode =
  | 'INVALID_INPUT' // the call itself is malformed (wrong types, extra fields, too large)
  | 'VALIDATION_FAILED' // well-formed, but the form data is not acceptable; see fieldErrors
  | 'NOT_FOUND'
  | 'UNAUTHORIZED' // the transport's own check failed (IPC sender, browser-mode token)
  | 'UNAUTHENTICATED' // no clerk is signed in: the renderer shows the sign-in screen
  | 'LOCKED' // the screen is locked: the renderer shows the lock screen
  | 'FORBIDDEN' // the signed-in clerk's role may not do this
  | 'STORAGE' // the local database refused the write (disk full, locked, …)
  | 'CARD_UNREADABLE' // the card image could not be read; `reason` says why (back-side, blank, timeout, …)
  | 'NOT_READY' // the card reader (OCR) is not available
  | 'BUSY' // too many card reads at once: nothing was done, try again when the others are finished
  | 'REGISTER_UNAVAILABLE' // the 住民基本台帳 lookup failed (offline, 認証, scope, bad answer); `reason` says which; manual entry goes on
  | 'INTERNAL';

export interface ApiError {
  code: ApiErrorCode;
  /** Japanese, for the clerk. Never contains personal data. */
  message: string;
  /** field name → Japanese message, for VALIDATION_FAILED */
  fieldErrors?: Record<string, string>;
  /** a machine-readable reason, e.g. the OCR's error code for CARD_UNREADABLE */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
