import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openAudited } from '../open-audit';
import { osActor } from '../../services/audit/open-audit-log';
import type { StoredAuditEntry } from '../../services/audit/audit-log';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS = ['seq', 'at', 'day', 'actor', 'event', 'caseId', 'applicationId', 'personRef', 'terminal', 'detail', 'mac'] as const;

/** RFC 4180: quoted when needed, quotes doubled. */
function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The audit trail of some days for an auditor, as CSV or a JSON array, with each entry's MAC so
 * the copy can be checked later. The export itself is recorded first (by OS user).
 */
export const auditExportCommand: CliCommand = {
  name: ['audit', 'export'],
  usage: 'audit export --data-dir D --from YYYY-MM-DD --to YYYY-MM-DD --format csv|json',
  summary: '監査ログを期間を指定して CSV か JSON で書き出す（個人番号は含まない）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--from YYYY-MM-DD', 'この日から（当日を含む）'],
    ['--to YYYY-MM-DD', 'この日まで（当日を含む）'],
    ['--format csv|json', '書き出す形式'],
  ],
  run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
    });
    const { from, to, format } = values;
    if (!from || !to || !DAY.test(from) || !DAY.test(to)) throw new UsageError('audit export needs --from and --to as YYYY-MM-DD');
    if (format !== 'csv' && format !== 'json') throw new UsageError('audit export needs --format csv or --format json');
    const { db, audit } = openAudited(values['data-dir'], { mustExist: true });
    try {
      audit.append({ actor: osActor(), event: 'export.audit', detail: { from, to, format } });
      const out = (line: string) => process.stdout.write(line);
      const row = (e: StoredAuditEntry) => COLUMNS.map((c) => e[c]);
      let first = true;
      if (format === 'csv') out(COLUMNS.join(',') + '\r\n');
      else out('[');
      for (const e of audit.range(from, to)) {
        if (format === 'csv') out(row(e).map(csvField).join(',') + '\r\n');
        else out(`${first ? '\n' : ',\n'}${JSON.stringify({ ...e, detail: JSON.parse(e.detail) as unknown })}`);
        first = false;
      }
      if (format === 'json') out('\n]\n');
    } finally {
      db.close();
    }
  },
};
