import fs from 'node:fs';
import path from 'node:path';
import type { IntakeConnector, DeliveryOutcome, IntakeDocument, StatusPage } from './intake-connector';
import type { OutboxEntry, StatusChange } from '../store/application-repository';
import { writeFileAtomic } from '../files/atomic-write';

export interface FileExchangeOptions {
  /** where one `<idempotency-key>.json` per application is dropped for the back end */
  outboxDir: string;
  /** where the back end leaves `<key>.receipt.json` and `status/<seq>.json` */
  resultsDir: string;
  /** how long one delivery waits for its receipt file before it is retried */
  receiptTimeoutMs?: number;
  id?: string;
}

const STATUSES = new Set(['accepted', 'returned', 'completed']);

/**
 * File exchange (ファイル連携), the standards' default between systems. The file name is the
 * idempotency key, so writing it again after a crash replaces it with the same content and the
 * back end, which keys on the name, stores it once.
 */
export class FileExchangeConnector implements IntakeConnector {
  readonly id: string;
  private readonly receiptTimeoutMs: number;

  constructor(private readonly o: FileExchangeOptions) {
    this.id = o.id ?? `file:${o.outboxDir}`;
    this.receiptTimeoutMs = o.receiptTimeoutMs ?? 20_000;
  }

  private receiptFile(key: string): string {
    return path.join(this.o.resultsDir, `${key}.receipt.json`);
  }

  private readReceipt(key: string): DeliveryOutcome | null {
    let text: string;
    try {
      text = fs.readFileSync(this.receiptFile(key), 'utf8');
    } catch {
      return null;
    }
    const json = JSON.parse(text) as { receiptNumber?: unknown; rejected?: unknown };
    if (typeof json.receiptNumber === 'string') return { kind: 'accepted', receiptNumber: json.receiptNumber };
    if (typeof json.rejected === 'string') return { kind: 'rejected', reason: json.rejected };
    return null;
  }

  async deliver(entry: OutboxEntry, doc: IntakeDocument): Promise<DeliveryOutcome> {
    // A receipt from an earlier attempt (reply lost when we crashed) settles it without rewriting.
    const earlier = this.readReceipt(entry.idempotencyKey);
    if (earlier) return earlier;
    try {
      writeFileAtomic(path.join(this.o.outboxDir, `${entry.idempotencyKey}.json`), JSON.stringify({ idempotencyKey: entry.idempotencyKey, ...doc }));
    } catch (err) {
      return { kind: 'retry', offline: true, reason: `連携フォルダーに書き込めません（${(err as NodeJS.ErrnoException).code ?? 'error'}）` };
    }
    const end = Date.now() + this.receiptTimeoutMs;
    while (Date.now() < end) {
      const got = this.readReceipt(entry.idempotencyKey);
      if (got) return got;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { kind: 'retry', offline: false, reason: '連携ファイルの受領確認がまだありません' };
  }

  async probe(): Promise<boolean> {
    try {
      fs.accessSync(this.o.outboxDir, fs.constants.W_OK);
      fs.accessSync(this.o.resultsDir, fs.constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }

  async pollStatus(cursor: string | null): Promise<StatusPage | null> {
    const dir = path.join(this.o.resultsDir, 'status');
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { changes: [], cursor: cursor ?? '0' } : null;
    }
    const after = Number(cursor ?? '0');
    const seqs = names
      .filter((n) => /^\d+\.json$/.test(n))
      .map((n) => Number(n.slice(0, -5)))
      .filter((s) => s > after)
      .sort((a, b) => a - b)
      .slice(0, 500);
    const changes: StatusChange[] = [];
    let last = after;
    for (const seq of seqs) {
      const c = JSON.parse(fs.readFileSync(path.join(dir, `${seq}.json`), 'utf8')) as Record<string, unknown>;
      last = seq;
      if (typeof c.receiptNumber !== 'string' || typeof c.status !== 'string' || !STATUSES.has(c.status)) continue;
      changes.push({ receiptNumber: c.receiptNumber, status: c.status as StatusChange['status'], reason: typeof c.reason === 'string' ? c.reason : null });
    }
    return { changes, cursor: String(last) };
  }
}
