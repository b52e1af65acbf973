import type { ApplicationRepository, OutboxEntry } from '../store/application-repository';
import { intakeDocument } from './intake-connector';
import type { ConnectorRouter } from './connector-router';
import type { SyncStatus } from '../../../common/contract/operations';
import { backoffDelayMs } from './backoff';

export interface SyncEngineOptions {
  /** deliveries in flight at once (different visit cases) */
  concurrency?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** how often the link is probed while there is nothing to send */
  probeIntervalMs?: number;
  /** how often the back office's decisions are pulled while some are awaited */
  statusPollMs?: number;
  /**
   * Checks a payload just before it is sent (the stored form may predate a form change, or the
   * row may be damaged). Returns a Japanese reason to refuse it, or null.
   */
  checkPayload?: (formId: string, payload: Record<string, unknown>) => string | null;
  /** turns the stored form values into what the back end receives (standard data items) */
  toIntakePayload?: (formId: string, payload: Record<string, unknown>) => Record<string, unknown>;
  now?: () => number;
  random?: () => number;
  log?: (level: 'info' | 'warn' | 'error', event: string, detail?: Record<string, unknown>) => void;
}

const CORRUPT = 'この申請の端末内データが破損しているため送信できません。内容を確認し、取り消して入力し直してください。';

/**
 * Drains the outbox to the back ends. Delivery is at-least-once; the back end dedupes on the
 * idempotency key fixed at capture, so a reply lost after commit costs a replay, not a duplicate.
 */
