import { KeyReusedError, type SimStore } from './sim-store';

/** The review rule: an address the (simulated) address registry does not know is returned. */
export function reviewDecision(pattern: RegExp): (body: unknown) => string | null {
  const unknownAddress = (v: unknown, key: string): boolean => {
    if (typeof v === 'string') return /住所|address/i.test(key) && pattern.test(v);
    if (Array.isArray(v)) return v.some((x) => unknownAddress(x, key));
    if (typeof v === 'object' && v !== null) return Object.entries(v).some(([k, x]) => unknownAddress(x, k));
    return false;
  };
  return (body) =>
    unknownAddress((body as { payload?: unknown }).payload, 'payload')
      ? '住所の町字・番地が住所辞書に見つかりません。住所を確認して再提出してください。'
      : null;
}

/** Checks and stores one intake document; shared by HTTP and file exchange. */
export function intake(store: SimStore, body: string, key: string | undefined): { status: number; body: Record<string, unknown> } {
  if (!key || key.length > 200) return { status: 400, body: { reason: 'Idempotency-Key ヘッダーがありません' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400, body: { reason: '申請データが JSON ではありません' } };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { status: 422, body: { reason: '申請データが JSON のオブジェクトではありません' } };
  }
  const p = parsed as { schemaVersion?: unknown; applicationId?: unknown; formId?: unknown; payload?: unknown };
  if (p.schemaVersion !== undefined && p.schemaVersion !== 1) return { status: 422, body: { reason: `未対応のスキーマ版です（${String(p.schemaVersion)}）` } };
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

