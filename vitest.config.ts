import { defineConfig } from 'vitest/config';
import LastFileSequencer from './tests/support/last-file-sequencer.js';
import { E2E_DATA_ROOT_ENV, e2eDataRoot } from './tests/support/e2e-data-root.js';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // the e2e data-dir scan runs after every other e2e file (see tests/support/last-file-sequencer.ts)
    sequence: { sequencer: LastFileSequencer },
    // two files at a time on two cores (vitest's default is cores − 1 = one): most files wait on processes,
    // sockets and Chromium rather than compute; e2e files still run one after another (fileParallelism below)
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
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // two cores: one Chromium at a time keeps timings honest. Stop 27 let unit and e2e files share the two
          // workers (910 → 830 s in vitest), but under that load an e2e step outran its 30 s wait in CI
          // (chip-card: no 手続き shown after 手続きを調べる), so the e2e files run one after another again
          fileParallelism: false,
          // every temp folder of the run in one place, for the data-dir scan that runs last
          env: { [E2E_DATA_ROOT_ENV]: e2eDataRoot() },
          globalSetup: ['./tests/support/e2e-global-setup.ts', './tests/support/cli-bundle-setup.ts'],
        },
      },
    ],
  },
});
