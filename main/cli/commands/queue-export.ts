import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openAudited } from '../open-audit';
import { osActor } from '../../services/audit/open-audit-log';
import { fileLogger } from '../../services/log';

/**
 * Admin export with decrypted payloads: personal data leaves the protected store, so every run is
 * recorded in the queue's audit log and the app log (who, when, how many — never what).
 */
export const queueExportCommand: CliCommand = {
  name: ['queue', 'export'],
  usage: 'queue export --data-dir D --json',
  summary: '申請を復号して 1 行 1 件の JSON で書き出す（管理者用。個人情報を含むため実行は監査ログに残る）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--json', 'JSON で出す（必須）'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (!values.json) throw new UsageError('queue export writes JSON lines only: pass --json');
    const { db, repo, dataDir, audit } = openAudited(values['data-dir'], { mustExist: true });
    const actor = `${os.userInfo().username}@${os.hostname()}`;
    let count = 0;
    try {
      // recorded before any personal data leaves: a run cut short is still on record
      audit.append({ actor: osActor(), event: 'export.queue', detail: { format: 'jsonl' } });
      for (const a of repo.exportAll()) {
        process.stdout.write(JSON.stringify({ id: a.id, status: a.status, caseId: a.caseId, version: a.version, receiptNumber: a.receiptNumber, payload: a.payload }) + '\n');
        count++;
      }
    } finally {
      db.close();
      fileLogger(dataDir, false)('info', 'queue.exported', { actor, count });
    }
  },
};
