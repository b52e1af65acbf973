/**
 * Who may do what at the counter. The roles are the city's: 窓口職員 handle cases, 監督者 also read
 * the audit trail, 研修担当 run training (the simulated back end), 管理者 also manage accounts.
 */
export const ROLES = ['clerk', 'supervisor', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '窓口職員',
  supervisor: '監督者',
  trainer: '研修担当',
  admin: '管理者',
};

/** The roles that may read the audit trail (the supervisor screen, listAuditLog). */
export const AUDIT_READER_ROLES: readonly Role[] = ['supervisor', 'admin'];
/** The roles that run training: the fault drills and the reset of the demo (研修モード only). */
export const TRAINER_ROLES: readonly Role[] = ['trainer', 'admin'];
/** The roles that may create accounts. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['admin'];

export function roleFromLabel(text: string): Role | null {
  const byLabel = (Object.entries(ROLE_LABELS) as [Role, string][]).find(([, label]) => label === text);
  if (byLabel) return byLabel[0];
  return (ROLES as readonly string[]).includes(text) ? (text as Role) : null;
}
