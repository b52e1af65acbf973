/**
 * Where and how the resident-facing window (住民向け画面) opens, kept free of any `electron` value import so it
 * can be unit-tested under plain Node (types only).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from './policy';

export const RESIDENT_ENTRY_URL = `${APP_ORIGIN}/resident.html`;
export const RESIDENT_WINDOW_TITLE = 'いちまど 住民向け画面';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts of Electron's Display the placement looks at. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
}

export type ResidentPlacement =
  /** full screen on the display facing the resident */
  | { kind: 'display'; displayId: number; bounds: Rect }
  /** no second display (or the one configured is gone): a normal window the clerk can move */
  | { kind: 'window' };

/**
 * The display facing the resident: the one config.json `residentScreen.display` names (1 = the first display
 * the system lists), else the first display that is not the clerk's (primary) one. Without such a display, a
 * normal window: full screen over the clerk's own screen would hide the app.
 */
export function residentPlacement(displays: readonly DisplayInfo[], primaryId: number, configured?: number): ResidentPlacement {
  const named = configured !== undefined ? displays[configured - 1] : undefined;
  const chosen = named ?? displays.find((d) => d.id !== primaryId);
  if (!chosen || chosen.id === primaryId) return { kind: 'window' };
  return { kind: 'display', displayId: chosen.id, bounds: chosen.bounds };
}

/** The window's frame: full screen on the resident's display, else a normal window (webPreferences: resident-window.ts, where the audit sees them). */
export function residentWindowFrame(placement: ResidentPlacement): BrowserWindowConstructorOptions {
  const where: BrowserWindowConstructorOptions =
    placement.kind === 'display'
      ? { ...placement.bounds, fullscreen: true }
      : { width: 1280, height: 720, minWidth: 800, minHeight: 600 };
  return { ...where, title: RESIDENT_WINDOW_TITLE, show: false, autoHideMenuBar: true };
}

/** A resident-channel IPC call is trusted only from the top-level resident page of our app. */
export function isTrustedResidentSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string') return false;
  try {
    const u = new URL(frameUrl);
    return `${u.protocol}//${u.host}${u.pathname}` === RESIDENT_ENTRY_URL && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

/** The resident page's channels: one per resident operation, named apart from the clerk's. */
export const residentChannel = (operation: string): string => `resident:${operation}`;
