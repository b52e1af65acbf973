import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCliBundle, SHARED_CLI_BUNDLE_KEY } from './cli-bundle';

/**
 * Bundles the CLI once for the whole run (vitest.config.ts globalSetup) instead of once per test file:
 * esbuild takes 1–3 s on the 2-core machine, and a file that starts the CLI once or twice would pay more
 * for its own bundle than for tsx. In the OS temp folder, not the e2e data root: it holds no case data.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-cli-bundle-run-'));
  project.provide(SHARED_CLI_BUNDLE_KEY, await buildCliBundle('main/cli/main.ts', path.join(dir, 'cli.mjs')));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
