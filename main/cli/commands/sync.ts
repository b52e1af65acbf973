import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { DB_FILE_NAME, openDatabase } from '../../services/store/open-database';
import { ApplicationRepository } from '../../services/store/application-repository';
import { HttpIntakeConnector } from '../../services/sync/http-intake-connector';
import { SyncEngine } from '../../services/sync/sync-engine';
import { defaultDataDir } from '../../services/default-data-dir';
import { fileLogger } from '../../services/log';

export const syncCommand: CliCommand = {
  name: ['sync'],
  usage: 'sync --data-dir D --backend URL --until-empty [--timeout-s N]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        backend: { type: 'string' },
        'until-empty': { type: 'boolean', default: false },
        'timeout-s': { type: 'string', default: '600' },
      },
    });
    if (!values.backend) throw new UsageError('sync needs --backend URL');
    if (!values['until-empty']) throw new UsageError('sync needs --until-empty (the app syncs continuously by itself)');
    const timeoutS = Number(values['timeout-s']);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError('--timeout-s must be a positive number of seconds');
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
    const repo = new ApplicationRepository(db);
    const engine = new SyncEngine(repo, new HttpIntakeConnector({ baseUrl: values.backend }), {
      backoffBaseMs: 200,
      backoffCapMs: 5000,
      log: fileLogger(dataDir, false),
    });
    const emptied = await engine.runUntilEmpty(timeoutS * 1000);
    const s = repo.stats();
    db.close();
    process.stdout.write(JSON.stringify({ emptied, ...s }) + '\n');
    if (!emptied) process.exitCode = 3;
  },
};
