import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyReusedError, SimStore } from './sim-store';
import { readBodyLimited } from '../http/read-body';

/**
 * Stands in for the standardized back end's application intake:
 *   POST /v1/applications (Idempotency-Key header) → 201 {receiptNumber}; a repeated key → 200 with the same receipt
 *   GET  /health → 200
 *   GET  /admin/stats → {applications, duplicateDeliveries}
 */
const MAX_BODY = 1024 * 1024;

export interface SimServer {
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function intake(store: SimStore, body: string, key: string | undefined): { status: number; body: unknown } {
  if (!key || key.length > 200) return { status: 400, body: { reason: 'Idempotency-Key ヘッダーがありません' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400, body: { reason: '申請データが JSON ではありません' } };
  }
  const p = parsed as { applicationId?: unknown; formId?: unknown; payload?: unknown };
  if (typeof p.applicationId !== 'string' || typeof p.formId !== 'string' || typeof p.payload !== 'object' || p.payload === null) {
    return { status: 422, body: { reason: '申請データの項目が不足しています（applicationId, formId, payload）' } };
  }
  try {
    const r = store.accept(key, p.applicationId, p.formId, body);
    return { status: r.replayed ? 200 : 201, body: { receiptNumber: r.receiptNumber, replayed: r.replayed } };
  } catch (err) {
    if (err instanceof KeyReusedError) return { status: 409, body: { reason: '同じ受付キーで異なる内容が送られました' } };
    throw err;
  }
}

export function startSimServer(opts: { port: number; dataDir: string; host?: string }): Promise<SimServer> {
  const store = new SimStore(opts.dataDir);
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://sim');
        if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
        if (req.method === 'GET' && url.pathname === '/admin/stats') return send(res, 200, store.stats());
        if (req.method === 'POST' && url.pathname === '/v1/applications') {
          const raw = await readBodyLimited(req, MAX_BODY);
          if (raw === null) return send(res, 413, { reason: '申請データが大きすぎます' });
          const body = raw.toString('utf8');
          const header = req.headers['idempotency-key'];
          const r = intake(store, body, Array.isArray(header) ? header[0] : header);
          return send(res, r.status, r.body);
        }
        send(res, 404, { reason: 'not found' });
      } catch (err) {
        process.stderr.write(`backend-sim: internal error: ${String(err)}\n`);
        if (!res.headersSent) send(res, 500, { reason: 'internal error' });
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              store.close();
              done();
            });
          }),
      });
    });
  });
}
