import { fail, ok } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import type { Session } from '../accounts/session';
import type { AuditLog } from '../audit/audit-log';

type AccountOps = 'getSession' | 'signIn' | 'signOut' | 'lock' | 'noteActivity' | 'unlock' | 'createFirstAdmin' | 'createAccount' | 'listAccounts' | 'revealMyNumber' | 'listAuditLog';

export interface AccountDeps {
  session: Session;
  audit: AuditLog;
}

const NO_ACCOUNTS = { code: 'INTERNAL', message: 'アカウントの機能はこの構成では使えません。' } as const;

/**
 * Sign-in, screen lock, accounts and the supervisor's view of the audit trail. Who may call
 * which is decided before these run (accounts/access-policy.ts, applied in dispatch).
 */
export function createAccountHandlers(d: AccountDeps | undefined): Pick<Handlers, AccountOps> {
  if (!d) {
    const none = () => fail(NO_ACCOUNTS);
    return { getSession: none, signIn: none, signOut: none, lock: none, noteActivity: none, unlock: none, createFirstAdmin: none, createAccount: none, listAccounts: none, revealMyNumber: none, listAuditLog: none };
  }
  const { session, audit } = d;
  const accountView = (a: { id: string; name: string; role: 'clerk' | 'supervisor' | 'trainer' | 'admin'; demo: boolean; createdAt: string }) => ({
    id: a.id, name: a.name, role: a.role, demo: a.demo, createdAt: a.createdAt,
  });
  return {
    getSession: () => ok(session.view()),
    signIn: ({ name, password }) => session.signIn(name, password),
    signOut: () => session.signOut(),
    lock: ({ reason }) => session.lock(reason),
    noteActivity: () => ok(session.view()),
    unlock: ({ password }) => session.unlock(password),
    createFirstAdmin: ({ name, password }) => session.createFirstAdmin(name, password),
    createAccount: async ({ name, password, role }) => {
      const r = await session.createAccount(name, password, role);
      return r.ok ? ok(accountView(r.value)) : r;
    },
    listAccounts: () => ok({ items: session.accounts.list().map(accountView) }),
    revealMyNumber: async ({ password, caseId, personRef }) => {
      const r = await session.confirmPassword(password, 'mynumber.reveal_failed');
      if (!r.ok) return r;
      audit.append({ actor: session.actor(), event: 'mynumber.revealed', caseId: caseId ?? null, personRef: personRef ?? null });
      return ok({ revealed: true });
    },
    listAuditLog: ({ actor, event, day, beforeSeq, limit, verify }) => {
      const accounts = session.accounts.list();
      const names = new Map(accounts.map((a) => [a.id, a.name]));
      const items = audit.list({ ...(actor ? { actor } : {}), ...(event ? { event } : {}), ...(day ? { day } : {}), ...(beforeSeq ? { beforeSeq } : {}), limit: limit ?? 200 }).map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        actorName: names.get(e.actor) ?? null,
        event: e.event,
        caseId: e.caseId,
        applicationId: e.applicationId,
        personRef: e.personRef,
        terminal: e.terminal,
        detail: JSON.parse(e.detail) as Record<string, unknown>,
      }));
      const v = verify ? audit.verify() : null;
      return ok({
        items,
        actors: accounts.map((a) => ({ id: a.id, name: a.name })),
        verified: !v
          ? null
          : v.ok
            ? { ok: true, entries: v.entries, firstBadSeq: null, problem: null }
            : { ok: false, entries: v.entries, firstBadSeq: v.firstBadSeq, problem: v.problem },
      });
    },
  };
}
