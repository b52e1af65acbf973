import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { SimStore } from './sim-store';
import { FieldCipher } from '../services/crypto/field-cipher';
import { FileKeyStore } from '../services/crypto/key-store';
import { ensureOwnerOnlyDir } from '../services/files/owner-only';
import { isOwnHost } from '../http/own-host';
import { intake, reviewDecision } from './sim-intake';
import { readBodyLimited } from '../http/read-body';
import { requestUrl } from '../http/request-url';
import { startFileExchange, type FileExchangeFaults, type FileExchangeSim } from './sim-file-exchange';
import type { ExchangeArea } from '../services/sync/exchange-area';
import { FolderExchangeArea } from '../services/sync/folder-exchange-area';
import { s3Client, S3ExchangeArea } from '../services/sync/s3-exchange-area';
import type { S3Credentials } from '../services/sync/s3-credentials';
import { S3_INBOX, S3_RESULTS } from '../services/sync/file-exchange-format';
import { seededRandom } from './seeded-random';
import { simRegister, type SimRegisterOptions } from './sim-register';
import { DRILL_RETURN_REASON, NO_DRILLS, type SimControl, type SimDrillState } from './sim-drills';
import { simErrorText } from './sim-error-text';

/**
 * Stands in for a standardized back end's application intake and back office:
 *   POST /v1/applications (Idempotency-Key) → 201 {receiptNumber}; a repeated key → 200, same receipt
 *   GET  /v1/status-changes?after=N → the back office's decisions (差戻し / 完了), pulled by the counter
 *   POST /v1/auth/token → a bearer token (client credentials), when auth is required
 *   GET  /health, GET /admin/stats → {applications, duplicateDeliveries}, GET /admin/review-stats,
 *   GET  /admin/lineage?receipt=R… → what that application replaces (receipt and applicationId)
 * plus the same intake by file exchange, and fault injection for drills and tests.
 */
const MAX_BODY = 1024 * 1024;
/**
 * Days a decided application's body is kept. A drill or a training day needs its 差戻し bodies for
 * minutes to days; a week matches the counter's own default retention (config retentionDays).
 */
export const SIM_RETENTION_DAYS = 7;
/** how often the retention purge runs: the period is counted in days, an hour late is nothing */
const PURGE_INTERVAL_MS = 60 * 60_000;

export interface SimFaults {
  /** added before every API answer */
  latencyMs?: number;
  /** share of intake calls answered 503 before anything is stored */
  failRate?: number;
  /** share of intake calls answered 429 with Retry-After */
  rateLimitRate?: number;
  retryAfterS?: number;
  /** share of intake calls whose connection is dropped after the application was stored */
  dropAfterCommitRate?: number;
  /** share of status-feed entries sent twice */
  duplicateStatusRate?: number;
  /** answers are trickled out over this long */
  slowBodyMs?: number;
  seed?: number;
}

export interface SimOptions {
  port: number;
  dataDir: string;
  host?: string;
  /** how long the back office takes to decide (ms); default 3000 */
  reviewDelayMs?: number;
  /** an address matching this is returned (差戻し); default /不明/ */
  returnPattern?: RegExp;
  faults?: SimFaults;
  /** when set, every API call needs a bearer token from POST /v1/auth/token */
  auth?: { clientId: string; clientSecret: string; tokenTtlS?: number };
  /** HTTPS; with clientCaFile the terminal must present a certificate signed by it */
  tls?: { certFile: string; keyFile: string; clientCaFile?: string };
  /**
   * file exchange (CSV + manifest in, result files out), with its own faults: two folders, or a
   * bucket (`<prefix>inbox/` in, `<prefix>results/` out) of an S3-compatible server
   */
  files?: ({ inboxDir: string; resultsDir: string } | { s3: SimS3Exchange }) & { faults?: FileExchangeFaults };
  /**
   * seals the stored request bodies: the app passes its own database cipher to its embedded demo back
   * end; when absent (the standalone `cli backend-sim`) a key of its own in a 0600 key file beside the store
   */
  cipher?: FieldCipher;
  /** days a decided application's body is kept (default SIM_RETENTION_DAYS) */
  retentionDays?: number;
  /** plays the 住民基本台帳 owner: OAuth endpoints and the lookup API (sim-register.ts) */
  register?: SimRegisterOptions;
}

export interface SimS3Exchange {
  endpoint: string;
  bucket: string;
  prefix?: string;
  credentials: S3Credentials;
  region?: string;
}

