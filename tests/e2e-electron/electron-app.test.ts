import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../common/contract/operations';
import { findElectronBinary, repoRoot } from '../support/electron-binary';
import { tempDir } from '../support/processes';

const executablePath = findElectronBinary();

if (!executablePath) {
  console.log('skipped: no Electron binary');
  describe('electron app', () => {
    it.skip('skipped: no Electron binary', () => {});
  });
} else {
  describe('electron app', () => {
    let app: ElectronApplication;
    let page: Page;
    let dataDir: string;

    beforeAll(async () => {
      if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
        throw new Error('dist/renderer is missing: run the renderer build (vite build) before this suite');
      }
      // Cheap (well under a second), and guarantees the shell under test matches the sources.
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], { cwd: repoRoot });
      // under the e2e run's folder, kept until the data-dir scan has looked at it
      dataDir = tempDir('e2e-electron');
      const env = Object.fromEntries(
        Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RUN_AS_NODE'),
      );
      app = await _electron.launch({
        executablePath,
        args: [path.join(repoRoot, 'dist', 'electron', 'main.cjs')],
        cwd: repoRoot,
        env: { ...env, ICHIMADO_DATA_DIR: dataDir },
        timeout: 30_000,
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }, 60_000);

    afterAll(async () => {
      await app?.close();
    });

    it('shows the ichimado window from app://ichimado/', async () => {
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toBe('いちまど');
      expect(page.url()).toMatch(/^app:\/\/ichimado\//);
    });

    it('exposes exactly the operations on window.ichimado and no Node globals', async () => {
      const shape = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const api = w.ichimado as Record<string, unknown>;
        return {
          keys: Object.keys(api).sort(),
          allFunctions: Object.values(api).every((v) => typeof v === 'function'),
          require: typeof w.require,
          process: typeof w.process,
          module: typeof w.module,
        };
      });
      expect(shape.keys).toEqual([...OPERATION_NAMES].sort());
      expect(shape.allFunctions).toBe(true);
      expect(shape.require).toBe('undefined');
      expect(shape.process).toBe('undefined');
      expect(shape.module).toBe('undefined');
    });

    it('refuses to open new windows', async () => {
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });

    it('answers getAppInfo over IPC', async () => {
      const result = await page.evaluate(() =>
        (window as unknown as { ichimado: { getAppInfo(input: object): Promise<unknown> } }).ichimado.getAppInfo({}),
      );
      expect(result).toMatchObject({ ok: true, value: { host: 'electron' } });
    });
  });
}
