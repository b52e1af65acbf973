/**
 * Security decisions for the Electron shell, kept free of any `electron` import so they can be
 * unit-tested under plain Node. Every function here answers "allow?" and defaults to no.
 */
import { APP_CSP } from '../../common/security/csp';

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
