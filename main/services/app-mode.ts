import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * Demo (研修モード) or production: decided by the configuration, stamped into the database on its first
 * opening, and checked on every later opening before anything writes. A data dir set up for a live
 * counter can therefore never be opened as a demo (its residents' data mixed with training cases, a
 * reset wiping it), and a training data dir can never start sending to a real back end.
 */
export type AppMode = 'demo' | 'production';

/**
 * A real system named anywhere — a back end (config or --backend), a 業務's own connector, the 住民基本台帳 —
 * makes a production data dir; none → the embedded simulator with the synthetic register, demo.
 */
export function modeOf(config: Partial<Config>, backendUrl?: string): AppMode {
  const connectors = config.connectors;
  const real = backendUrl || config.backendUrl || connectors?.default || Object.keys(connectors?.byGyomu ?? {}).length > 0 || config.register;
  return real ? 'production' : 'demo';
}

/** Whether `<dir>/config.json` names a real system (read without validating: a broken file is production's to fix, not demo's). */
export function hasProductionConfig(dir: string): boolean {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Partial<Config> | null;
    return c !== null && typeof c === 'object' && modeOf(c) === 'production';
  } catch (err) {
    // a config.json that exists but cannot be parsed is still someone's production setup: never fall back to demo on it
    return (err as { code?: string }).code !== 'ENOENT';
  }
}

/** The demo's own data dir beside the production one: `ichimado` → `ichimado-demo`. */
export function demoDataDir(productionDir: string): string {
  return `${productionDir.replace(/[\\/]+$/, '')}-demo`;
}

/**
 * Where an app started without an explicit data dir keeps its data: the default folder when it holds a
 * production configuration, else the demo's own folder beside it.
 */
export function startDataDir(defaultDir: string): { dataDir: string; mode: AppMode } {
  return hasProductionConfig(defaultDir) ? { dataDir: defaultDir, mode: 'production' } : { dataDir: demoDataDir(defaultDir), mode: 'demo' };
}

const MODE_LABEL: Record<AppMode, string> = { demo: '研修モード（模擬バックエンド）', production: '本番（基幹システムに接続）' };

/** The data dir was set up for the other mode: refused before anything writes, with what to do. */
export class AppModeMismatchError extends Error {
  constructor(
    readonly stamped: AppMode,
    readonly wanted: AppMode,
  ) {
    super(
      `このデータフォルダは${MODE_LABEL[stamped]}用ですが、${MODE_LABEL[wanted]}として開こうとしました。データを守るため開きません。` +
        (stamped === 'production'
          ? '本番のデータフォルダでは研修モードを使えません。config.json の送信先（backendUrl / connectors）を確認してください。'
          : '研修用のデータフォルダは本番に使えません。本番用には別のデータフォルダ（--data-dir）に config.json を置いてください。'),
    );
    this.name = 'AppModeMismatchError';
  }

  get detail() {
    return { reason: 'mode_mismatch', stamped: this.stamped, wanted: this.wanted };
  }
}
