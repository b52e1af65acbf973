import { fail, ok, type ApiError, type Result } from '../../../common/contract/result';
import type { OperationName } from '../../../common/contract/operation-names';
import type { Role } from '../../../common/accounts/roles';
import type { SessionView } from '../../../common/contract/account-operations';
import type { Db } from '../store/open-database';
import type { AuditLog } from '../audit/audit-log';
import { AccountRepository, DuplicateAccountError, type Account } from './account-repository';
import { MIN_PASSWORD_LENGTH, PUBLIC_PASSWORD_SCRYPT, dummyHash, hashPassword, verifyPassword } from './password-hash';
import { LOCKOUT } from './lockout';
import { SERVICE_IDLE } from '../../../common/accounts/idle-lock';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { accessError } from './access-policy';

export interface SessionOptions {
  db: Db;
  audit: AuditLog;
  /** the simulated back end is in use: its training accounts may sign in, real data is absent */
  demo: boolean;
  lockAfterMinutes: number;
  now?: () => number;
}

interface SignedIn {
  id: string;
  name: string;
  role: Role;
  demo: boolean;
}

const WRONG = { code: 'UNAUTHENTICATED', message: '名前またはパスワードが違います。', reason: 'wrong_password' } as const;
const lockedOutError = (until: string): ApiError => ({
  code: 'UNAUTHENTICATED',
  message: `パスワードを${LOCKOUT.maxFailedAttempts}回続けて間違えたため、このアカウントは ${new Date(until).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' })} まで使えません。管理者に連絡してください。`,
  reason: 'locked_out',
});
const SHORT = { code: 'INVALID_INPUT', message: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。` } as const;

/**
 * The one signed-in clerk of this counter (one app instance = one terminal = one session; browser
 * mode's tabs share it like Electron's window). Every operation passes `check` in dispatch before
 * its handler runs; the actor of every audit entry is `actor()`. Each sign-in, lock, unlock and
 * failure is recorded, with the account's failure count, in one transaction.
 */
export class Session {
  private user: SignedIn | null = null;
  private locked = false;
  /** the clerk's last input as the screen reported it (noteActivity), or the sign-in/unlock */
  private lastActivityAt = 0;
  readonly accounts: AccountRepository;
  private readonly now: () => number;

  constructor(private readonly o: SessionOptions) {
    this.now = o.now ?? Date.now;
    this.accounts = new AccountRepository(o.db, this.now);
  }

  /** Demo mode: the training accounts exist (created once, with the documented password). */
  async seedDemoAccounts(): Promise<void> {
    if (!this.o.demo || this.accounts.count({ demo: true }) > 0) return;
    // the password the screen shows: its hash guards nothing (PUBLIC_PASSWORD_SCRYPT)
    const passwordHash = await hashPassword(DEMO_PASSWORD, PUBLIC_PASSWORD_SCRYPT);
    this.o.db.transaction(() => {
      for (const a of DEMO_ACCOUNTS) {
        if (this.accounts.byName(a.name)) continue;
        const created = this.accounts.insert({ ...a, passwordHash, demo: true });
        this.o.audit.append({ actor: 'system', event: 'account.created', detail: { account: created.id, role: a.role, demo: true } });
      }
    })();
  }

  check(operation: OperationName): ApiError | null {
    this.lockIfIdle();
    const refused = accessError(operation, { role: this.user?.role ?? null, locked: this.locked });
    // only the clerk's own input moves the idle clock: polling (queue, sync, OCR status…) never does
    if (!refused && operation === 'noteActivity') this.lastActivityAt = this.now();
    return refused;
  }

  /** The services' idle lock (SERVICE_IDLE): the screen's lock did not come, the clerk is gone all the same. */
  private lockIfIdle(): void {
    if (!this.user || this.locked) return;
    if (this.now() - this.lastActivityAt < this.o.lockAfterMinutes * 60_000 + SERVICE_IDLE.graceMs) return;
    this.o.audit.append({ actor: this.user.id, event: 'session.locked', detail: { reason: 'idle', by: 'services' } });
    this.locked = true;
  }

  actor(): string {
    return this.user?.id ?? 'system';
  }

  view(): SessionView {
    return {
      firstRun: !this.o.demo && this.accounts.count({ demo: false }) === 0,
      user: this.user ? { ...this.user } : null,
      locked: this.locked,
      lockAfterMinutes: this.o.lockAfterMinutes,
      demoAccounts: this.o.demo ? DEMO_ACCOUNTS.map((a) => ({ ...a })) : [],
      demoPassword: this.o.demo ? DEMO_PASSWORD : null,
    };
  }

  async signIn(name: string, password: string): Promise<Result<SessionView>> {
    const account = this.accounts.byName(name);
    // a training account opens only the training counter
    const usable = account && (!account.demo || this.o.demo) ? account : null;
    if (usable && this.accounts.isLockedOut(usable)) {
      this.o.audit.append({ actor: usable.id, event: 'auth.sign_in_failed', detail: { reason: 'locked_out' } });
      return fail(lockedOutError(usable.lockedUntil!));
    }
    const good = await verifyPassword(password, usable?.passwordHash ?? (await dummyHash()));
    if (!usable || !good) {
      const until = this.o.db.transaction(() => {
        const u = usable ? this.accounts.recordFailure(usable.id) : null;
        this.o.audit.append({ actor: usable?.id ?? 'unknown', event: 'auth.sign_in_failed', detail: { reason: usable ? 'wrong_password' : 'unknown_name', lockedOut: u !== null } });
        return u;
      })();
      return fail(until ? lockedOutError(until) : WRONG);
    }
    this.o.db.transaction(() => {
      if (this.user) this.o.audit.append({ actor: this.user.id, event: 'auth.signed_out', detail: { reason: 'replaced' } });
      this.accounts.recordSuccess(usable.id);
      this.o.audit.append({ actor: usable.id, event: 'auth.signed_in', detail: { role: usable.role, demo: usable.demo } });
    })();
    this.user = { id: usable.id, name: usable.name, role: usable.role, demo: usable.demo };
    this.locked = false;
    this.lastActivityAt = this.now();
    return ok(this.view());
  }

  signOut(): Result<SessionView> {
    if (this.user) this.o.audit.append({ actor: this.user.id, event: 'auth.signed_out', detail: {} });
    this.user = null;
    this.locked = false;
    return ok(this.view());
  }

  lock(reason: 'hotkey' | 'idle' | 'button'): Result<SessionView> {
    if (this.user && !this.locked) {
      this.o.audit.append({ actor: this.user.id, event: 'session.locked', detail: { reason } });
      this.locked = true;
    }
    return ok(this.view());
  }

  /** Only the clerk who locked the screen unlocks it; another clerk signs in instead (after sign-out). */
  async unlock(password: string): Promise<Result<SessionView>> {
    if (!this.user) return fail({ code: 'UNAUTHENTICATED', message: 'サインインしてください。' });
    if (!this.locked) return ok(this.view());
    const r = await this.confirmPassword(password, 'session.unlock_failed');
    if (!r.ok) return r;
    this.o.audit.append({ actor: this.user.id, event: 'session.unlocked', detail: {} });
    this.locked = false;
    this.lastActivityAt = this.now();
    return ok(this.view());
  }

  /**
   * The signed-in clerk's password again (before a masked 個人番号 is shown). A wrong one counts
   * toward the lock-out; at the limit the session ends.
   */
  async confirmPassword(password: string, failureEvent: 'session.unlock_failed' | 'mynumber.reveal_failed'): Promise<Result<true>> {
    const user = this.user;
    const account = user ? this.accounts.byId(user.id) : null;
    if (!user || !account) return fail({ code: 'UNAUTHENTICATED', message: 'サインインしてください。' });
    if (await verifyPassword(password, account.passwordHash)) {
      this.accounts.recordSuccess(account.id);
      return ok(true);
    }
    const until = this.o.db.transaction(() => {
      const u = this.accounts.recordFailure(account.id);
      this.o.audit.append({ actor: account.id, event: failureEvent, detail: { reason: 'wrong_password', lockedOut: u !== null } });
      if (u) this.o.audit.append({ actor: account.id, event: 'auth.signed_out', detail: { reason: 'locked_out' } });
      return u;
    })();
    if (until) {
      this.user = null;
      this.locked = false;
      return fail(lockedOutError(until));
    }
    return fail({ code: 'INVALID_INPUT', message: 'パスワードが違います。', reason: 'wrong_password' });
  }

  /** First run: the first (real) account is the 管理者; refused once any real account exists. */
  async createFirstAdmin(name: string, password: string): Promise<Result<SessionView>> {
    if (!this.view().firstRun) return fail({ code: 'FORBIDDEN', message: '管理者はすでに登録されています。サインインしてください。' });
    const created = await this.create(name, password, 'admin', 'system', true);
    return created.ok ? ok(this.view()) : created;
  }

  /** A 管理者 creates an account; a training 管理者 creates training accounts only. */
  createAccount(name: string, password: string, role: Role): Promise<Result<Account>> {
    return this.create(name, password, role, this.actor(), false, this.user?.demo ?? false);
  }

  async create(name: string, password: string, role: Role, actor: string, onlyIfFirst: boolean, demo = false): Promise<Result<Account>> {
    if ([...password].length < MIN_PASSWORD_LENGTH) return fail(SHORT);
    const passwordHash = await hashPassword(password);
    try {
      const account = this.o.db.transaction(() => {
        // checked again inside the transaction: two first-run screens cannot both create an admin
        if (onlyIfFirst && this.accounts.count({ demo: false }) > 0) return null;
        const a = this.accounts.insert({ name, role, passwordHash, demo });
        this.o.audit.append({ actor: actor === 'system' && onlyIfFirst ? a.id : actor, event: 'account.created', detail: { account: a.id, role, demo, firstRun: onlyIfFirst } });
        return a;
      }).immediate();
      if (!account) return fail({ code: 'FORBIDDEN', message: '管理者はすでに登録されています。サインインしてください。' });
      return ok(account);
    } catch (err) {
      if (err instanceof DuplicateAccountError) return fail({ code: 'INVALID_INPUT', message: `「${name}」という名前のアカウントはすでにあります。` });
      throw err;
    }
  }
}
