import type { Db } from './open-database';
import type { FieldCipher } from '../crypto/field-cipher';
import type { ApplicationStatus } from '../../../common/domain/application-status';
import type { QueueItem, QueueStats, ReplacedVersion } from '../../../common/contract/operations';
import { idempotencyKey, uuidv7 } from '../ids';
import { localIsoDate } from '../local-date';
import { retentionClockTrusted } from './retention-clock';

export interface NewApplication {
  /** the visit case: its applications are delivered in `caseOrder` */
  caseId: string;
  caseOrder: number;
  formId: string;
  formVersion: number;
  payload: Record<string, unknown>;
  personName: string;
  /** the returned (差戻し) or failed application this one corrects */
  supersedesId?: string;
}

/** What the sync engine needs to deliver one application. */
export interface OutboxEntry {
  applicationId: string;
  idempotencyKey: string;
  /**
   * 申請番号: the idempotency key of the first version. A correction after 差戻し keeps it and is its
   * next `version` (the file exchange names files and results by both).
   */
  applicationNumber: string;
  caseId: string;
  formId: string;
  formVersion: number;
  version: number;
  /** receipt of the version this one replaces, so the back end can link them */
  supersedesReceipt: string | null;
  /** our id of the version this one replaces (the back end saw it as that version's applicationId) */
  supersedesApplicationId: string | null;
  /** decrypted payload JSON; null when it could not be decrypted (a corrupt row) */
  payloadJson: string | null;
  attempts: number;
}

export interface ListFilter {
  status?: ApplicationStatus;
  caseId?: string;
  /** local calendar days, inclusive */
  fromDay?: string;
  toDay?: string;
  offset?: number;
  limit?: number;
}

export interface StatusChange {
  receiptNumber: string;
  /**
   * accepted: the back end took it in (a file exchange's 取込済, 仮登録) — applies only to what was
   * 送信済, so a late 取込済 never undoes a decision; failed: the back end could not import it
   * (取込エラー → 要対応); cancelled: 取下げ
   */
  status: 'accepted' | 'returned' | 'completed' | 'failed' | 'cancelled';
  reason: string | null;
}

export class SupersedeError extends Error {}

/** Delivered although the clerk asked for 取消 while it was on the wire: said on the row, not hidden. */
export const CANCEL_TOO_LATE_REASON = '取消の依頼より先に基幹システムへ届いていました。取り下げは基幹システム側で行ってください。';
const TOO_LATE_REASON_SQL = `CASE WHEN cancel_requested_at IS NULL THEN NULL ELSE '${CANCEL_TOO_LATE_REASON}' END`;

interface Row {
  id: string;
  case_id: string;
  root_id: string;
  version: number;
  form_id: string;
  person_name_enc: Buffer | null;
  status: ApplicationStatus;
  receipt_number: string | null;
  status_reason: string | null;
  cancel_requested_at: string | null;
  attempts: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  created_at: string;
  updated_at: string;
  purged_at: string | null;
}

export interface RepositoryOptions {
  now?: () => number;
  formTitle?: (formId: string) => string;
  /**
   * The longest a retry can legitimately be scheduled ahead. A next-attempt time further out than
   * this means the PC clock was set back after it was scheduled: such entries are due now, so a
   * clock jump cannot park the queue for a year.
   */
  maxRetryDelayMs?: number;
}

const PURGED_NAME = '（保存期間経過のため削除済み）';

export class ApplicationRepository {
  private readonly now: () => number;
  private readonly formTitle: (formId: string) => string;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    opts: RepositoryOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.formTitle = opts.formTitle ?? ((id) => id);
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 15 * 60_000;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Runs several repository writes as one commit (one fsync instead of one each). */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** The applications and the promises to deliver them are one write: all or nothing. */
  enqueueMany(apps: readonly NewApplication[]): { id: string; idempotencyKey: string }[] {
    return this.db.transaction(() => apps.map((a) => this.insertOne(a))).immediate();
  }

  enqueue(app: NewApplication): { id: string; idempotencyKey: string } {
    return this.enqueueMany([app])[0]!;
  }

