import { createHmac } from 'node:crypto';
import type { Db } from '../store/open-database';
import { localIsoDate } from '../local-date';
import type { AuditEvent } from '../../../common/accounts/audit-events';
import { GENESIS_MAC, anchorSeal, entryMac, sameMac, type ChainedEntry } from './audit-chain';

/** What a caller records: who did what to which case / application / person. Ids and counts only. */
export interface AuditRecord {
  /** account id, `os:<user>` for the CLI, or 'system' */
  actor: string;
  event: AuditEvent;
  caseId?: string | null;
  applicationId?: string | null;
  personRef?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface StoredAuditEntry extends ChainedEntry {
  mac: string;
}

export type VerifyResult =
  | { ok: true; entries: number; head: { seq: number; mac: string } }
  | { ok: false; entries: number; firstBadSeq: number; problem: string };

export interface AuditFilter {
  actor?: string;
  event?: string;
  day?: string;
  fromDay?: string;
  toDay?: string;
  beforeSeq?: number;
  limit?: number;
}

interface Row {
  seq: number;
  at: string;
  day: string;
  actor: string;
  event: string;
  case_id: string | null;
  application_id: string | null;
  person_ref: string | null;
  terminal: string;
  detail: string;
  mac: string;
}

const toEntry = (r: Row): StoredAuditEntry => ({
  seq: r.seq, at: r.at, day: r.day, actor: r.actor, event: r.event, caseId: r.case_id, applicationId: r.application_id,
  personRef: r.person_ref, terminal: r.terminal, detail: r.detail, mac: r.mac,
});

/**
 * The counter's audit trail: append-only, each entry MACed over the previous one with a key
 * derived from the data key (audit-chain.ts). An append joins the caller's SQLite transaction when
 * there is one (so the action and its record commit together) and takes its own IMMEDIATE
 * transaction otherwise, so two processes (the app and the CLI) never fork the chain.
 */
export class AuditLog {
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly terminal: string,
    opts: { now?: () => number } = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  append(r: AuditRecord): number {
    const write = (): number => {
      const head = this.head();
      const nowMs = this.now();
      const entry: ChainedEntry = {
        seq: head.seq + 1,
        at: new Date(nowMs).toISOString(),
        day: localIsoDate(nowMs),
        actor: r.actor,
        event: r.event,
        caseId: r.caseId ?? null,
        applicationId: r.applicationId ?? null,
        personRef: r.personRef ?? null,
        terminal: this.terminal,
        detail: JSON.stringify(r.detail ?? {}),
      };
      this.db
        .prepare(
          `INSERT INTO audit_entries (seq, at, day, actor, event, case_id, application_id, person_ref, terminal, detail, mac)
           VALUES (@seq, @at, @day, @actor, @event, @caseId, @applicationId, @personRef, @terminal, @detail, @mac)`,
        )
        .run({ ...entry, mac: entryMac(this.key, head.mac, entry) });
      return entry.seq;
    };
    return this.db.inTransaction ? write() : this.db.transaction(write).immediate();
  }

