import type http from 'node:http';
import type { IntakeConnector, DeliveryOutcome, IntakeDocument, StatusPage } from './intake-connector';
import type { OutboxEntry, StatusChange } from '../store/application-repository';
import { createAgent, httpRequest, HttpTransportError, type HttpResponse, type TlsFiles } from './http-client';
import { tokenProvider, TokenRefusedError, type AuthConfig, type TokenProvider } from './token-provider';

export interface HttpIntakeOptions {
  baseUrl: string;
  timeoutMs?: number;
  auth?: AuthConfig;
  tls?: TlsFiles;
  id?: string;
}

/** Parses Retry-After (seconds or HTTP date) into ms from now. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** Answers that judge the application itself: retrying the same content cannot succeed. */
const REJECTING_STATUSES = new Set([400, 409, 413, 422]);
const STATUSES = new Set(['accepted', 'returned', 'completed']);

function parseJson(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The back end's HTTP intake API: JSON, Idempotency-Key, bearer or client-certificate auth, TLS verified. */
export class HttpIntakeConnector implements IntakeConnector {
  readonly id: string;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly agent: http.Agent;
  private readonly tokens: TokenProvider;

  constructor(opts: HttpIntakeOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.id = opts.id ?? `http:${this.base}`;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.agent = createAgent(opts.tls, this.base);
    this.tokens = tokenProvider(opts.auth ?? { type: 'none' }, this.agent, this.timeoutMs);
  }

  /** Sends with the current token; on 401 fetches a new one once and tries again. */
  private async call(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const auth = await this.tokens.header();
      const res = await httpRequest(`${this.base}${path}`, {
        method,
        agent: this.agent,
        timeoutMs: this.timeoutMs,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: auth } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
      if (res.status === 401 && attempt === 0 && this.tokens.invalidate()) continue;
      return res;
    }
  }

  async deliver(entry: OutboxEntry, doc: IntakeDocument): Promise<DeliveryOutcome> {
    let res: HttpResponse;
    try {
      res = await this.call('POST', '/v1/applications', JSON.stringify(doc), { 'idempotency-key': entry.idempotencyKey });
    } catch (err) {
      if (err instanceof TokenRefusedError) {
        // the link is up; our credentials are not accepted — say so, and keep the application queued
        return { kind: 'retry', offline: false, reason: '基幹システムの認証に失敗しました（トークンを取得できません）。設定を確認してください' };
      }
      if (err instanceof HttpTransportError) {
        return { kind: 'retry', offline: true, reason: err.kind === 'timeout' ? '基幹システムの応答がありません（タイムアウト）' : '基幹システムに接続できません' };
      }
      return { kind: 'retry', offline: true, reason: `基幹システムに接続できません（${err instanceof Error ? err.message : String(err)}）` };
    }
    const json = parseJson(res.body);
    if (res.status >= 200 && res.status < 300 && typeof json.receiptNumber === 'string' && json.receiptNumber !== '') {
      return { kind: 'accepted', receiptNumber: json.receiptNumber };
    }
    if (REJECTING_STATUSES.has(res.status)) {
      const reason = typeof json.reason === 'string' ? json.reason : `基幹システムが受け付けませんでした（HTTP ${res.status}）`;
      return { kind: 'rejected', reason };
    }
    // Everything else is about the link, the server or our credentials, not the application's
    // content: a wrong URL (404) or an expired token (401/403) must not fail the whole queue.
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'] as string | undefined, Date.now());
    const reason =
      res.status >= 200 && res.status < 300
        ? '基幹システムの応答に受付番号がありません'
        : res.status === 401 || res.status === 403
          ? `基幹システムの認証に失敗しました（HTTP ${res.status}）。設定を確認してください`
          : `基幹システムが一時的に受け付けられません（HTTP ${res.status}）`;
    return retryAfterMs === undefined ? { kind: 'retry', offline: false, reason } : { kind: 'retry', offline: false, reason, retryAfterMs };
  }

  async probe(): Promise<boolean> {
    try {
      const res = await httpRequest(`${this.base}/health`, { method: 'GET', agent: this.agent, timeoutMs: Math.min(this.timeoutMs, 3000) });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  async pollStatus(cursor: string | null): Promise<StatusPage | null> {
    let res: HttpResponse;
    try {
      res = await this.call('GET', `/v1/status-changes?after=${encodeURIComponent(cursor ?? '0')}&limit=500`);
    } catch {
      return null;
    }
    if (res.status !== 200) return null;
    const json = parseJson(res.body);
    const changes: StatusChange[] = [];
    for (const c of Array.isArray(json.changes) ? (json.changes as Record<string, unknown>[]) : []) {
      if (typeof c.receiptNumber !== 'string' || typeof c.status !== 'string' || !STATUSES.has(c.status)) continue;
      changes.push({ receiptNumber: c.receiptNumber, status: c.status as StatusChange['status'], reason: typeof c.reason === 'string' ? c.reason : null });
    }
    return { changes, cursor: typeof json.next === 'string' ? json.next : (cursor ?? '0') };
  }

  close(): void {
    this.agent.destroy();
  }
}