export class SyncEngine {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** a kick that arrived while not idle: the next idle returns at once */
  private kicked = false;
  private lastStatusPoll = 0;
  /** delivery outcomes waiting to be committed together (group commit) */
  private writes: { fn: () => void; done: () => void; fail: (err: unknown) => void }[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly state: SyncStatus = { connection: 'unknown', sending: false, lastSuccessAt: null, lastError: null };
  private readonly o: Required<SyncEngineOptions>;

  constructor(
    private readonly repo: ApplicationRepository,
    private readonly router: ConnectorRouter,
    opts: SyncEngineOptions = {},
  ) {
    this.o = {
      // 16: at 50 ms per answer one counter still drains ~300/s, a light load for a back end
      concurrency: opts.concurrency ?? 16,
      backoffBaseMs: opts.backoffBaseMs ?? 1000,
      backoffCapMs: opts.backoffCapMs ?? 60_000,
      probeIntervalMs: opts.probeIntervalMs ?? 5000,
      statusPollMs: opts.statusPollMs ?? 10_000,
      checkPayload: opts.checkPayload ?? (() => null),
      toIntakePayload: opts.toIntakePayload ?? ((_formId, payload) => payload),
      now: opts.now ?? Date.now,
      random: opts.random ?? Math.random,
      log: opts.log ?? (() => {}),
    };
  }

  status(): SyncStatus {
    return { ...this.state };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const recovered = this.repo.recoverInFlight();
    if (recovered > 0) this.o.log('info', 'sync.recovered_in_flight', { count: recovered });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    this.loop = null;
  }

  /** New work arrived: do not wait for the idle timer. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** The clerk pressed 今すぐ送信: forget backoff, try everything and ask for decisions now. */
  sendNow(): void {
    this.repo.makeAllDue();
    this.lastStatusPoll = 0;
    this.kick();
  }

  /** One pass: claims due entries and delivers them. Returns how many were attempted. */
  async drainOnce(): Promise<number> {
    const batch = this.repo.claimDue(this.o.concurrency);
    if (batch.length === 0) return 0;
    this.state.sending = true;
    try {
      const results = await Promise.allSettled(batch.map((e) => this.deliver(e)));
      const failed = results.filter((r) => r.status === 'rejected');
      if (failed.length > 0) {
        // The outcome could not be recorded (storage error): put them back so none stays "in flight".
        this.repo.recoverInFlight();
        throw (failed[0] as PromiseRejectedResult).reason;
      }
    } finally {
      this.state.sending = false;
    }
    return batch.length;
  }

  /** Pulls the back office's decisions from every connector. Returns how many applications changed. */
  async pollStatusOnce(): Promise<number> {
    this.lastStatusPoll = this.o.now();
    let applied = 0;
    for (const c of this.router.all()) {
      const page = await c.pollStatus(this.repo.statusCursor(c.id));
      if (!page) continue;
      applied += this.repo.applyStatusChanges(page.changes, c.id, page.cursor);
      if (page.settle) {
        const seen = [...new Set(page.changes.map((x) => x.receiptNumber))];
        const known = this.repo.knownReceipts(seen, c.id);
        const unknown = new Set(seen.filter((r) => !known.has(r)));
        // a result for an application this counter never sent: set aside for IT staff, never applied
        if (unknown.size > 0) this.o.log('warn', 'sync.result_unknown', { connector: c.id, count: unknown.size });
        await page.settle(unknown);
      }
    }
    if (applied > 0) this.o.log('info', 'sync.status_changes', { applied });
    return applied;
  }

  /**
   * Keeps up to `concurrency` deliveries in flight, topping up as each one finishes, until nothing
   * more is due. (A batch-at-a-time loop would wait for the slowest answer of every batch.)
   * Returns how many deliveries were attempted.
   */
  async pump(): Promise<number> {
    const inflight = new Set<Promise<void>>();
    let attempted = 0;
    let storageError: unknown = null;
    for (;;) {
      const free = this.o.concurrency - inflight.size;
      // claim in small batches, not one transaction per finished delivery
      if (free > 0 && storageError === null && (inflight.size === 0 || free >= Math.min(4, this.o.concurrency))) {
        for (const entry of this.repo.claimDue(free)) {
          const p: Promise<void> = this.deliver(entry)
            .catch((err: unknown) => {
              // the outcome could not be recorded; the entry stays in flight until recovered
              storageError = err;
            })
            .finally(() => inflight.delete(p));
          inflight.add(p);
          attempted++;
        }
      }
      this.state.sending = inflight.size > 0;
      if (inflight.size === 0) break;
      await Promise.race(inflight);
    }
    if (storageError !== null) {
      this.repo.recoverInFlight();
      throw storageError;
    }
    return attempted;
  }

  /** For the CLI: deliver until nothing is pending, or give up after `deadlineMs`. */
  async runUntilEmpty(deadlineMs: number): Promise<boolean> {
    this.repo.recoverInFlight();
    const end = this.o.now() + deadlineMs;
    while (this.o.now() < end) {
      const sent = await this.pump();
      if (sent > 0) continue;
      const next = this.repo.nextAttemptAt();
      if (next === null) return true;
      await sleep(Math.max(10, Math.min(next - this.o.now(), end - this.o.now(), 1000)));
    }
    return this.repo.nextAttemptAt() === null;
  }

  private async run(): Promise<void> {
    let lastProbe = 0;
    while (this.running) {
      try {
        const sent = await this.pump();
        if (sent > 0) continue;
        const now = this.o.now();
        if (this.state.connection !== 'offline' && now - this.lastStatusPoll >= this.o.statusPollMs && this.repo.hasOpenDecisions()) {
          await this.pollStatusOnce();
        }
        if (this.state.connection !== 'online' && now - lastProbe >= this.o.probeIntervalMs) {
          lastProbe = now;
          const up = await this.probe();
          if (up && this.repo.nextAttemptAt() !== null) {
            // The link is back: waiting out the backoff would only keep the clerk waiting.
            this.repo.makeAllDue();
            continue;
          }
        }
        const next = this.repo.nextAttemptAt();
        const waitMs = next === null ? this.o.probeIntervalMs : Math.max(0, next - this.o.now());
        await this.idle(Math.min(waitMs, this.o.probeIntervalMs, this.o.statusPollMs));
      } catch (err) {
        // A storage error must not kill the loop: log it and try again after a pause.
        this.o.log('error', 'sync.loop_error', { error: String(err).slice(0, 300) });
        this.state.lastError = '送信処理でエラーが発生しました。しばらくして再試行します。';
        await this.idle(this.o.probeIntervalMs);
      }
    }
  }

  /**
   * Outcomes finishing within a few milliseconds of each other are committed in one transaction:
   * with synchronous=FULL each commit is an fsync, and one fsync per delivery would cap the drain
   * rate. A crash before the commit only means the delivery is replayed with the same key.
   */
  private record(fn: () => void): Promise<void> {
    return new Promise((done, fail) => {
      this.writes.push({ fn, done, fail });
      this.flushTimer ??= setTimeout(() => this.flush(), 2);
    });
  }

  private flush(): void {
    this.flushTimer = null;
    const batch = this.writes.splice(0);
    try {
      this.repo.inTransaction(() => {
        for (const w of batch) w.fn();
      });
      for (const w of batch) w.done();
    } catch (err) {
      for (const w of batch) w.fail(err);
    }
  }

  private async probe(): Promise<boolean> {
    const results = await Promise.all(this.router.all().map((c) => c.probe()));
    const up = results.every(Boolean);
    this.state.connection = up ? 'online' : 'offline';
    return up;
  }

  private idle(ms: number): Promise<void> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        // A stale wake left behind would swallow the next kick (stop() included).
        this.wake = null;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wake = () => {
        this.kicked = false;
        done();
      };
    });
  }

  private payloadOf(entry: OutboxEntry): { payload: Record<string, unknown> } | { refused: string } {
    if (entry.payloadJson === null) return { refused: CORRUPT };
    let payload: unknown;
    try {
      payload = JSON.parse(entry.payloadJson);
    } catch {
      return { refused: CORRUPT };
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { refused: CORRUPT };
    const why = this.o.checkPayload(entry.formId, payload as Record<string, unknown>);
    return why === null ? { payload: payload as Record<string, unknown> } : { refused: why };
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const checked = this.payloadOf(entry);
    if ('refused' in checked) {
      await this.record(() => this.repo.markFailed(entry.applicationId, checked.refused));
      this.o.log('warn', 'sync.refused_before_send', { applicationId: entry.applicationId });
      return;
    }
    const doc = intakeDocument(entry, this.o.toIntakePayload(entry.formId, checked.payload));
    const connector = this.router.forForm(entry.formId);
    const outcome = await connector.deliver(entry, doc);
    switch (outcome.kind) {
      case 'accepted':
      case 'delivered':
        await this.record(() =>
          outcome.kind === 'accepted'
            ? this.repo.markAccepted(entry.applicationId, outcome.receiptNumber, connector.id)
            : this.repo.markDelivered(entry.applicationId, outcome.receiptNumber, connector.id),
        );
        this.state.connection = 'online';
        this.state.lastSuccessAt = new Date(this.o.now()).toISOString();
        this.state.lastError = null;
        this.o.log('info', 'sync.delivered', { applicationId: entry.applicationId });
        return;
      case 'retry': {
        const delay = Math.max(
          backoffDelayMs(entry.attempts, this.o.backoffBaseMs, this.o.backoffCapMs, this.o.random),
          outcome.retryAfterMs ?? 0,
        );
        const retryAt = this.o.now() + delay;
        await this.record(() => this.repo.markRetry(entry.applicationId, outcome.reason, retryAt));
        this.state.connection = outcome.offline ? 'offline' : 'online';
        this.state.lastError = outcome.reason;
        this.o.log('warn', 'sync.retry', { applicationId: entry.applicationId, reason: outcome.reason, delayMs: delay });
        return;
      }
      case 'rejected':
        await this.record(() => this.repo.markFailed(entry.applicationId, outcome.reason));
        this.state.connection = 'online';
        this.o.log('warn', 'sync.rejected', { applicationId: entry.applicationId });
        return;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
