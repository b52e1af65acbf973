import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { APP_CSP } from '../../common/security/csp';
import { fail, type Result } from '../../common/contract/result';
import type { AppServices } from '../services/app-services.types';
import { mimeFor, resolveStaticFile } from './static-files';
import type { Logger } from '../services/log';
import { readBodyLimited } from '../http/read-body';
import { isOwnHost } from '../http/own-host';
import { requestUrl } from '../http/request-url';
import { UNAUTHORIZED_PAGE, UNAUTHORIZED_PAGE_CSP } from './unauthorized-page';
import { MAX_CARD_IMAGE_BASE64 } from '../../common/contract/card-operations';
import { CARD_READS_AT_ONCE, CARD_READS_BUSY, CARD_READS_WAITING } from '../services/api/card-handlers';

/**
 * Browser mode: the same services behind an HTTP bridge on 127.0.0.1, for e2e tests, trainers
 * without an installed app, and machines without the Electron binary.
 *
 * Every request needs the per-launch token: first as `?token=` on the URL printed at start
 * (exchanged for a SameSite=Strict HttpOnly cookie and removed from the address bar), then the
 * cookie; scripts may send `Authorization: Bearer <token>`. API calls from a page must come
 * from our own Origin; there is no CORS at all, so other sites can neither read nor write.
 *
 * The resident-facing screen (住民向け画面) has a link of its own (/resident?token=<resident token>) and a
 * cookie of its own. With it a browser gets the resident page and its own operations under /resident-api/,
 * nothing else: the clerk's page and operations answer 401, as they do without any token. The clerk's token
 * does not open /resident-api/ either: the PIN is typed on the resident's side only.
 */
type Role = 'clerk' | 'resident';
const RESIDENT_PAGE = '/resident.html';
const MAX_API_BODY = 256 * 1024;
/** readCard carries one card image (≤ 20 MB as base64) */
const MAX_CARD_BODY = MAX_CARD_IMAGE_BASE64 + 4096;
const bodyLimit = (operation: string): number => (operation === 'readCard' ? MAX_CARD_BODY : MAX_API_BODY);
/**
 * readCard calls the host holds at once (body being received or read): as many as the services admit
 * (running + waiting). Beyond, BUSY before the body is read — each one is up to 20 MB in memory here.
 */
const CARD_CALLS_HELD = CARD_READS_AT_ONCE + CARD_READS_WAITING;
const BUSY_CARD = fail(CARD_READS_BUSY);

