import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestQueue } from '../support/queue';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { cliBundle } from '../support/cli-bundle';
import { repoRoot, runCli, tempDir } from '../support/processes';

/** an OCR CLI run starts its own worker pool and model: seconds alone, far more on a loaded 2-core machine */
const OCR_CLI_TEST_MS = 120_000;

/** The CLI as a shell user pipes it: a reader that stops early is not an error, and failures show in the exit code. */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs `cli <args> | head -n 1` in a real shell; returns the CLI's own exit code and stderr. */
async function pipedToHead(args: string[]): Promise<{ cliCode: number; stdout: string; stderr: string }> {
  const cli = [process.execPath, await cliBundle(), ...args].map((a) => `'${a}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `${cli} | head -n 1; exit "\${PIPESTATUS[0]}"`], { cwd: repoRoot, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('exit', (code) => resolve({ cliCode: code ?? -1, stdout, stderr }));
  });
}

describe('cli output', () => {
  it('queue export piped into `head -n 1` stops quietly: one line out, no EPIPE trace, exit 0', async () => {
    const dir = tempDir('cli-pipe');
    dirs.push(dir);
    const { db, repo } = openTestQueue(dir);
    try {
      repo.enqueueMany(sampleApplications(3000, 11));
    } finally {
      db.close();
    }
    const r = await pipedToHead(['queue', 'export', '--data-dir', dir, '--json']);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(r.cliCode).toBe(0);
  });

  it('ocr exits non-zero when any image failed, after printing a line for every image', async () => {
    const files = ['tests/fixtures/cards/card-101-0000-current-flat.jpg', 'no/such/file.png'];
    const r = await runCli(['ocr', '--json', ...files], 90_000);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 件/);
  }, OCR_CLI_TEST_MS);

  it('ocr prints no 性別 for a next-generation card, which has none', async () => {
    const r = await runCli(['ocr', 'tests/fixtures/cards/card-102-0000-next-gen-scanner.png'], 90_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\[next-gen\]/);
    expect(r.stdout).not.toMatch(/性別/);
  }, OCR_CLI_TEST_MS);
});