  private insertOne(app: NewApplication): { id: string; idempotencyKey: string } {
    const id = uuidv7(this.now());
    const key = idempotencyKey();
    const at = this.iso();
    let rootId = id;
    let version = 1;
    if (app.supersedesId) {
      const old = this.db.prepare('SELECT root_id, version, status, superseded_by FROM applications WHERE id = ?').get(app.supersedesId) as
        | { root_id: string; version: number; status: ApplicationStatus; superseded_by: string | null }
        | undefined;
      if (!old) throw new SupersedeError('修正元の申請が見つかりません。');
      if (old.superseded_by) throw new SupersedeError('この申請はすでに修正版が作成されています。');
      if (old.status !== 'returned' && old.status !== 'failed') throw new SupersedeError('差戻しまたは要対応の申請だけを修正して再提出できます。');
      rootId = old.root_id;
      version = old.version + 1;
    }
    const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM applications').get() as { next: number };
    this.db
      .prepare(
        `INSERT INTO applications (id, seq, case_id, case_order, root_id, version, supersedes_id, form_id, form_version,
           payload_enc, person_name_enc, idempotency_key, status, created_at, created_day, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      )
      .run(
        id, next, app.caseId, app.caseOrder, rootId, version, app.supersedesId ?? null, app.formId, app.formVersion,
        this.cipher.encrypt(JSON.stringify(app.payload), `${id}:payload`),
        this.cipher.encrypt(app.personName, `${id}:person_name`),
        key, at, localIsoDate(this.now()), at,
      );
    this.db.prepare('INSERT INTO outbox (application_id, next_attempt_at) VALUES (?, 0)').run(id);
    if (app.supersedesId) {
      this.db.prepare('UPDATE applications SET superseded_by = ?, updated_at = ? WHERE id = ?').run(id, at, app.supersedesId);
    }
    return { id, idempotencyKey: key };
  }

  /**
   * Claims up to `limit` due entries, oldest capture first, and marks them in flight. Within a
   * visit case only the earliest undelivered application is eligible, so a case's forms reach the
   * back end in order; different cases go side by side.
   */
  claimDue(limit: number): OutboxEntry[] {
    const nowMs = this.now();
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            `SELECT a.id, a.idempotency_key, (SELECT r.idempotency_key FROM applications r WHERE r.id = a.root_id) AS application_number, a.case_id, a.form_id, a.form_version, a.version, a.payload_enc, o.attempts, a.supersedes_id,
                    (SELECT s.receipt_number FROM applications s WHERE s.id = a.supersedes_id) AS supersedes_receipt
               FROM outbox o JOIN applications a ON a.id = o.application_id
              WHERE a.status = 'pending'
                AND (o.next_attempt_at <= @now OR o.next_attempt_at > @now + @maxDelay)
                AND NOT EXISTS (
                  SELECT 1 FROM applications p
                   WHERE p.case_id = a.case_id AND p.case_order < a.case_order
                     AND p.status IN ('pending', 'in_flight') AND p.superseded_by IS NULL)
              ORDER BY a.seq LIMIT @limit`,
          )
          .all({ now: nowMs, maxDelay: this.maxRetryDelayMs, limit: limit * 4 }) as {
          id: string; idempotency_key: string; application_number: string | null; case_id: string; form_id: string; form_version: number; version: number;
          payload_enc: Buffer | null; attempts: number; supersedes_receipt: string | null; supersedes_id: string | null;
        }[];
        const mark = this.db.prepare(`UPDATE applications SET status = 'in_flight', updated_at = ? WHERE id = ?`);
        const at = new Date(nowMs).toISOString();
        const seenCases = new Set<string>();
        const out: OutboxEntry[] = [];
        for (const r of rows) {
          // two pending items of one case with equal order: still one at a time
          if (seenCases.has(r.case_id) || out.length >= limit) continue;
          seenCases.add(r.case_id);
          mark.run(at, r.id);
          out.push({
            applicationId: r.id,
            idempotencyKey: r.idempotency_key,
            applicationNumber: r.application_number ?? r.idempotency_key,
            caseId: r.case_id,
            formId: r.form_id,
            formVersion: r.form_version,
            version: r.version,
            supersedesReceipt: r.supersedes_receipt,
            supersedesApplicationId: r.supersedes_id,
            payloadJson: this.tryDecrypt(r.payload_enc, `${r.id}:payload`),
            attempts: r.attempts,
          });
        }
        return out;
      })
      .immediate();
  }

  private tryDecrypt(blob: Buffer | null, aad: string): string | null {
    if (!blob) return null;
    try {
      return this.cipher.decrypt(blob, aad);
    } catch {
      return null;
    }
  }

  /** @param connector the back end that issued the receipt (its decisions are matched by both) */
  markAccepted(applicationId: string, receiptNumber: string, connector: string | null = null): void {
    const at = this.iso();
    this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE applications SET status = 'accepted', receipt_number = ?, delivered_via = ?, status_reason = ${TOO_LATE_REASON_SQL}, updated_at = ? WHERE id = ?`)
          .run(receiptNumber, connector, at, applicationId);
        this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
      })
      .immediate();
  }

  /**
   * Handed over without an answer from the back end itself (a file exchange stored the CSV and its
   * manifest): 送信済 until its result file says 取込済 (受理) or a decision.
   */
  markDelivered(applicationId: string, receiptNumber: string, connector: string): void {
    const at = this.iso();
    this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE applications SET status = 'delivered', receipt_number = ?, delivered_via = ?, status_reason = ${TOO_LATE_REASON_SQL}, updated_at = ? WHERE id = ?`)
          .run(receiptNumber, connector, at, applicationId);
        this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
      })
      .immediate();
  }

  /** Back to the queue, to be tried again no earlier than `retryAt` (epoch ms). */
  markRetry(applicationId: string, error: string, retryAt: number): void {
    const at = this.iso();
    this.db
      .transaction(() => {
        if (this.cancelIfRequested(applicationId)) return;
        this.db.prepare(`UPDATE applications SET status = 'pending', updated_at = ? WHERE id = ? AND status = 'in_flight'`).run(at, applicationId);
        this.db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE application_id = ?').run(retryAt, error, applicationId);
      })
      .immediate();
  }

  /** The back end (or our own pre-send check) refused it: the clerk must act (要対応). */
  markFailed(applicationId: string, reason: string): void {
    const at = this.iso();
    this.db
      .transaction(() => {
        // refused: the back end did not take it, so a 取消 asked for meanwhile stands
        if (this.cancelIfRequested(applicationId)) return;
        this.db.prepare(`UPDATE applications SET status = 'failed', status_reason = ?, updated_at = ? WHERE id = ?`).run(reason, at, applicationId);
        // Nothing is owed until the clerk corrects it, so the delivery promise ends here.
        this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
      })
      .immediate();
  }

  /**
   * After a crash, anything "in flight" may or may not have arrived: send it again (same key). One
   * whose 取消 was asked for is cancelled instead, as a pending one would have been.
   */
  recoverInFlight(): number {
    return this.db
      .transaction(() => {
        const asked = this.db.prepare(`SELECT id FROM applications WHERE status = 'in_flight' AND cancel_requested_at IS NOT NULL`).all() as { id: string }[];
        for (const a of asked) this.cancelNow(a.id);
        return asked.length + this.db.prepare(`UPDATE applications SET status = 'pending' WHERE status = 'in_flight'`).run().changes;
      })
      .immediate();
  }

  /** Makes every waiting entry due now (the clerk pressed 今すぐ送信 or the link came back). */
  makeAllDue(): void {
    this.db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
  }

  /** When the next pending entry becomes due (epoch ms), or null when nothing is pending. */
  nextAttemptAt(): number | null {
    const r = this.db
      .prepare(`SELECT MIN(o.next_attempt_at) AS t FROM outbox o JOIN applications a ON a.id = o.application_id WHERE a.status = 'pending'`)
      .get() as { t: number | null };
    if (r.t === null) return null;
    return r.t > this.now() + this.maxRetryDelayMs ? this.now() : r.t;
  }

  /**
   * Cancels an application that has not been handed to the back end. One that is on the wire right
   * now (送信中: a retry can start between the clerk's look at the queue and the click) cannot be
   * called back: the request is kept and decided when the attempt ends (see `endOfAttempt`).
   */
  cancel(applicationId: string): 'cancelled' | 'requested' | 'not_found' | 'not_cancellable' {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT status FROM applications WHERE id = ?').get(applicationId) as { status: ApplicationStatus } | undefined;
        if (!row) return 'not_found' as const;
        if (row.status === 'in_flight') {
          this.db.prepare('UPDATE applications SET cancel_requested_at = COALESCE(cancel_requested_at, ?) WHERE id = ?').run(this.iso(), applicationId);
          return 'requested' as const;
        }
        if (row.status !== 'pending' && row.status !== 'failed') return 'not_cancellable' as const;
        this.cancelNow(applicationId);
        return 'cancelled' as const;
      })
      .immediate();
  }

  private cancelNow(applicationId: string): void {
    this.db.prepare(`UPDATE applications SET status = 'cancelled', updated_at = ? WHERE id = ?`).run(this.iso(), applicationId);
    this.db.prepare('DELETE FROM outbox WHERE application_id = ?').run(applicationId);
  }

  /**
   * An attempt ended without the back end taking the application (to be retried, refused, or cut
   * by a crash): a 取消 asked for meanwhile takes effect now. Call inside the recording transaction.
   * @returns true when it was cancelled, so the caller records nothing else
   */
  private cancelIfRequested(applicationId: string): boolean {
    const r = this.db.prepare('SELECT cancel_requested_at FROM applications WHERE id = ?').get(applicationId) as { cancel_requested_at: string | null } | undefined;
    if (!r?.cancel_requested_at) return false;
    this.cancelNow(applicationId);
    return true;
  }

  /**
   * Applies back-office decisions read from one connector's status feed. Receipt numbers are unique
   * only within one back end, so a decision applies to what that connector delivered. Unknown
   * receipts are ignored; a decision already applied changes nothing.
   */
  applyStatusChanges(changes: readonly StatusChange[], connector: string, cursor: string): number {
    const at = this.iso();
    return this.db
      .transaction(() => {
        let applied = 0;
        const update = this.db.prepare(
          `UPDATE applications SET status = @status, status_reason = @reason, updated_at = @at,
                  completed_at = CASE WHEN @status = 'completed' THEN @at ELSE completed_at END
            WHERE receipt_number = @receipt AND (delivered_via = @connector OR delivered_via IS NULL)
              AND CASE WHEN @status = 'accepted' THEN status = 'delivered'
                       ELSE status IN ('delivered', 'accepted', 'returned') AND status != @status END`,
        );
        for (const c of changes) applied += update.run({ status: c.status, reason: c.reason, at, receipt: c.receiptNumber, connector }).changes;
        this.db
          .prepare('INSERT INTO status_cursors (connector, cursor) VALUES (?, ?) ON CONFLICT (connector) DO UPDATE SET cursor = excluded.cursor')
          .run(connector, cursor);
        return applied;
      })
      .immediate();
  }

  /** Which of these receipts (issued by `connector`) belong to applications of this counter. */
  knownReceipts(receipts: readonly string[], connector: string): Set<string> {
    if (receipts.length === 0) return new Set();
    const rows = this.db
      .prepare(`SELECT receipt_number FROM applications WHERE delivered_via = ? AND receipt_number IN (SELECT value FROM json_each(?))`)
      .all(connector, JSON.stringify(receipts)) as { receipt_number: string }[];
    return new Set(rows.map((r) => r.receipt_number));
  }

  statusCursor(connector: string): string | null {
    const r = this.db.prepare('SELECT cursor FROM status_cursors WHERE connector = ?').get(connector) as { cursor: string } | undefined;
    return r?.cursor ?? null;
  }

  /** True while some delivered application still awaits the back office's decision. */
  hasOpenDecisions(): boolean {
    return this.db.prepare(`SELECT 1 FROM applications WHERE status IN ('delivered', 'accepted') LIMIT 1`).get() !== undefined;
  }

  /**
   * Retention: personal data of finished applications (完了, 取消, or replaced by a corrected
   * version) is erased after `days`; status, receipt and times stay for the record.
   * Refuses to run while the clock reads earlier than a time already seen, since "older than N
   * days" means nothing then.
   */
  purgeFinished(days: number): number {
    const nowMs = this.now();
    const cutoff = new Date(nowMs - days * 86_400_000).toISOString();
    return this.db
      .transaction(() => {
        if (!retentionClockTrusted(this.db, nowMs)) return 0;
        const n = this.db
          .prepare(
            `UPDATE applications SET payload_enc = NULL, person_name_enc = NULL, purged_at = @at
              WHERE purged_at IS NULL AND (
                (status = 'completed' AND completed_at <= @cutoff) OR
                (status = 'cancelled' AND updated_at <= @cutoff) OR
                (superseded_by IS NOT NULL AND updated_at <= @cutoff))`,
          )
          .run({ at: new Date(nowMs).toISOString(), cutoff }).changes;
        return n;
      })
      .immediate();
  }

  /** Live rows by status, counted on the partial status index alone (no table scan at 100k rows). */
  private countLive(status: ApplicationStatus | undefined): number {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM applications WHERE superseded_by IS NULL GROUP BY status')
      .all() as { status: ApplicationStatus; n: number }[];
    return rows.filter((r) => (status ? r.status === status : r.status !== 'cancelled')).reduce((sum, r) => sum + r.n, 0);
  }

  /**
   * Where each application stands now, following corrections: an id that was returned and resubmitted
   * answers with its latest version's status (its root's row that nothing supersedes).
   */
  currentStatuses(ids: readonly string[]): Map<string, ApplicationStatus> {
    const out = new Map<string, ApplicationStatus>();
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT a.id AS asked, c.status AS status FROM applications a
           JOIN applications c ON c.root_id = a.root_id AND c.superseded_by IS NULL
          WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as { asked: string; status: ApplicationStatus }[];
    for (const r of rows) out.set(r.asked, r.status);
    return out;
  }

  stats(): QueueStats {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM applications WHERE superseded_by IS NULL GROUP BY status')
      .all() as { status: ApplicationStatus; n: number }[];
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<ApplicationStatus, number>>;
    const s = {
      pending: by.pending ?? 0,
      inFlight: by.in_flight ?? 0,
      delivered: by.delivered ?? 0,
      accepted: by.accepted ?? 0,
      returned: by.returned ?? 0,
      completed: by.completed ?? 0,
      failed: by.failed ?? 0,
    };
    // Cancelled applications are kept for the record but are not part of the queue.
    return { total: s.pending + s.inFlight + s.delivered + s.accepted + s.returned + s.completed + s.failed, ...s };
  }

  /** One page of the queue screen, newest first; `total` counts every match for the scroll bar. */
  list(f: ListFilter): { total: number; items: QueueItem[] } {
    // "all" means the live queue: cancelled applications are listed only when asked for
    const where = ['a.superseded_by IS NULL', ...(f.status ? [] : ["a.status != 'cancelled'"])];
    const params: Record<string, unknown> = {};
    const conditions: [keyof ListFilter, string][] = [
      ['status', 'a.status = @status'],
      ['caseId', 'a.case_id = @caseId'],
      ['fromDay', 'a.created_day >= @fromDay'],
      ['toDay', 'a.created_day <= @toDay'],
    ];
    for (const [key, sql] of conditions) {
      if (f[key] === undefined) continue;
      where.push(sql);
      params[key] = f[key];
    }
    const clause = where.join(' AND ');
    // A day range alone would otherwise be read through the day index and sorted (200 ms at 100k
    // rows); walking the live rows newest first and filtering stops after one page.
    const pageIndex = (f.fromDay || f.toDay) && !f.caseId && !f.status ? 'INDEXED BY applications_live' : '';
    const n = f.caseId || f.fromDay || f.toDay ? (this.db.prepare(`SELECT COUNT(*) AS n FROM applications a WHERE ${clause}`).get(params) as { n: number }).n : this.countLive(f.status);
    const rows = this.db
      .prepare(
        `SELECT a.id, a.case_id, a.root_id, a.version, a.form_id, a.person_name_enc, a.status, a.receipt_number, a.status_reason, a.cancel_requested_at,
                o.attempts, o.last_error, o.next_attempt_at, a.created_at, a.updated_at, a.purged_at
           FROM applications a ${pageIndex} LEFT JOIN outbox o ON o.application_id = a.id
          WHERE ${clause} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: f.limit ?? 200, offset: f.offset ?? 0 }) as Row[];
    const history = this.historyOf(rows.filter((r) => r.version > 1).map((r) => r.root_id));
    return { total: n, items: rows.map((r) => this.toItem(r, history.get(r.root_id) ?? [])) };
  }

  /**
   * The versions each corrected application replaced, by root, first submission first: the rows
   * of the root that a later version superseded (the live one is the row itself).
   */
  private historyOf(rootIds: readonly string[]): Map<string, ReplacedVersion[]> {
    const out = new Map<string, ReplacedVersion[]>();
    if (rootIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT id, root_id, version, receipt_number, status FROM applications
          WHERE root_id IN (SELECT value FROM json_each(?)) AND superseded_by IS NOT NULL ORDER BY root_id, version`,
      )
      .all(JSON.stringify([...new Set(rootIds)])) as { id: string; root_id: string; version: number; receipt_number: string | null; status: ApplicationStatus }[];
    for (const r of rows) {
      const chain = out.get(r.root_id) ?? [];
      chain.push({ id: r.id, version: r.version, receiptNumber: r.receipt_number, status: r.status });
      out.set(r.root_id, chain);
    }
    return out;
  }

  /**
   * One application with where it stands in its chain of corrections, for printing it: its own
   * receipt, the versions it replaced, and the version that replaced it (null while it is current).
   */
  lineageOf(applicationId: string): { version: number; receiptNumber: string | null; history: ReplacedVersion[]; replacedBy: ReplacedVersion | null } | null {
    const r = this.db.prepare('SELECT root_id, version, receipt_number, superseded_by FROM applications WHERE id = ?').get(applicationId) as
      | { root_id: string; version: number; receipt_number: string | null; superseded_by: string | null }
      | undefined;
    if (!r) return null;
    const chain = this.db
      .prepare('SELECT id, version, receipt_number, status FROM applications WHERE root_id = ? ORDER BY version')
      .all(r.root_id) as { id: string; version: number; receipt_number: string | null; status: ApplicationStatus }[];
    const versions = chain.map((c) => ({ id: c.id, version: c.version, receiptNumber: c.receipt_number, status: c.status }));
    return {
      version: r.version,
      receiptNumber: r.receipt_number,
      history: versions.filter((v) => v.version < r.version),
      replacedBy: versions.find((v) => v.id === r.superseded_by) ?? null,
    };
  }

  private toItem(r: Row, history: ReplacedVersion[]): QueueItem {
    const name = r.purged_at ? PURGED_NAME : (this.tryDecrypt(r.person_name_enc, `${r.id}:person_name`) ?? '（復号できません）');
    return {
      id: r.id,
      caseId: r.case_id,
      version: r.version,
      formId: r.form_id,
      formTitle: this.formTitle(r.form_id),
      personName: name,
      status: r.status,
      receiptNumber: r.receipt_number,
      statusReason: r.status_reason,
      cancelRequested: r.cancel_requested_at !== null && r.status === 'in_flight',
      attempts: r.attempts ?? 0,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at && r.status === 'pending' && r.next_attempt_at > 0 ? new Date(r.next_attempt_at).toISOString() : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      history,
    };
  }

  /** The decrypted payload of one application (for correcting a 差戻し), or null. */
  payloadOf(applicationId: string): { formId: string; caseId: string; caseOrder: number; status: ApplicationStatus; payload: Record<string, unknown> } | null {
    const r = this.db.prepare('SELECT form_id, case_id, case_order, status, payload_enc FROM applications WHERE id = ?').get(applicationId) as
      | { form_id: string; case_id: string; case_order: number; status: ApplicationStatus; payload_enc: Buffer | null }
      | undefined;
    if (!r) return null;
    const json = this.tryDecrypt(r.payload_enc, `${applicationId}:payload`);
    if (json === null) return null;
    return { formId: r.form_id, caseId: r.case_id, caseOrder: r.case_order, status: r.status, payload: JSON.parse(json) as Record<string, unknown> };
  }

  /** Every application with its decrypted payload, for the admin export (the caller records it in the audit trail). */
  *exportAll(): Generator<{ id: string; status: ApplicationStatus; caseId: string; version: number; receiptNumber: string | null; payload: unknown }> {
    const rows = this.db.prepare('SELECT id, status, case_id, version, receipt_number, payload_enc FROM applications ORDER BY seq').iterate() as Iterable<{
      id: string; status: ApplicationStatus; case_id: string; version: number; receipt_number: string | null; payload_enc: Buffer | null;
    }>;
    for (const r of rows) {
      const json = this.tryDecrypt(r.payload_enc, `${r.id}:payload`);
      yield { id: r.id, status: r.status, caseId: r.case_id, version: r.version, receiptNumber: r.receipt_number, payload: json === null ? null : (JSON.parse(json) as unknown) };
    }
  }

}
