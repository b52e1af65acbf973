import path from 'node:path';
import { isAppUrl } from './policy';

/**
 * Maps an app:// request to a file under the renderer folder. Pure (no fs) so the traversal
 * checks can be tested for both POSIX and Windows path rules.
 */
export type AssetResolution =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405 };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function resolveAsset(
  rootDir: string,
  requestUrl: string,
  method = 'GET',
  pathImpl: path.PlatformPath = path,
): AssetResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  if (!isAppUrl(requestUrl)) return { kind: 'refused', status: 403 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  // Backslashes and drive letters would be separators/roots on Windows even though the URL
  // parser treated them as plain characters; NUL truncates paths in some native APIs.
  if (decoded.includes('\0') || decoded.includes('\\') || /(^|\/)[a-zA-Z]:/.test(decoded)) {
    return { kind: 'refused', status: 400 };
  }

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = pathImpl.resolve(rootDir);
  const filePath = pathImpl.resolve(root, relative);
  const rel = pathImpl.relative(root, filePath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${pathImpl.sep}`) || pathImpl.isAbsolute(rel)) {
    return { kind: 'refused', status: 403 };
  }
  return { kind: 'file', filePath, contentType: contentTypeFor(filePath) };
}
