import type { Db } from '../store/open-database';
import type { Role } from '../../../common/accounts/roles';
import { uuidv7 } from '../ids';
import { lockedUntil } from './lockout';

export interface Account {
  id: string;
  name: string;
  role: Role;
  passwordHash: string;
  demo: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  role: Role;
  password_hash: string;
  demo: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

const toAccount = (r: Row): Account => ({
  id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash, demo: r.demo === 1,
  failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, createdAt: r.created_at,
});

export class DuplicateAccountError extends Error {}

/** The local accounts table. Writes join the caller's transaction (the audit entry goes with them). */
export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  count(opts: { demo: boolean }): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE demo = ?').get(opts.demo ? 1 : 0) as { n: number }).n;
  }

  byName(name: string): Account | null {
    const r = this.db.prepare('SELECT * FROM accounts WHERE name = ?').get(name) as Row | undefined;
    return r ? toAccount(r) : null;
  }

  byId(id: string): Account | null {
    const r = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined;
    return r ? toAccount(r) : null;
  }

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY demo, created_at').all() as Row[]).map(toAccount);
  }

  insert(a: { name: string; role: Role; passwordHash: string; demo: boolean }): Account {
    if (this.byName(a.name)) throw new DuplicateAccountError(a.name);
    const at = new Date(this.now()).toISOString();
    const id = uuidv7(this.now());
    this.db
      .prepare('INSERT INTO accounts (id, name, role, password_hash, demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, a.name, a.role, a.passwordHash, a.demo ? 1 : 0, at, at);
    return this.byId(id)!;
  }

  /** One more wrong password; returns until when the account is now locked (null: not locked). */
  recordFailure(id: string): string | null {
    const nowMs = this.now();
    const cur = this.byId(id);
    if (!cur) return null;
    const failed = cur.failedAttempts + 1;
    const until = lockedUntil(failed, nowMs);
    this.db
      .prepare('UPDATE accounts SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?')
      .run(until ? 0 : failed, until, new Date(nowMs).toISOString(), id);
    return until;
  }

  recordSuccess(id: string): void {
    this.db.prepare('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts != 0 OR locked_until IS NOT NULL)').run(id);
  }

  isLockedOut(a: Account): boolean {
    return a.lockedUntil !== null && Date.parse(a.lockedUntil) > this.now();
  }
}
