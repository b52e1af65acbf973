/**
 * Security decisions for the Electron shell, kept free of any `electron` import so they can be
 * unit-tested under plain Node. Every function here answers "allow?" and defaults to no.
 */
import { APP_CSP } from '../../common/security/csp';

/**
 * Chromium's own UI language for every window: the file chooser, date pickers and built-in error pages
 * speak Japanese whatever language the PC's Windows account is set to (a clerk's PC may be English).
 */
export const UI_LANGUAGE = 'ja';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ichimado';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The same policy as browser mode: one definition in common/. */
export const CONTENT_SECURITY_POLICY = APP_CSP;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs served by our own protocol handler. Credentials and ports are refused
 * because a standard scheme would otherwise accept `app://x@ichimado:1/` as the same host.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * An IPC call is trusted only from the top-level document of our app. Subframes are refused even
 * on our origin: the app has none, so one appearing means something was injected.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Navigation (including redirects) may only stay inside the app. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/** What Electron tells a permission handler about one request or check (the parts that decide it). */
export interface PermissionAsk {
  permission: string;
  /** the document asking: details.requestingUrl (request) or requestingOrigin / details.requestingUrl (check) */
  requestingUrl: string | null | undefined;
  isMainFrame: boolean;
  /** request: details.mediaTypes; check: [details.mediaType] */
  mediaTypes?: readonly string[] | undefined;
}

/**
 * The one permission the app has: the camera (`media`, video only) for the card capture, asked by the
 * top-level document of our own app. Microphone, screen capture, notifications, geolocation, … and any
 * request from another origin or a subframe stay denied. A media request naming no type is refused.
 */
export function isPermissionAllowed(a: PermissionAsk): boolean {
  if (a.permission !== 'media') return false;
  if (!a.isMainFrame || typeof a.requestingUrl !== 'string' || !isAppUrl(a.requestingUrl)) return false;
  const types = a.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}