/** The simulator's two exchange areas, over folders or a bucket: one watcher for both (sim-file-exchange.ts). */
function exchangeAreas(files: NonNullable<SimOptions['files']>): { inbox: ExchangeArea; results: ExchangeArea } {
  if ('inboxDir' in files) {
    for (const d of [files.inboxDir, path.join(files.inboxDir, 'processed'), files.resultsDir]) fs.mkdirSync(d, { recursive: true });
    return { inbox: new FolderExchangeArea(files.inboxDir), results: new FolderExchangeArea(files.resultsDir) };
  }
  const client = s3Client({ endpoint: files.s3.endpoint, bucket: files.s3.bucket, region: files.s3.region }, files.s3.credentials);
  const prefix = files.s3.prefix ?? '';
  return { inbox: new S3ExchangeArea(client, files.s3.bucket, prefix + S3_INBOX), results: new S3ExchangeArea(client, files.s3.bucket, prefix + S3_RESULTS) };
}

export interface SimServer {
  url: string;
  /** fault drills switched at run time, in process only (no endpoint: nothing outside the app can reach them) */
  control: SimControl;
  close(): Promise<void>;
}

/** A query parameter that counts (a feed position, a page size): absent → the default; not a whole number ≥ 0 → null. */
function countParam(v: string | null, absent: number): number | null {
  if (v === null || v === '') return absent;
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}

/** A JSON object from a request body, or null for anything else (broken JSON, null, an array, a number). */
function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The standalone simulator's own key: `ichimado.key` (0600) in its data dir, made on first start. */
function ownCipher(dataDir: string): FieldCipher {
  ensureOwnerOnlyDir(dataDir);
  const keys = new FileKeyStore(path.resolve(dataDir));
  return new FieldCipher(keys.load() ?? keys.create());
}

