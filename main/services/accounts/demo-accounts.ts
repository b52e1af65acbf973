import type { Role } from '../../../common/accounts/roles';

/**
 * Training accounts of the simulated back end (demo mode). Their password is documented and shown
 * on the sign-in screen in demo mode only, and they cannot sign in while a real back end is
 * configured (Session checks `demo` against the mode), so a training password never opens a live
 * counter.
 */
export const DEMO_PASSWORD = 'kenshu-2026';

export const DEMO_ACCOUNTS: readonly { name: string; role: Role }[] = [
  { name: '研修職員', role: 'clerk' },
  { name: '研修監督者', role: 'supervisor' },
  { name: '研修担当', role: 'trainer' },
  { name: '研修管理者', role: 'admin' },
];
