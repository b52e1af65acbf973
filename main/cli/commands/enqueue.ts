import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openQueue } from '../open-queue';
import { sampleApplications } from '../../services/demo/sample-applications';

export const enqueueCommand: CliCommand = {
  name: ['enqueue'],
  usage: 'enqueue --data-dir D --sample N [--seed S]',
  summary: '架空の申請を送信待ちに積む（負荷試験用。実データは使わない）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--sample N', '積む件数（1〜1000000）'],
    ['--seed S', '架空データの乱数の種（既定 1）'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string', default: '1' } } });
    const n = Number(values.sample);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError('--sample must be 1..1000000 synthetic applications');
    const { db, repo } = openQueue(values['data-dir'], { mustExist: false });
    try {
      const apps = sampleApplications(n, Number(values.seed));
      // batches of 1000 per transaction: durable and fast, and a kill loses at most one batch
      for (let i = 0; i < apps.length; i += 1000) repo.enqueueMany(apps.slice(i, i + 1000));
      process.stdout.write(JSON.stringify({ enqueued: n, cases: new Set(apps.map((a) => a.caseId)).size }) + '\n');
    } finally {
      db.close();
    }
  },
};