export interface BrowserHost {
  url: string;
  /** the resident-facing screen's own link: its own token, and it reaches nothing but that screen's operations */
  residentUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  services: AppServices;
  rendererDir: string;
  port: number;
  log: Logger;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** A browser opening a page (not a script, not an API call) gets the Japanese page that says how to get in. */
function unauthorized(req: http.IncomingMessage, res: http.ServerResponse): void {
  const page = (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
  if (!page) return plain(res, 401, 'Unauthorized');
  res.writeHead(401, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': UNAUTHORIZED_PAGE_CSP, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : UNAUTHORIZED_PAGE);
}

function json(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  const residentToken = randomBytes(32).toString('base64url');
  let port = 0;
  let cookieName = '';
  let residentCookieName = '';
  let cardCalls = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** The clerk's token first: a browser holding both (one profile, both links opened) is the clerk's. */
  function roles(req: http.IncomingMessage): Set<Role> {
    const found = new Set<Role>();
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (bearer && safeEqual(bearer, token)) found.add('clerk');
    if (bearer && safeEqual(bearer, residentToken)) found.add('resident');
    const c = cookieValue(req.headers.cookie, cookieName);
    if (c !== undefined && safeEqual(c, token)) found.add('clerk');
    const r = cookieValue(req.headers.cookie, residentCookieName);
    if (r !== undefined && safeEqual(r, residentToken)) found.add('resident');
    return found;
  }

  /** A cookie-authenticated call must come from our page; bearer calls (scripts) carry no Origin. */
  function refusedCall(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined ? !allowedHosts().has(origin.replace(/^http:\/\//, '')) : !req.headers.authorization) {
      opts.log('warn', 'host.bad_origin', { origin: origin?.slice(0, 100) ?? null });
      plain(res, 403, 'Forbidden');
      return true;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      json(res, 415, fail({ code: 'INVALID_INPUT', message: '送信形式が正しくありません。' }));
      return true;
    }
    return false;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, operation: string): Promise<void> {
    if (refusedCall(req, res)) return;
    if (operation !== 'readCard') return handleCall(req, res, operation);
    if (cardCalls >= CARD_CALLS_HELD) {
      res.setHeader('connection', 'close'); // the unread body goes with the connection
      return json(res, 503, BUSY_CARD);
    }
    cardCalls++;
    try {
      return await handleCall(req, res, operation);
    } finally {
      cardCalls--;
    }
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, operation: string, role: Role = 'clerk'): Promise<void> {
    const body = await readBodyLimited(req, bodyLimit(operation));
    if (body === null) {
      opts.log('warn', 'host.body_too_large', { operation: operation.slice(0, 64) });
      return json(res, 413, fail({ code: 'INVALID_INPUT', message: '送信データが大きすぎます。' }));
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      opts.log('warn', 'host.bad_json', { operation: operation.slice(0, 64) });
      return json(res, 400, fail({ code: 'INVALID_INPUT', message: '送信データの形式が正しくありません。' }));
    }
    json(res, 200, role === 'clerk' ? await opts.services.dispatch(operation as never, input) : await opts.services.dispatchResident(operation, input));
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, who: Set<Role>): void {
    // the resident's browser gets its page and the bundle's files, never the clerk's page
    const residentOnly = !who.has('clerk');
    const page = pathname === '/resident' || (residentOnly && path.extname(pathname) === '') ? RESIDENT_PAGE : pathname;
    if (residentOnly && /^\/+index\.html$/i.test(page)) return plain(res, 404, 'Not Found');
    const file = resolveStaticFile(opts.rendererDir, page);
    if (!file) return plain(res, 404, 'Not Found');
    const type = mimeFor(file);
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': type };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = APP_CSP;
      headers['cache-control'] = 'no-store';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        // DNS rebinding: a foreign host name resolved to 127.0.0.1 gets nothing (checked before anything is logged)
        if (!isOwnHost(req.headers.host, port)) return plain(res, 403, 'Forbidden');
        const url = requestUrl(req);
        if (!url) return plain(res, 400, 'Bad Request');
        const offered = url.searchParams.get('token');
        if (offered !== null && req.method === 'GET') {
          const asResident = safeEqual(offered, residentToken);
          if (!asResident && !safeEqual(offered, token)) {
            opts.log('warn', 'host.bad_token');
            return unauthorized(req, res);
          }
          res.writeHead(303, {
            ...SECURITY_HEADERS,
            location: asResident ? '/resident' : url.pathname,
            'set-cookie': asResident
              ? `${residentCookieName}=${residentToken}; HttpOnly; SameSite=Strict; Path=/`
              : `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
            'cache-control': 'no-store',
          });
          return void res.end();
        }
        const who = roles(req);
        const residentApi = /^\/resident-api\/([A-Za-z]{1,64})$/.exec(url.pathname);
        const api = /^\/api\/([A-Za-z]{1,64})$/.exec(url.pathname);
        const allowed = residentApi ? who.has('resident') : api ? who.has('clerk') : who.size > 0;
        if (!allowed) {
          opts.log('warn', 'host.unauthorized', { path: url.pathname.slice(0, 100), resident: who.has('resident') });
          return unauthorized(req, res);
        }
        if (residentApi && req.method === 'POST') return refusedCall(req, res) ? undefined : await handleCall(req, res, residentApi[1]!, 'resident');
        if (api && req.method === 'POST') return await handleApi(req, res, api[1]!);
        if (req.method === 'GET' || req.method === 'HEAD') return handleStatic(req, res, url.pathname, who);
        plain(res, 405, 'Method Not Allowed');
      } catch (err) {
        opts.log('error', 'host.request_failed', { error: String(err).slice(0, 300) });
        if (!res.headersSent) json(res, 500, fail({ code: 'INTERNAL', message: '内部エラーが発生しました。' }));
        else res.destroy();
      }
    })();
  });
  server.requestTimeout = 30_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      cookieName = `ichimado_${port}`;
      residentCookieName = `ichimado_resident_${port}`;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        residentUrl: `http://127.0.0.1:${port}/resident?token=${residentToken}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
