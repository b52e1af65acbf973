import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAsset } from '../../main/electron/asset-resolver';

const posixRoot = '/opt/ichimado/dist/renderer';
const winRoot = 'C:\\Program Files\\ichimado\\resources\\app.asar\\dist\\renderer';

describe('resolveAsset', () => {
  it('serves index.html for the root', () => {
    expect(resolveAsset(posixRoot, 'app://ichimado/', 'GET', path.posix)).toEqual({
      kind: 'file',
      filePath: `${posixRoot}/index.html`,
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('maps nested files and ignores query and fragment', () => {
    const r = resolveAsset(posixRoot, 'app://ichimado/assets/index-abc.js?v=1#x', 'GET', path.posix);
    expect(r).toEqual({
      kind: 'file',
      filePath: `${posixRoot}/assets/index-abc.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded names inside the root', () => {
    const r = resolveAsset(posixRoot, 'app://ichimado/fonts/Noto%20Sans%20JP.woff2', 'GET', path.posix);
    expect(r).toMatchObject({ kind: 'file', filePath: `${posixRoot}/fonts/Noto Sans JP.woff2`, contentType: 'font/woff2' });
  });

  it.each([
    'app://ichimado/..%2f..%2f..%2fetc%2fpasswd',
    'app://ichimado/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://ichimado/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://ichimado/%2fetc%2fpasswd/..%2f..%2f..%2f..%2fetc',
  ])('never resolves outside the root (posix) %s', (url) => {
    // Either refused, or (when the URL parser already collapsed the dots) clamped inside the root.
    const r = resolveAsset(posixRoot, url, 'GET', path.posix);
    if (r.kind === 'file') expect(r.filePath.startsWith(`${posixRoot}/`)).toBe(true);
    else expect([400, 403]).toContain(r.status);
  });

  it('never leaves the root for ../ sequences that the URL parser does not collapse', () => {
    expect(resolveAsset(posixRoot, 'app://ichimado/..%2fpackage.json', 'GET', path.posix)).toEqual({
      kind: 'refused',
      status: 403,
    });
  });

  it.each([
    'app://ichimado/..%5c..%5cWindows%5cwin.ini',
    'app://ichimado/C:%5cWindows%5cwin.ini',
    'app://ichimado/C:/Windows/win.ini',
    'app://ichimado/a%00.html',
  ])('refuses Windows-style escapes and NUL %s', (url) => {
    expect(resolveAsset(winRoot, url, 'GET', path.win32)).toEqual({ kind: 'refused', status: 400 });
  });

  it('keeps Windows paths inside the root', () => {
    const r = resolveAsset(winRoot, 'app://ichimado/assets/app.css', 'GET', path.win32);
    expect(r).toEqual({ kind: 'file', filePath: `${winRoot}\\assets\\app.css`, contentType: 'text/css; charset=utf-8' });
  });

  it('refuses malformed escapes', () => {
    expect(resolveAsset(posixRoot, 'app://ichimado/%E0%A4%A', 'GET', path.posix)).toEqual({ kind: 'refused', status: 400 });
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAsset(posixRoot, 'app://other/index.html', 'GET', path.posix)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAsset(posixRoot, 'file:///etc/passwd', 'GET', path.posix)).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(resolveAsset(posixRoot, 'app://ichimado/index.html', 'POST', path.posix)).toEqual({
      kind: 'refused',
      status: 405,
    });
    expect(resolveAsset(posixRoot, 'app://ichimado/index.html', 'HEAD', path.posix).kind).toBe('file');
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
