import os from 'node:os';
import path from 'node:path';

/**
 * One folder per e2e run that holds every temp folder the e2e tests make (data dirs, simulator dirs,
 * card images): tests/support/processes.ts `tempDir` puts them there when this variable is set, and the
 * data-dir scan (tests/e2e/data-dir-scan.e2e.test.ts, run last) walks it. Set for the e2e project only
 * (vitest.config.ts), so unit tests' deliberate plaintext never lands in it.
 */
export const E2E_DATA_ROOT_ENV = 'ICHIMADO_TEST_DATA_ROOT';

/** Keeps the folder after the run, to look at what the scan found. */
export const KEEP_E2E_DATA_ENV = 'ICHIMADO_KEEP_E2E_DATA';

/** The folder for the vitest process `pid`: each run (and each engineer's) gets its own. */
export function e2eDataRoot(pid = process.pid): string {
  return path.join(os.tmpdir(), `ichimado-e2e-run-${pid}`);
}
