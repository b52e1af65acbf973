import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { openAudited } from '../open-audit';

/** Exit code when the chain does not verify (0: intact; 1: could not run; 2: usage). */
export const AUDIT_BROKEN_EXIT = 4;

/**
 * Checks the whole audit trail against its keyed chain. Exits 0 when intact (printing the entry
 * count and the head, which an auditor may note down: only an outside copy of the head shows
 * that the newest entries were cut off), and AUDIT_BROKEN_EXIT naming the first bad entry.
 */
export const auditVerifyCommand: CliCommand = {
  name: ['audit', 'verify'],
  usage: 'audit verify --data-dir D',
  summary: '監査ログの連鎖と鍵付き検証値を確かめる（改ざんがあれば終了コード 4）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' } } });
    const { db, audit } = openAudited(values['data-dir'], { mustExist: true });
    try {
      const r = audit.verify();
      process.stdout.write(JSON.stringify(r) + '\n');
      if (!r.ok) {
        process.stderr.write(`監査ログの改ざんを検出しました: 項目 #${r.firstBadSeq} — ${r.problem}\n`);
        process.exitCode = AUDIT_BROKEN_EXIT;
      }
    } finally {
      db.close();
    }
  },
};