  /** The newest entry (or the purge anchor when nothing follows it): where the next entry chains on. */
  head(): { seq: number; mac: string } {
    const last = this.db.prepare('SELECT seq, mac FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as { seq: number; mac: string } | undefined;
    if (last) return last;
    const anchor = this.anchor();
    return anchor ? { seq: anchor.seq, mac: anchor.mac } : { seq: 0, mac: GENESIS_MAC };
  }

  private anchor(): { seq: number; mac: string; seal: string } | undefined {
    return this.db.prepare('SELECT seq, mac, seal FROM audit_anchor WHERE id = 1').get() as { seq: number; mac: string; seal: string } | undefined;
  }

  /**
   * Walks the whole chain from its start (the first entry, or the sealed purge anchor) and names
   * the first entry that does not follow: edited, inserted, reordered, or after a deleted one.
   * `throughSeq` stops early (the purge checks only what it is about to remove).
   */
  verify(throughSeq = Number.MAX_SAFE_INTEGER): VerifyResult {
    let prev = GENESIS_MAC;
    let expect = 1;
    const anchor = this.anchor();
    if (anchor) {
      if (!sameMac(anchorSeal(this.key, anchor.seq, anchor.mac), anchor.seal)) {
        return { ok: false, entries: 0, firstBadSeq: anchor.seq, problem: `消去の起点（#${anchor.seq}）の署名が一致しません` };
      }
      prev = anchor.mac;
      expect = anchor.seq + 1;
    }
    let entries = 0;
    const rows = this.db.prepare('SELECT * FROM audit_entries WHERE seq <= ? ORDER BY seq').iterate(throughSeq) as Iterable<Row>;
    for (const row of rows) {
      const e = toEntry(row);
      if (e.seq !== expect) {
        const problem = e.seq > expect ? `直前の項目 #${expect}${e.seq - 1 > expect ? `〜#${e.seq - 1}` : ''} がありません（削除）` : `消去済みのはずの番号です`;
        return { ok: false, entries, firstBadSeq: e.seq, problem };
      }
      const mac = entryMac(this.key, prev, e);
      if (!sameMac(mac, e.mac)) return { ok: false, entries, firstBadSeq: e.seq, problem: '内容または順序が記録時と一致しません（変更・挿入・並べ替え）' };
      prev = e.mac;
      expect++;
      entries++;
    }
    return { ok: true, entries, head: { seq: expect - 1, mac: prev } };
  }

  list(f: AuditFilter): StoredAuditEntry[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: f.limit ?? 200 };
    const conditions: [keyof AuditFilter, string][] = [
      ['actor', 'actor = @actor'],
      ['event', 'event = @event'],
      ['day', 'day = @day'],
      ['fromDay', 'day >= @fromDay'],
      ['toDay', 'day <= @toDay'],
      ['beforeSeq', 'seq < @beforeSeq'],
    ];
    for (const [k, sql] of conditions) {
      if (f[k] === undefined) continue;
      where.push(sql);
      params[k] = f[k];
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db.prepare(`SELECT * FROM audit_entries ${clause} ORDER BY seq DESC LIMIT @limit`).all(params) as Row[];
    return rows.map(toEntry);
  }

  /** Every entry of the days from..to (inclusive), oldest first, for the auditor's export. */
  *range(fromDay: string, toDay: string): Generator<StoredAuditEntry> {
    const rows = this.db.prepare('SELECT * FROM audit_entries WHERE day >= ? AND day <= ? ORDER BY seq').iterate(fromDay, toDay) as Iterable<Row>;
    for (const r of rows) yield toEntry(r);
  }

  /** A keyed fingerprint of some text (e.g. config.json): equal texts match, nothing about the text leaks. */
  fingerprint(text: string): string {
    return createHmac('sha256', this.key).update('fingerprint\n').update(text, 'utf8').digest('hex').slice(0, 32);
  }

  /** The newest entry of one kind (e.g. the last configuration seen), or null. */
  latest(event: AuditEvent): StoredAuditEntry | null {
    const r = this.db.prepare('SELECT * FROM audit_entries WHERE event = ? ORDER BY seq DESC LIMIT 1').get(event) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /**
   * Retention: removes the entries older than `years` (the oldest prefix of the chain), seals
   * the MAC the remaining chain starts from as the anchor, and records the purge — one
   * transaction. A chain already broken in the part to be removed is not purged (that would
   * erase the evidence): the caller gets the verification failure instead.
   */
  purgeOlderThan(years: number, actor: string): { purged: number } | { refused: VerifyResult } {
    const nowMs = this.now();
    const today = localIsoDate(nowMs);
    const cutoff = `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
    return this.db
      .transaction(() => {
        // the oldest prefix: up to the first entry that is still to be kept (clocks can go back)
        const keep = this.db.prepare('SELECT MIN(seq) AS s FROM audit_entries WHERE day >= ?').get(cutoff) as { s: number | null };
        const last = this.db.prepare('SELECT MAX(seq) AS s FROM audit_entries').get() as { s: number | null };
        const through = keep.s !== null ? keep.s - 1 : (last.s ?? 0);
        const first = this.db.prepare('SELECT MIN(seq) AS s FROM audit_entries').get() as { s: number | null };
        if (first.s === null || through < first.s) return { purged: 0 };
        const check = this.verify(through);
        if (!check.ok) return { refused: check };
        const mac = (this.db.prepare('SELECT mac FROM audit_entries WHERE seq = ?').get(through) as { mac: string }).mac;
        const purged = this.db.prepare('DELETE FROM audit_entries WHERE seq <= ?').run(through).changes;
        this.db
          .prepare('INSERT INTO audit_anchor (id, seq, mac, seal) VALUES (1, @seq, @mac, @seal) ON CONFLICT (id) DO UPDATE SET seq = @seq, mac = @mac, seal = @seal')
          .run({ seq: through, mac, seal: anchorSeal(this.key, through, mac) });
        this.append({ actor, event: 'audit.purged', detail: { throughSeq: through, count: purged, years } });
        return { purged };
      })
      .immediate();
  }
}