export function startSimServer(opts: SimOptions): Promise<SimServer> {
  const store = new SimStore(opts.dataDir, opts.cipher ?? ownCipher(opts.dataDir));
  const retentionDays = opts.retentionDays ?? SIM_RETENTION_DAYS;
  let port = 0;
  const faults = opts.faults ?? {};
  const random = seededRandom(faults.seed ?? Date.now());
  const chance = (p: number | undefined) => p !== undefined && p > 0 && random() < p;
  const byRule = reviewDecision(opts.returnPattern ?? /不明/);
  let drills: SimDrillState = { ...NO_DRILLS };
  const decide = (body: unknown): string | null => {
    if (!drills.returnNext) return byRule(body);
    drills = { ...drills, returnNext: false };
    return DRILL_RETURN_REASON;
  };
  const reviewDelayMs = opts.reviewDelayMs ?? 3000;
  const tokens = new Map<string, number>(); // token → expiry ms
  const register = opts.register ? simRegister(opts.register) : null;

  const send = async (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(text.length), ...headers });
    if (!faults.slowBodyMs) return void res.end(text);
    // trickle the body in four parts over slowBodyMs
    const part = Math.ceil(text.length / 4);
    for (let i = 0; i < text.length; i += part) {
      res.write(text.subarray(i, i + part));
      await new Promise((r) => setTimeout(r, faults.slowBodyMs! / 4));
    }
    res.end();
  };

  const authorized = (req: http.IncomingMessage): boolean => {
    if (!opts.auth) return true;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const exp = token ? tokens.get(token) : undefined;
    return exp !== undefined && exp > Date.now();
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      try {
        // DNS rebinding: a page of another site resolving its own name to 127.0.0.1 must get nothing
        if (!isOwnHost(req.headers.host, port, opts.host)) return void (await send(res, 421, { reason: 'misdirected request' }));
        // drill: the link is cut — the connection drops before any answer, as a pulled cable would
        if (drills.linkCut) return void req.socket.destroy();
        const url = requestUrl(req);
        if (!url) return void (await send(res, 400, { reason: 'リクエストの URL が正しくありません' }));
        if (req.method === 'GET' && url.pathname === '/health') return void (await send(res, 200, { status: 'ok' }));
        if (req.method === 'GET' && url.pathname === '/admin/stats') return void (await send(res, 200, store.stats()));
        if (req.method === 'GET' && url.pathname === '/admin/review-stats') return void (await send(res, 200, store.reviewStats()));
        if (req.method === 'GET' && url.pathname === '/admin/lineage') {
          const found = store.lineageOf(url.searchParams.get('receipt') ?? '');
          return void (await send(res, found ? 200 : 404, found ?? { reason: 'この受付番号の申請はありません' }));
        }
        const latencyMs = Math.max(faults.latencyMs ?? 0, drills.slowMs);
        if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
        if (drills.errors && url.pathname.startsWith('/v1/')) {
          await readBodyLimited(req, MAX_BODY);
          return void (await send(res, 503, { reason: '一時的に利用できません（研修の障害訓練）' }));
        }
        const registerAnswer = register ? await register.handle(req, url, `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`) : null;
        if (registerAnswer) return void (await send(res, registerAnswer.status, registerAnswer.body, registerAnswer.headers));

        if (req.method === 'POST' && url.pathname === '/v1/auth/token' && opts.auth) {
          const raw = await readBodyLimited(req, 16 * 1024);
          if (raw === null) return void (await send(res, 413, { error: 'invalid_request' }));
          const b = parseJsonObject(raw.toString('utf8') || '{}');
          if (!b) return void (await send(res, 400, { error: 'invalid_request' }));
          if (b.client_id !== opts.auth.clientId || typeof b.client_secret !== 'string' || !safeEqual(b.client_secret, opts.auth.clientSecret)) {
            return void (await send(res, 401, { error: 'invalid_client' }));
          }
          const token = randomBytes(24).toString('base64url');
          const ttl = opts.auth.tokenTtlS ?? 3600;
          tokens.set(token, Date.now() + ttl * 1000);
          return void (await send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: ttl }));
        }
        if (url.pathname.startsWith('/v1/') && !authorized(req)) {
          await readBodyLimited(req, MAX_BODY);
          return void (await send(res, 401, { reason: '認証が必要です' }, { 'www-authenticate': 'Bearer' }));
        }

        if (req.method === 'POST' && url.pathname === '/v1/applications') {
          const raw = await readBodyLimited(req, MAX_BODY);
          if (raw === null) return void (await send(res, 413, { reason: '申請データが大きすぎます' }));
          if (chance(faults.failRate)) return void (await send(res, 503, { reason: '一時的に利用できません' }));
          if (chance(faults.rateLimitRate)) {
            return void (await send(res, 429, { reason: '混雑しています' }, { 'retry-after': String(faults.retryAfterS ?? 1) }));
          }
          const header = req.headers['idempotency-key'];
          const r = intake(store, raw.toString('utf8'), Array.isArray(header) ? header[0] : header);
          if (r.status < 300 && chance(faults.dropAfterCommitRate)) return void res.socket?.destroy();
          return void (await send(res, r.status, r.body));
        }
        if (req.method === 'GET' && url.pathname === '/v1/status-changes') {
          store.review(reviewDelayMs, decide);
          const after = countParam(url.searchParams.get('after'), 0);
          const limit = countParam(url.searchParams.get('limit'), 500);
          if (after === null || limit === null) return void (await send(res, 400, { reason: 'after と limit は 0 以上の整数で指定してください' }));
          const rows = store.changesAfter(after, Math.min(500, limit));
          const changes = rows.flatMap((c) => (chance(faults.duplicateStatusRate) ? [c, c] : [c]));
          const next = rows.length > 0 ? String(rows[rows.length - 1]!.seq) : String(after);
          return void (await send(res, 200, { changes, next }));
        }
        await send(res, 404, { reason: 'not found' });
      } catch (err) {
        process.stderr.write(`backend-sim: internal error: ${simErrorText(err)}\n`);
        if (!res.headersSent) await send(res, 500, { reason: 'internal error' });
      }
    })();
  };

  const server = opts.tls
    ? https.createServer(
        {
          cert: fs.readFileSync(opts.tls.certFile),
          key: fs.readFileSync(opts.tls.keyFile),
          ...(opts.tls.clientCaFile ? { ca: fs.readFileSync(opts.tls.clientCaFile), requestCert: true, rejectUnauthorized: true } : {}),
        },
        handler,
      )
    : http.createServer(handler);

  let files: FileExchangeSim | null = null;
  const reviewTimer = setInterval(() => {
    try {
      store.review(reviewDelayMs, decide);
    } catch (err) {
      process.stderr.write(`backend-sim: review failed: ${simErrorText(err)}\n`);
    }
  }, Math.max(50, Math.min(1000, reviewDelayMs / 2)));
  reviewTimer.unref();
  const purge = () => {
    try {
      store.purgeDecided(retentionDays);
    } catch (err) {
      process.stderr.write(`backend-sim: retention purge failed: ${simErrorText(err)}\n`);
    }
  };
  purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
  purgeTimer.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      if (opts.files) files = startFileExchange(store, { ...exchangeAreas(opts.files), stateDir: opts.dataDir }, opts.files.faults);
      const control: SimControl = {
        state: () => ({ ...drills }),
        set: (change) => ({ ...(drills = { ...drills, ...change }) }),
        returnNow: () => {
          const receipt = store.returnNewestWaiting(DRILL_RETURN_REASON);
          if (receipt === null) drills = { ...drills, returnNext: true };
          return receipt;
        },
        restore: () => ({ ...(drills = { ...NO_DRILLS }) }),
        reset: () => {
          drills = { ...NO_DRILLS };
          store.clear();
        },
      };
      resolve({
        url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
        control,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(reviewTimer);
            clearInterval(purgeTimer);
            server.closeAllConnections();
            void (files?.stop() ?? Promise.resolve()).finally(() =>
              server.close(() => {
                store.close();
                done();
              }),
            );
          }),
      });
    });
  });
}
