import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { openQueue } from '../open-queue';

export const queueStatsCommand: CliCommand = {
  name: ['queue', 'stats'],
  usage: 'queue stats --data-dir D [--json]',
  summary: '送信待ち・受理・差戻し・完了の件数を出す',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--json', 'JSON で出す'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
    const { db, repo } = openQueue(values['data-dir'], { mustExist: true });
    const s = repo.stats();
    db.close();
    process.stdout.write(
      values.json
        ? JSON.stringify(s) + '\n'
        : `合計 ${s.total} / 送信待ち ${s.pending} / 送信中 ${s.inFlight} / 送信済 ${s.delivered} / 受理 ${s.accepted} / 差戻し ${s.returned} / 完了 ${s.completed} / 要対応 ${s.failed}\n`,
    );
  },
};
