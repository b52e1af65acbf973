import path from 'node:path';

/**
 * What the desktop app starts with. Environment overrides (ICHIMADO_DATA_DIR, ICHIMADO_BACKEND_URL)
 * are for development builds (`electron main.cjs` from a checkout, the e2e tests): an installed,
 * packaged app ignores them, so a variable set on a counter PC cannot move its data or send
 * applications elsewhere; there the data dir is the OS user-data folder and the back end is
 * config.json's (checked there: https off this machine). Free of any `electron` import (unit-tested).
 */
export const ENV_OVERRIDES = ['ICHIMADO_DATA_DIR', 'ICHIMADO_BACKEND_URL'] as const;

export interface LaunchOptions {
  dataDir: string;
  /** only in a development build */
  backendUrl?: string;
  /** overrides set in the environment but ignored (packaged app): logged so IT sees why they had no effect */
  ignoredEnv: string[];
}

export function launchOptions(a: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>>; appDataDir: string }): LaunchOptions {
  const fallbackDir = path.join(a.appDataDir, 'ichimado');
  const set = ENV_OVERRIDES.filter((k) => (a.env[k] ?? '') !== '');
  if (a.isPackaged) return { dataDir: fallbackDir, ignoredEnv: [...set] };
  const dataDir = a.env.ICHIMADO_DATA_DIR ? path.resolve(a.env.ICHIMADO_DATA_DIR) : fallbackDir;
  return { dataDir, ...(a.env.ICHIMADO_BACKEND_URL ? { backendUrl: a.env.ICHIMADO_BACKEND_URL } : {}), ignoredEnv: [] };
}
