import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCliBundle, SHARED_BROWSER_HOST_BUNDLE_KEY, SHARED_CLI_BUNDLE_KEY } from './cli-bundle';

/**
 * Bundles the CLI and browser mode's entry once for the whole run (vitest.config.ts globalSetup) instead of
 * once per test file: esbuild takes 1–3 s on the 2-core machine, and a file that starts them once or twice
 * would pay more for its own bundle than for tsx. In the OS temp folder, not the e2e data root: it holds no
 * case data. The two bundles sit in folders of their own (each links node_modules beside it).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // `vitest` in watch mode: no run-long bundle, which would go on starting the sources as they were at the
  // start; tests start the sources through tsx (and the CLI from a bundle made per file) as edits come
  if (project.vitest.config.watch) return () => undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-cli-bundle-run-'));
  const [cli, host] = await Promise.all([
    buildCliBundle('main/cli/main.ts', path.join(dir, 'cli', 'cli.mjs')),
    buildCliBundle('main/host/browser-main.ts', path.join(dir, 'browser-host', 'browser-main.mjs')),
  ]);
  project.provide(SHARED_CLI_BUNDLE_KEY, cli);
  project.provide(SHARED_BROWSER_HOST_BUNDLE_KEY, host);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
