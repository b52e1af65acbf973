import type { Db } from './open-database';
import type { ApplicationStatus } from '../../../common/domain/application-status';
import type { QueueItem, QueueStats } from '../../../common/contract/operations';
import { idempotencyKey, uuidv7 } from '../ids';

export interface NewApplication {
  formId: string;
  formVersion: number;
  payload: Record<string, unknown>;
  personName: string;
}

/** What the sync engine needs to deliver one application. */
export interface OutboxEntry {
  applicationId: string;
  idempotencyKey: string;
  formId: string;
  formVersion: number;
  payloadJson: string;
  attempts: number;
}

interface ApplicationRow {
  id: string;
  form_id: string;
  person_name: string;
  status: ApplicationStatus;
  receipt_number: string | null;
  status_reason: string | null;
  attempts: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export class ApplicationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly formTitle: (formId: string) => string = (id) => id,
  ) {}

  /** The application and the promise to deliver it are one write: either both exist or neither. */
  enqueue(app: NewApplication): { id: string; idempotencyKey: string } {
    const id = uuidv7(this.now());
    const key = idempotencyKey();
    const at = new Date(this.now()).toISOString();
    this.db
      .transaction(() => {
        const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM applications').get() as { next: number };
        this.db
          .prepare(
            `INSERT INTO applications (id, seq, form_id, form_version, payload_json, person_name, idempotency_key, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
          )
          .run(id, next, app.formId, app.formVersion, JSON.stringify(app.payload), app.personName, key, at, at);
        this.db.prepare('INSERT INTO outbox (application_id, next_attempt_at) VALUES (?, 0)').run(id);
      })
      .immediate();
    return { id, idempotencyKey: key };
  }

  /**
   * Claims up to `limit` due entries in capture order and marks them in flight.
   * An entry left in flight by a crash is reclaimed by `recoverInFlight` at start-up.
   */
  claimDue(limit: number): OutboxEntry[] {
    const nowMs = this.now();
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            `SELECT a.id AS applicationId, a.idempotency_key AS idempotencyKey, a.form_id AS formId,
                    a.form_version AS formVersion, a.payload_json AS payloadJson, o.attempts AS attempts
               FROM outbox o JOIN applications a ON a.id = o.application_id
              WHERE a.status = 'pending' AND o.next_attempt_at <= ?
              ORDER BY a.seq LIMIT ?`,
          )
          .all(nowMs, limit) as OutboxEntry[];
        const mark = this.db.prepare(`UPDATE applications SET status = 'in_flight', updated_at = ? WHERE id = ?`);
        const at = new Date(nowMs).toISOString();
        for (const r of rows) mark.run(at, r.applicationId);
        return rows;
      })
      .immediate();
  }

  markAccepted(applicationId: string, receiptNumber: string): void {
    const at = new Date(this.now()).toISOString();
    this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE applications SET status = 'accepted', receipt_number = ?, status_reason = NULL, updated_at = ? WHERE id = ?`)
          .run(receiptNumber, at, applicationId);
        this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
      })
      .immediate();
  }

  /** Back to the queue, to be tried again no earlier than `retryAt` (epoch ms). */
  markRetry(applicationId: string, error: string, retryAt: number): void {
    const at = new Date(this.now()).toISOString();
    this.db
      .transaction(() => {
        this.db.prepare(`UPDATE applications SET status = 'pending', updated_at = ? WHERE id = ?`).run(at, applicationId);
        this.db
          .prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE application_id = ?')
          .run(retryAt, error, applicationId);
      })
      .immediate();
  }

  /** The back end refused it for a reason a retry cannot fix: the clerk must act (要対応). */
  markFailed(applicationId: string, reason: string): void {
    const at = new Date(this.now()).toISOString();
    this.db
      .transaction(() => {
        this.db.prepare(`UPDATE applications SET status = 'failed', status_reason = ?, updated_at = ? WHERE id = ?`).run(reason, at, applicationId);
        // Nothing is owed until the clerk corrects it, so the delivery promise ends here.
        this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
      })
      .immediate();
  }

  /** After a crash, anything "in flight" may or may not have arrived: send it again (same key). */
  recoverInFlight(): number {
    return this.db.prepare(`UPDATE applications SET status = 'pending' WHERE status = 'in_flight'`).run().changes;
  }

  /** Makes every waiting entry due now (the clerk pressed 今すぐ送信 or the link came back). */
  makeAllDue(): void {
    this.db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
  }

  nextAttemptAt(): number | null {
    const r = this.db
      .prepare(`SELECT MIN(o.next_attempt_at) AS t FROM outbox o JOIN applications a ON a.id = o.application_id WHERE a.status = 'pending'`)
      .get() as { t: number | null };
    return r.t;
  }

  stats(): QueueStats {
    const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM applications GROUP BY status').all() as { status: ApplicationStatus; n: number }[];
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<ApplicationStatus, number>>;
    const s = {
      pending: by.pending ?? 0,
      inFlight: by.in_flight ?? 0,
      accepted: by.accepted ?? 0,
      returned: by.returned ?? 0,
      completed: by.completed ?? 0,
      failed: by.failed ?? 0,
    };
    return { total: s.pending + s.inFlight + s.accepted + s.returned + s.completed + s.failed, ...s };
  }

  list(opts: { status?: ApplicationStatus; limit?: number }): QueueItem[] {
    const limit = opts.limit ?? 200;
    const where = opts.status ? 'WHERE a.status = ?' : '';
    const params: unknown[] = opts.status ? [opts.status, limit] : [limit];
    const rows = this.db
      .prepare(
        `SELECT a.id, a.form_id, a.person_name, a.status, a.receipt_number, a.status_reason,
                o.attempts, o.last_error, a.created_at, a.updated_at
           FROM applications a LEFT JOIN outbox o ON o.application_id = a.id
           ${where} ORDER BY a.seq DESC LIMIT ?`,
      )
      .all(...params) as ApplicationRow[];
    return rows.map((r) => ({
      id: r.id,
      formId: r.form_id,
      formTitle: this.formTitle(r.form_id),
      personName: r.person_name,
      status: r.status,
      receiptNumber: r.receipt_number,
      statusReason: r.status_reason,
      attempts: r.attempts ?? 0,
      lastError: r.last_error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
