import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { SyncEngine } from '../../services/sync/sync-engine';
import { ConnectorRouter } from '../../services/sync/connector-router';
import { connectorContext, type ConnectorHooks } from '../../services/sync/connector-router';
import { loadConfig, type ConnectorConfig } from '../../services/config';
import { checkStoredPayload, intakePayload } from '../../services/sync/payload-checks';
import { fileLogger } from '../../services/log';
import { openQueue } from '../open-queue';
import { defaultDataDir } from '../../services/default-data-dir';

/**
 * Delivers the queue until it is empty. Safe to kill at any instant: every state change is one
 * SQLite transaction, an interrupted delivery is resent with the same idempotency key.
 */
export const syncCommand: CliCommand = {
  name: ['sync'],
  usage: 'sync --data-dir D [--backend URL] --until-empty [--timeout-s N] [--with-status]',
  summary: '送信待ちの申請を受付システムへ送り切る（試験・移行用。アプリは自分で送信する）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--backend URL', '送信先（受付システムの URL）。省略時はデータフォルダの config.json の connectors（業務ごとの送信先、ファイル連携を含む）'],
    ['--until-empty', '送信待ちがなくなるまで続ける（必須）'],
    ['--timeout-s N', '打ち切るまでの秒数（既定 600）'],
    ['--with-status', '最後に各申請の状態も出す'],
  ],
  run: (argv) => runSync(argv),
};

/**
 * `sync`'s work. `hooks` is the fault-injection seam of the crash drills (tests/support/crash-sync.ts
 * passes one that kills the process between a CSV and its manifest); the CLI passes none.
 */
export async function runSync(argv: string[], hooks: ConnectorHooks = {}): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      backend: { type: 'string' },
      'until-empty': { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '600' },
      'with-status': { type: 'boolean', default: false },
    },
  });
  if (!values['until-empty']) throw new UsageError('sync needs --until-empty (the app syncs continuously by itself)');
  const timeoutS = Number(values['timeout-s']);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError('--timeout-s must be a positive number of seconds');
  // where to send is settled before the store is opened: a usage error touches nothing
  const config = loadConfig(path.resolve(values['data-dir'] ?? defaultDataDir()));
  const fallback: ConnectorConfig | undefined = values.backend
    ? { type: 'ichimado-http', baseUrl: values.backend }
    : (config.connectors?.default ?? (config.backendUrl ? { type: 'ichimado-http', baseUrl: config.backendUrl } : undefined));
  if (!fallback) throw new UsageError('sync needs --backend URL, or connectors.default in the data dir\'s config.json');
  const { db, repo, dataDir } = openQueue(values['data-dir'], { mustExist: true });
  // with --backend every form goes there; without, the config's routing per 業務 applies too
  const ctx = connectorContext(dataDir, values.backend ? { ...config, connectors: {} } : config);
  let router: ConnectorRouter;
  try {
    router = ConnectorRouter.fromConfig(fallback, ctx, hooks);
  } catch (err) {
    db.close();
    throw err;
  }
  const engine = new SyncEngine(repo, router, {
    backoffBaseMs: 200,
    backoffCapMs: 5000,
    concurrency: 16,
    checkPayload: checkStoredPayload,
    toIntakePayload: intakePayload,
    log: fileLogger(dataDir, false),
  });
  try {
    const emptied = await engine.runUntilEmpty(timeoutS * 1000);
    if (values['with-status']) await engine.pollStatusOnce();
    process.stdout.write(JSON.stringify({ emptied, ...repo.stats() }) + '\n');
    if (!emptied) process.exitCode = 3;
  } finally {
    router.close();
    db.close();
  }
}
