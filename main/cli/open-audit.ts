import { loadConfig } from '../services/config';
import { openAuditLog, terminalId } from '../services/audit/open-audit-log';
import type { AuditLog } from '../services/audit/audit-log';
import { openQueue } from './open-queue';

/** The data dir's store with its audit trail, as the CLI commands use it (this PC as terminal). */
export function openAudited(dataDirArg: string | undefined, opts: { mustExist: boolean }): ReturnType<typeof openQueue> & { audit: AuditLog } {
  const q = openQueue(dataDirArg, opts);
  try {
    return { ...q, audit: openAuditLog(q, terminalId(loadConfig(q.dataDir).terminalId)) };
  } catch (err) {
    q.db.close();
    throw err;
  }
}
