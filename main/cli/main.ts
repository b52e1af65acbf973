import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSimServer } from '../backend-sim/sim-server';
import { DB_FILE_NAME, openDatabase } from '../services/store/open-database';
import { ApplicationRepository } from '../services/store/application-repository';
import { HttpIntakeConnector } from '../services/sync/http-intake-connector';
import { SyncEngine } from '../services/sync/sync-engine';
import { defaultDataDir } from '../services/default-data-dir';
import { fileLogger } from '../services/log';

/**
 * `npm run --silent cli -- <command>` — for city IT staff, trainers and tests.
 *   backend-sim --port P --data-dir D
 *   queue stats --data-dir D [--json]
 *   sync --data-dir D --backend URL --until-empty [--timeout-s N]
 */
const USAGE = `usage:
  cli backend-sim --port P --data-dir D
  cli queue stats --data-dir D [--json]
  cli sync --data-dir D --backend URL --until-empty [--timeout-s N]`;

class UsageError extends Error {}

function args(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      backend: { type: 'string' },
      json: { type: 'boolean', default: false },
      'until-empty': { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '600' },
    },
  });
}

async function backendSim(v: ReturnType<typeof args>['values']): Promise<void> {
  const port = Number(v.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
  const dataDir = path.resolve(v['data-dir'] ?? path.join(defaultDataDir(), 'backend-sim'));
  const sim = await startSimServer({ port, dataDir });
  process.stdout.write(`backend-sim listening: ${sim.url}\n`);
  const stop = () => void sim.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openRepo(v: ReturnType<typeof args>['values']) {
  const dataDir = path.resolve(v['data-dir'] ?? defaultDataDir());
  const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
  return { dataDir, db, repo: new ApplicationRepository(db) };
}

function queueStats(v: ReturnType<typeof args>['values']): void {
  const { db, repo } = openRepo(v);
  const s = repo.stats();
  db.close();
  if (v.json) process.stdout.write(JSON.stringify(s) + '\n');
  else {
    process.stdout.write(
      `合計 ${s.total} / 送信待ち ${s.pending} / 送信中 ${s.inFlight} / 受理 ${s.accepted} / 差戻し ${s.returned} / 完了 ${s.completed} / 要対応 ${s.failed}\n`,
    );
  }
}

async function sync(v: ReturnType<typeof args>['values']): Promise<void> {
  if (!v.backend) throw new UsageError('sync needs --backend URL');
  if (!v['until-empty']) throw new UsageError('sync needs --until-empty (the app syncs continuously by itself)');
  const timeoutS = Number(v['timeout-s']);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError('--timeout-s must be a positive number of seconds');
  const { dataDir, db, repo } = openRepo(v);
  const engine = new SyncEngine(repo, new HttpIntakeConnector({ baseUrl: v.backend }), {
    backoffBaseMs: 200,
    backoffCapMs: 5000,
    log: fileLogger(dataDir, false),
  });
  const emptied = await engine.runUntilEmpty(timeoutS * 1000);
  const s = repo.stats();
  db.close();
  process.stdout.write(JSON.stringify({ emptied, ...s }) + '\n');
  if (!emptied) process.exitCode = 3;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv);
  const [cmd, sub] = positionals;
  if (cmd === 'backend-sim') return backendSim(values);
  if (cmd === 'queue' && sub === 'stats') return queueStats(values);
  if (cmd === 'sync') return sync(values);
  throw new UsageError(`unknown command: ${positionals.join(' ') || '(none)'}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const code = (err as { code?: unknown }).code;
  if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`ichimado cli: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
