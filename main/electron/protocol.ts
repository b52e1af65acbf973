import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAsset } from './asset-resolver';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './policy';
import type { Log } from './log';

/** Must run before `app.ready`: privileges can only be granted at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function refusal(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** Serves the built renderer; nothing outside `rendererDir` is reachable. */
export function serveRenderer(rendererDir: string, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAsset(rendererDir, request.url, request.method);
    if (resolved.kind === 'refused') {
      log('app_protocol_refused', { status: resolved.status }, 'warn');
      return refusal(resolved.status);
    }
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.contentType },
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return refusal(code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500);
    }
  });
}
