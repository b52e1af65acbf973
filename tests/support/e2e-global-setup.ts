import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { E2E_DATA_ROOT_ENV, KEEP_E2E_DATA_ENV } from './e2e-data-root';

/** The e2e project's run folder: empty at the start, removed at the end (unless asked to keep it). */
export default function setup(project: TestProject): () => void {
  const root = project.config.env[E2E_DATA_ROOT_ENV];
  if (!root) throw new Error(`${E2E_DATA_ROOT_ENV} is not set for the e2e project (vitest.config.ts)`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  return () => {
    if (process.env[KEEP_E2E_DATA_ENV]) process.stdout.write(`e2e data kept in ${root}\n`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
}
