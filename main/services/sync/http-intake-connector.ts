import type { IntakeConnector, DeliveryOutcome } from './intake-connector';
import type { OutboxEntry } from '../store/application-repository';

export interface HttpIntakeOptions {
  baseUrl: string;
  timeoutMs?: number;
}

/** Parses Retry-After (seconds or HTTP date) into ms from now. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** Answers that judge the application itself: retrying the same content cannot succeed. */
const REJECTING_STATUSES = new Set([400, 409, 413, 422]);

export class HttpIntakeConnector implements IntakeConnector {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(opts: HttpIntakeOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  async deliver(entry: OutboxEntry): Promise<DeliveryOutcome> {
    const body = JSON.stringify({
      applicationId: entry.applicationId,
      formId: entry.formId,
      formVersion: entry.formVersion,
      payload: JSON.parse(entry.payloadJson) as unknown,
    });
    let res: Response;
    try {
      res = await fetch(`${this.base}/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': entry.idempotencyKey },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const timeout = err instanceof Error && err.name === 'TimeoutError';
      return { kind: 'retry', offline: true, reason: timeout ? '応答がありません（タイムアウト）' : '基幹システムに接続できません' };
    }
    let json: Record<string, unknown> = {};
    try {
      json = (await res.json()) as Record<string, unknown>;
    } catch {
      // a body that is not JSON is handled by status below
    }
    if (res.ok && typeof json.receiptNumber === 'string' && json.receiptNumber !== '') {
      return { kind: 'accepted', receiptNumber: json.receiptNumber };
    }
    if (!res.ok && REJECTING_STATUSES.has(res.status)) {
      const reason = typeof json.reason === 'string' ? json.reason : `基幹システムが受け付けませんでした（HTTP ${res.status}）`;
      return { kind: 'rejected', reason };
    }
    // Everything else is about the link, the server or our credentials, not the application's
    // content: a wrong URL (404) or an expired token (401/403) must not fail the whole queue.
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
    const reason = res.ok
      ? '基幹システムの応答に受付番号がありません'
      : res.status === 401 || res.status === 403
        ? `基幹システムの認証に失敗しました（HTTP ${res.status}）。設定を確認してください`
        : `基幹システムが一時的に受け付けられません（HTTP ${res.status}）`;
    return retryAfterMs === undefined ? { kind: 'retry', offline: false, reason } : { kind: 'retry', offline: false, reason, retryAfterMs };
  }

  async probe(): Promise<boolean> {
    try {
      const res = await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(Math.min(this.timeoutMs, 3000)) });
      await res.body?.cancel();
      return res.ok;
    } catch {
      return false;
    }
  }
}
