import { app, session, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isNavigationAllowed, isPermissionAllowed } from './policy';

import type { Log } from './log';

const hardenedSessions = new WeakSet<Session>();

/**
 * The app needs no notifications, geolocation, microphone, …: every request and check says no, except
 * the camera (video) for our own app's main frame, for reading My Number cards (policy.ts decides).
 */
function hardenSession(ses: Session, log: Log): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const allowed = isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes: media });
    if (!allowed) log('permission_denied', { permission });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const url = details.requestingUrl ?? (requestingOrigin === APP_ORIGIN ? `${APP_ORIGIN}/` : requestingOrigin);
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    return isPermissionAllowed({ permission, requestingUrl: url, isMainFrame: details.isMainFrame, mediaTypes });
  });
  // USB, HID, serial and Bluetooth devices: never
  ses.setDevicePermissionHandler(() => false);
  // setCertificateVerifyProc is deliberately left alone so Chromium's TLS verification applies.
}

function hardenContents(contents: WebContents, log: Log): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }, kind: string): void => {
    if (!isNavigationAllowed(event.url)) {
      event.preventDefault();
      log('navigation_blocked', { kind, scheme: safeScheme(event.url) }, 'warn');
    }
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, 'navigate'));
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, 'frame-navigate'));
  contents.on('will-redirect', (event) => refuseNavigation(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview_blocked', {});
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('window_open_blocked', { scheme: safeScheme(url) });
    return { action: 'deny' };
  });
  hardenSession(contents.session, log);
}

/** Logs only the scheme: a full URL could carry personal data typed into a form. */
function safeScheme(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? 'invalid';
}

/** Call before `app.ready` so even the first webContents is covered. */
export function installSecurityPolicy(log: Log): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
  void app.whenReady().then(() => hardenSession(session.defaultSession, log));
}
