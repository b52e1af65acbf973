import fs from 'node:fs';
import path from 'node:path';
import { APP_CSP } from '../../common/security/csp';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
} from '../../main/electron/policy';

describe('isAppUrl', () => {
  it.each(['app://ichimado/', 'app://ichimado/index.html', 'app://ichimado/assets/a.js?x=1#y', APP_ENTRY_URL])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'https://ichimado/',
    'http://localhost:5173/',
    'file:///C:/Windows/system32/',
    'app://evil/',
    'app://ichimado.evil.example/',
    'app://evil@ichimado/',
    'app://ichimado:8080/',
    'app://user:pw@ichimado/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isNavigationAllowed', () => {
  it('allows in-app navigation only', () => {
    expect(isNavigationAllowed('app://ichimado/index.html#/queue')).toBe(true);
    expect(isNavigationAllowed('https://www.city.example.lg.jp/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of the app', () => {
    expect(isTrustedSender('app://ichimado/index.html', true)).toBe(true);
  });
  it('refuses subframes even on the app origin', () => {
    expect(isTrustedSender('app://ichimado/index.html', false)).toBe(false);
  });
  it('refuses foreign or missing URLs', () => {
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender('about:blank', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the one policy from common/, also in the page meta tag', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(APP_CSP);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    // frame-ancestors is ignored in a meta tag, so the meta carries every other directive
    const html = fs.readFileSync(path.join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.split('; ')).toEqual(APP_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('isPermissionAllowed (camera for the card capture, nothing else)', () => {
  const app = 'app://ichimado/index.html';
  it('allows the camera (video) for the main frame of the app', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
  });
  it('refuses the microphone, and camera plus microphone together', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
  });
  it('refuses a media request that names no type', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true, mediaTypes: [] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: true, mediaTypes: ['unknown'] })).toBe(false);
  });
  it('refuses subframes and other origins', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: app, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    for (const url of ['https://example.com/', 'app://evil/', 'app://ichimado:8080/', 'file:///C:/x.html', '', null, undefined]) {
      expect(isPermissionAllowed({ permission: 'media', requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    }
  });
  it.each(['notifications', 'geolocation', 'display-capture', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb'])(
    'refuses %s even for the app',
    (permission) => expect(isPermissionAllowed({ permission, requestingUrl: app, isMainFrame: true, mediaTypes: ['video'] })).toBe(false),
  );
});
