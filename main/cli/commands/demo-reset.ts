import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { DB_FILE_NAME, openStore } from '../../services/store/open-database';
import { defaultDataDir } from '../../services/default-data-dir';
import { demoDataDir, hasProductionConfig } from '../../services/app-mode';
import { resetDemoStore } from '../../services/demo/demo-reset';
import { loadConfig } from '../../services/config';
import { openAuditLog, osActor, terminalId } from '../../services/audit/open-audit-log';
import { SimStore, SIM_DB_FILE } from '../../backend-sim/sim-store';

/** A production data dir (its config names a real system, or its database is stamped production): never reset. */
class ProductionDataDirError extends Error {
  constructor(dir: string) {
    super(`${dir} は本番用のデータフォルダです（config.json に送信先または住基の設定があります）。研修データのリセットはできません。何も変更していません。`);
    this.name = 'ProductionDataDirError';
  }
}

/** The folder of the embedded simulator inside a demo data dir (app-services.ts). */
const DEMO_BACKEND_DIR = 'demo-backend';

/**
 * `demo reset`: the demo's data back to its seeded state, as the trainer panel's 「研修データを初期状態に戻す」
 * does — cases and applications gone (in the counter and in the embedded simulator), accounts and
 * audit trail kept, the reset recorded in the audit trail. Refuses a production data dir before opening it.
 */
export const demoResetCommand: CliCommand = {
  name: ['demo', 'reset'],
  usage: 'demo reset [--data-dir D]',
  summary: '研修モードのデータ（来庁ケース・申請・模擬バックエンドの受付）を初期状態に戻す（本番のデータフォルダは拒否）',
  options: [['--data-dir D', '研修用のデータフォルダ（省略時は研修モードの既定の保存先。起動時に表示されます）']],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' } } });
    const dataDir = path.resolve(values['data-dir'] ?? demoDataDir(defaultDataDir()));
    if (hasProductionConfig(dataDir)) throw new ProductionDataDirError(dataDir);
    // mode 'demo': a database stamped production is refused here, before anything writes
    const store = openStore(path.join(dataDir, DB_FILE_NAME), { mustExist: true, mode: 'demo' });
    try {
      const audit = openAuditLog(store, terminalId(loadConfig(dataDir).terminalId));
      const counts = store.db
        .transaction(() => {
          const c = resetDemoStore(store.db);
          audit.append({ actor: osActor(), event: 'demo.reset', detail: { ...c, by: 'cli' } });
          return c;
        })
        .immediate();
      const simDir = path.join(dataDir, DEMO_BACKEND_DIR);
      if (fs.existsSync(path.join(simDir, SIM_DB_FILE))) {
        const sim = new SimStore(simDir, store.cipher);
        try {
          sim.clear();
        } finally {
          sim.close();
        }
      }
      process.stdout.write(`研修データを初期状態に戻しました（来庁ケース ${counts.cases} 件・申請 ${counts.applications} 件を削除、アカウントと監査ログはそのまま）: ${dataDir}\n`);
    } finally {
      store.db.close();
    }
  },
};
