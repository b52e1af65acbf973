import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOptions } from '../../main/electron/launch-options';

/**
 * The desktop app's start-up options (issue 10, defect 12): environment overrides of the data dir
 * and the back end are for development builds only; an installed (packaged) app ignores them and
 * says which it ignored, so nobody can redirect a clerk's app by setting a variable.
 */
const appData = path.join(path.sep, 'home', 'clerk', '.config');
const env = { ICHIMADO_DATA_DIR: '/tmp/elsewhere', ICHIMADO_BACKEND_URL: 'http://attacker.example:8080' };

describe('launchOptions', () => {
  it('a packaged app uses its own data dir and configured back end, whatever the environment says', () => {
    expect(launchOptions({ isPackaged: true, env, appDataDir: appData })).toEqual({
      dataDir: path.join(appData, 'ichimado'),
      ignoredEnv: ['ICHIMADO_DATA_DIR', 'ICHIMADO_BACKEND_URL'],
    });
  });

  it('a packaged app with no overrides set ignores nothing', () => {
    expect(launchOptions({ isPackaged: true, env: { PATH: '/usr/bin' }, appDataDir: appData })).toEqual({ dataDir: path.join(appData, 'ichimado'), ignoredEnv: [] });
  });

  it('a development build honours the overrides (tests and developers point it at a simulator)', () => {
    expect(launchOptions({ isPackaged: false, env: { ICHIMADO_DATA_DIR: 'rel/dir', ICHIMADO_BACKEND_URL: 'http://127.0.0.1:8787' }, appDataDir: appData })).toEqual({
      dataDir: path.resolve('rel/dir'),
      backendUrl: 'http://127.0.0.1:8787',
      ignoredEnv: [],
    });
    expect(launchOptions({ isPackaged: false, env: {}, appDataDir: appData })).toEqual({ dataDir: path.join(appData, 'ichimado'), ignoredEnv: [] });
  });

  it('empty values count as unset', () => {
    expect(launchOptions({ isPackaged: false, env: { ICHIMADO_DATA_DIR: '', ICHIMADO_BACKEND_URL: '' }, appDataDir: appData })).toEqual({ dataDir: path.join(appData, 'ichimado'), ignoredEnv: [] });
  });
});
