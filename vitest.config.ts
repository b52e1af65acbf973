import { defineConfig } from 'vitest/config';
import LongFilesFirstSequencer from './tests/support/long-files-first-sequencer.js';
import { E2E_DATA_ROOT_ENV, e2eDataRoot } from './tests/support/e2e-data-root.js';

/** looks at what every other e2e file left behind, so it runs in a group of its own after them */
const DATA_DIR_SCAN = 'tests/e2e/data-dir-scan.e2e.test.ts';

/** every temp folder of the e2e files in one place, for the data-dir scan (tests/support/e2e-data-root.ts) */
const e2eEnv = { [E2E_DATA_ROOT_ENV]: e2eDataRoot() };

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    sequence: { sequencer: LongFilesFirstSequencer },
    // Two files at a time on two cores (vitest's default is cores − 1 = one): many files wait on
    // processes, sockets and Chromium rather than compute. Unit and e2e files share the two workers in
    // one group. Before (stop 27), the e2e files ran one after another in a group of their own, after the
    // unit files: ~460 s on one worker with ~0.7 of a core busy (an e2e file waits on Chromium and the app
    // host), so the whole run took 910 s; sharing, 830 s. (Two vitest processes side by side, the e2e files
    // still one at a time, took the same: the suite is CPU-bound once both cores are used.)
    // Nothing the e2e files use is exclusive: every server listens on port 0, every data dir is a fresh
    // temp folder, and the two vpcd readers are leased across processes (tests/support/virtual-card.ts).
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
          exclude: [DATA_DIR_SCAN],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          env: e2eEnv,
          globalSetup: ['./tests/support/e2e-global-setup.ts', './tests/support/cli-bundle-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e-scan',
          include: [DATA_DIR_SCAN],
          environment: 'node',
          // group 0 (unit and e2e) has ended when group 1 starts
          sequence: { groupOrder: 1 },
          env: e2eEnv,
        },
      },
    ],
  },
});
