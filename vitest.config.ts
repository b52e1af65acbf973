import { defineConfig } from 'vitest/config';
import { E2E_DATA_ROOT_ENV, e2eDataRoot } from './tests/support/e2e-data-root.js';

/** the e2e data-dir scan: it reads what every other e2e file left, so it runs in a group of its own, after them */
const AFTER_E2E = ['tests/e2e/data-dir-scan.e2e.test.ts'];
/** every temp folder of the e2e run in one place (tests/support/e2e-data-root.ts), for that scan */
const e2eEnv = { [E2E_DATA_ROOT_ENV]: e2eDataRoot() };

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // two files at a time on two cores (vitest's default is cores − 1 = one). Unit and e2e files share the two
    // workers, e2e files beside each other too: most files wait on processes, sockets and Chromium rather than
    // compute (the e2e files alone, one after another, kept 0.7 of a core busy: 523 s wall for 375 CPU-s), and
    // one Chromium at a time left the second core idle for ~460 s of an 867 s run (stop 34: 750–777 s together)
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // the CLI bundled once for the run's files that start it (tests/support/cli-bundle.ts)
          globalSetup: ['./tests/support/cli-bundle-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/e2e-electron/**/*.test.ts'],
          exclude: AFTER_E2E,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          env: e2eEnv,
          // the run folder made empty before and removed after the whole run (the scan's group included)
          globalSetup: ['./tests/support/e2e-global-setup.ts', './tests/support/cli-bundle-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e-after',
          include: AFTER_E2E,
          environment: 'node',
          env: e2eEnv,
          // groups run lowest first, each to its end: every e2e file has finished before the scan starts
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
