import fs from 'node:fs';
import path from 'node:path';
import { APP_CSP } from '../../common/security/csp';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isNavigationAllowed,
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
