import path from 'node:path';
import type { AppServices, AppServicesOptions } from './app-services.types';
import { DB_FILE_NAME, openDatabase } from './store/open-database';
import { ApplicationRepository } from './store/application-repository';
import { HttpIntakeConnector } from './sync/http-intake-connector';
import { SyncEngine } from './sync/sync-engine';
import { createHandlers } from './api/handlers';
import { createDispatch } from './api/dispatch';
import { fileLogger } from './log';
import { localIsoDate } from './local-date';
import { loadConfig } from './config';
import { findForm } from '../../common/forms/registry';
import { startSimServer, type SimServer } from '../backend-sim/sim-server';

/** Composition root of the services: one per running app, whichever host (Electron or browser). */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const log = opts.log ?? fileLogger(opts.dataDir, true);
  const config = loadConfig(opts.dataDir);
  const db = openDatabase(path.join(opts.dataDir, DB_FILE_NAME));

  let sim: SimServer | null = null;
  let backendUrl = opts.backendUrl ?? config.backendUrl;
  if (!backendUrl) {
    // No back end configured: a simulated one, so the app can be tried; the UI says so plainly.
    sim = await startSimServer({ port: 0, dataDir: path.join(opts.dataDir, 'demo-backend') });
    backendUrl = sim.url;
  }

  const repo = new ApplicationRepository(db, Date.now, (id) => findForm(id)?.title ?? id);
  const sync = new SyncEngine(repo, new HttpIntakeConnector({ baseUrl: backendUrl }), { ...config.sync, log });
  const handlers = createHandlers({
    repo,
    sync,
    today: () => localIsoDate(),
    info: () => ({
      version: opts.appVersion,
      host: opts.host,
      today: localIsoDate(),
      backend: { url: backendUrl, simulated: sim !== null },
    }),
  });
  const dispatch = createDispatch(handlers, log);
  sync.start();
  log('info', 'services.started', { host: opts.host, simulatedBackend: sim !== null });

  return {
    dispatch,
    async close() {
      await sync.stop();
      await sim?.close();
      db.close();
      log('info', 'services.stopped');
    },
  };
}
