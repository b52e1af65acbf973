import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBundle } from '../support/cli-bundle';
import { tempDir } from '../support/processes';

/**
 * The CLI tests run a bundle of main/cli/main.ts (tests/support/cli-bundle.ts) in a temp folder. Its modules
 * must find the checkout's assets the way the sources do under `npm run cli` — from their own place, not
 * from the working directory — or a test passing from the checkout's root would hide a missing asset.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('started outside the checkout, backend-sim still loads the seeded register from assets/register', async () => {
    const dir = tempDir('bundle-assets');
    dirs.push(dir);
    // with a client secret the simulator serves the register: the seeded one, read at start
    fs.writeFileSync(path.join(dir, 'secret'), 'bundle-assets-client-secret\n');
    const args = ['backend-sim', '--port', '0', '--data-dir', path.join(dir, 'sim'), '--client-secret-file', path.join(dir, 'secret')];
    const child = spawn(process.execPath, [await cliBundle(), ...args], {
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    // ready (it has read the register) or gone (it has not): whichever comes first
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = await Promise.race([
      new Promise<true>((resolve) => child.stdout.on('data', () => /backend-sim listening: \S+/.test(out) && resolve(true))),
      exited.then(() => false as const),
    ]);
    child.kill('SIGTERM');
    await exited;
    expect(ready, out).toBe(true);
    expect(out).not.toContain('見本の住民票ファイル');
  });
});
