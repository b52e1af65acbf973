import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.traineddata': 'application/octet-stream',
};

export function mimeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would escape `root`
 * (../, encoded separators, NUL) or does not exist. Extension-less paths fall back to index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootAbs = path.resolve(root);
  const candidate = path.resolve(rootAbs, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + path.sep)) return null;
  const target = decoded === '/' || path.extname(decoded) === '' ? path.join(rootAbs, 'index.html') : candidate;
  try {
    return fs.statSync(target).isFile() ? target : null;
  } catch {
    return null;
  }
}
