import type { OperationName } from '../../../common/contract/operation-names';
import type { ApiError } from '../../../common/contract/result';
import { ACCOUNT_ADMIN_ROLES, AUDIT_READER_ROLES, ROLE_LABELS, TRAINER_ROLES, type Role } from '../../../common/accounts/roles';

/**
 * Which operations need whom. Secure by default: an operation not named here needs a signed-in,
 * unlocked session, so a new operation is protected without anyone remembering to protect it.
 */
const PUBLIC: ReadonlySet<OperationName> = new Set<OperationName>(['getAppInfo', 'getSession', 'signIn', 'createFirstAdmin']);
/** what a signed-in clerk can still do on the lock screen */
const WHILE_LOCKED: ReadonlySet<OperationName> = new Set<OperationName>(['unlock', 'signOut', 'lock']);
const ROLES_FOR: Partial<Record<OperationName, readonly Role[]>> = {
  listAuditLog: AUDIT_READER_ROLES,
  createAccount: ACCOUNT_ADMIN_ROLES,
  listAccounts: ACCOUNT_ADMIN_ROLES,
  setDrill: TRAINER_ROLES,
  sendReturnNow: TRAINER_ROLES,
  restoreDrills: TRAINER_ROLES,
  resetDemo: TRAINER_ROLES,
};

export const UNAUTHENTICATED: ApiError = { code: 'UNAUTHENTICATED', message: 'サインインしてください。' };
export const LOCKED: ApiError = { code: 'LOCKED', message: '画面がロックされています。パスワードを入力してロックを解除してください。' };

export function accessError(operation: OperationName, session: { role: Role | null; locked: boolean }): ApiError | null {
  if (PUBLIC.has(operation)) return null;
  if (session.role === null) return UNAUTHENTICATED;
  if (session.locked && !WHILE_LOCKED.has(operation)) return LOCKED;
  const roles = ROLES_FOR[operation];
  if (roles && !roles.includes(session.role)) {
    return { code: 'FORBIDDEN', message: `この操作は${roles.map((r) => ROLE_LABELS[r]).join('・')}のみが行えます。` };
  }
  return null;
}
