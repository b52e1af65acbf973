import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_DATA_ROOT_ENV } from '../support/e2e-data-root';
import { appDataDirs, sampleTerms, scanDirs } from '../support/personal-data-scan';

/**
 * After every other e2e file (its project, e2e-after in vitest.config.ts, runs in a later group): every file of
 * every app data dir the e2e tests used — the database with its -wal and -shm, the key, logs, the
 * embedded back end's folder, whatever else is there — read as raw bytes, holds none of the test
 * residents' names and no 12-digit number (the ones typed, or any that passes the 個人番号 check digit).
 *
 * The simulator's own data dirs (cli backend-sim) are not scanned: that process stands for the city's
 * back office, which is meant to receive the applications; only what stays on the counter PC is.
 * Neither are the tests' own outputs (card images, test-results/ PDFs and screenshots).
 */
describe('personal data at rest after the e2e run', () => {
  const root = process.env[E2E_DATA_ROOT_ENV];

  it('finds the data dirs the e2e tests used', () => {
    expect(root, `${E2E_DATA_ROOT_ENV} is set for the e2e project`).toBeTruthy();
    const dirs = appDataDirs(root!);
    // run on its own there is nothing to look at: it belongs at the end of `npm run test:e2e`
    expect(dirs.length, `no app data dir under ${root}: run this after the other e2e tests`).toBeGreaterThan(0);
  });

  it('holds no test resident name and no 12-digit number in any file of them, logs and -wal/-shm included', () => {
    const dirs = appDataDirs(root!);
    const terms = sampleTerms();
    expect(terms.names.length).toBeGreaterThan(5);
    expect(terms.numbers.length).toBeGreaterThan(0);
    const { files, bytes, hits } = scanDirs(root!, dirs, terms);
    process.stdout.write(`data-dir scan: ${dirs.length} data dirs, ${files} files, ${Math.round(bytes / 1024)} KiB, ${terms.names.length} names, ${terms.numbers.length} numbers: ${hits.length} hits\n`);
    // the scan really read the databases and their WAL
    expect(dirs.some((d) => fs.existsSync(path.join(d, 'ichimado.db')))).toBe(true);
    const byFile = new Map<string, string[]>();
    for (const h of hits) byFile.set(h.file, [...(byFile.get(h.file) ?? []), `${h.what} @${h.offset}: …${h.context}…`].slice(0, 5));
    expect(Object.fromEntries(byFile)).toEqual({});
  });
});
