import type { Store } from '../store/open-database';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { AuditLog } from './audit-log';
import { AUDIT_DEFAULTS, openAuditLog, recordConfigAtStart, terminalId } from './open-audit-log';
import { Session } from '../accounts/session';
import { DEFAULT_LOCK_AFTER_MINUTES } from '../accounts/lockout';
import { recordKeyResetNote } from './key-reset-note';

export interface AccountsAudit {
  audit: AuditLog;
  session: Session;
  /** the audit trail's own retention (auditRetentionYears); run with the data retention */
  purgeAudit(): void;
}

/**
 * The audit trail and the clerk session of a running app: opened on the store, the configuration
 * checked against the last one recorded, demo accounts seeded when the simulated back end is in use.
 */
export async function startAccountsAudit(store: Store, o: { dataDir: string; config: Config; demo: boolean; log: Logger; now?: () => number }): Promise<AccountsAudit> {
  const audit = openAuditLog(store, terminalId(o.config.terminalId));
  if (recordConfigAtStart(audit, o.dataDir)) o.log('info', 'audit.config_recorded');
  if (recordKeyResetNote(audit, o.dataDir)) o.log('info', 'audit.key_reset_recorded');
  const session = new Session({ db: store.db, audit, demo: o.demo, lockAfterMinutes: o.config.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES, ...(o.now ? { now: o.now } : {}) });
  await session.seedDemoAccounts();
  const years = o.config.auditRetentionYears ?? AUDIT_DEFAULTS.auditRetentionYears;
  return {
    audit,
    session,
    purgeAudit() {
      const r = audit.purgeOlderThan(years, 'system');
      if ('refused' in r) o.log('error', 'audit.purge_refused', { firstBadSeq: r.refused.ok ? null : r.refused.firstBadSeq });
      else if (r.purged > 0) o.log('info', 'audit.purged', { count: r.purged, years });
    },
  };
}
