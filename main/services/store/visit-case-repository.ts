import type { Db } from './open-database';
import type { FieldCipher } from '../crypto/field-cipher';
import { uuidv7 } from '../ids';
import { retentionClockTrusted } from './retention-clock';
import type { CaseContent, CaseStatus } from '../../../common/cases/visit-case';
import { upgradeCaseContent } from '../../../common/cases/case-upgrade';
import { localIsoDate } from '../local-date';

export interface StoredVisitCase {
  id: string;
  status: CaseStatus;
  content: CaseContent;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  status: CaseStatus;
  data_enc: Buffer;
  created_at: string;
  updated_at: string;
}

/**
 * Visit cases in SQLite. The case content (names, birth dates, 個人番号, answers) is one
 * AES-256-GCM blob bound to `${id}:case`; nothing personal is stored or logged in plaintext.
 */
export class VisitCaseRepository {
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    opts: { now?: () => number } = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  private encrypt(id: string, content: CaseContent): Buffer {
    return this.cipher.encrypt(JSON.stringify(content), `${id}:case`);
  }

  private toCase(r: Row): StoredVisitCase {
    return {
      id: r.id,
      status: r.status,
      // content stored by an earlier version is read as the current one means it (rewritten at its next update)
      content: upgradeCaseContent(JSON.parse(this.cipher.decrypt(r.data_enc, `${r.id}:case`)) as CaseContent, localIsoDate(this.now())),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  create(content: CaseContent): StoredVisitCase {
    const id = uuidv7(this.now());
    const at = new Date(this.now()).toISOString();
    this.db
      .prepare(`INSERT INTO visit_cases (id, status, data_enc, created_at, updated_at) VALUES (?, 'open', ?, ?, ?)`)
      .run(id, this.encrypt(id, content), at, at);
    return { id, status: 'open', content, createdAt: at, updatedAt: at };
  }

  get(id: string): StoredVisitCase | null {
    const r = this.db.prepare('SELECT id, status, data_enc, created_at, updated_at FROM visit_cases WHERE id = ?').get(id) as Row | undefined;
    return r ? this.toCase(r) : null;
  }

  /** Read-modify-write in one transaction, so two quick saves cannot lose each other's changes. */
  update(id: string, change: (c: StoredVisitCase) => { content: CaseContent; status?: CaseStatus }): StoredVisitCase | null {
    return this.db
      .transaction(() => {
        const cur = this.get(id);
        if (!cur) return null;
        const next = change(cur);
        const at = new Date(this.now()).toISOString();
        const status = next.status ?? cur.status;
        this.db.prepare('UPDATE visit_cases SET status = ?, data_enc = ?, updated_at = ? WHERE id = ?').run(status, this.encrypt(id, next.content), at, id);
        return { ...cur, status, content: next.content, updatedAt: at };
      })
      .immediate();
  }

  /** Newest first; decrypts each listed case (the list is short: one counter's recent visits). */
  list(opts: { status?: CaseStatus; limit?: number } = {}): StoredVisitCase[] {
    const rows = (
      opts.status
        ? this.db.prepare('SELECT id, status, data_enc, created_at, updated_at FROM visit_cases WHERE status = ? ORDER BY updated_at DESC LIMIT ?').all(opts.status, opts.limit ?? 50)
        : this.db.prepare('SELECT id, status, data_enc, created_at, updated_at FROM visit_cases ORDER BY updated_at DESC LIMIT ?').all(opts.limit ?? 50)
    ) as Row[];
    const out: StoredVisitCase[] = [];
    for (const r of rows) {
      try {
        out.push(this.toCase(r));
      } catch {
        // a row that cannot be decrypted is left out of the list rather than breaking it
      }
    }
    return out;
  }

  /**
   * The clerk discards a saved case that will not be finished (the visitor left, a test entry):
   * its content (names, 個人番号 …) is deleted. A submitted case is kept until retention ends it.
   */
  discard(id: string): 'discarded' | 'not_found' | 'submitted' {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT status FROM visit_cases WHERE id = ?').get(id) as { status: CaseStatus } | undefined;
        if (!row) return 'not_found' as const;
        if (row.status === 'submitted') return 'submitted' as const;
        this.db.prepare('DELETE FROM visit_cases WHERE id = ?').run(id);
        return 'discarded' as const;
      })
      .immediate();
  }

  /**
   * Retention: a submitted case is deleted `finishedDays` after it was submitted (its applications
   * keep their own retention), an open case nobody touched for `abandonedDays` is deleted as
   * abandoned. Nothing is deleted while the clock reads earlier than a time already seen.
   */
  purgeExpired(p: { finishedDays: number; abandonedDays: number }): { finished: number; abandoned: number } {
    const nowMs = this.now();
    const cutoff = (days: number) => new Date(nowMs - days * 86_400_000).toISOString();
    return this.db
      .transaction(() => {
        if (!retentionClockTrusted(this.db, nowMs)) return { finished: 0, abandoned: 0 };
        const del = this.db.prepare('DELETE FROM visit_cases WHERE status = ? AND updated_at <= ?');
        return { finished: del.run('submitted', cutoff(p.finishedDays)).changes, abandoned: del.run('open', cutoff(p.abandonedDays)).changes };
      })
      .immediate();
  }
}
