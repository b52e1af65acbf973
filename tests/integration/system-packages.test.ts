import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/processes';

const script = path.join(repoRoot, 'scripts', 'system-packages.mjs');
const run = (env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

/** `npm test` on a machine without the Debian packages: one line that names them and how to install them. */
describe('the system package check npm test runs first', () => {
  it('stops at once with one line naming every missing package and the install command', () => {
    const r = run({ ICHIMADO_SYSTEM_ROOT: tempDir('no-packages') }, ['--check-only']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const pkg of ['chromium', 'fonts-noto-cjk', 'fonts-ipaexfont', 'fonts-ipamj-mincho', 'poppler-utils', 'openssl']) expect(lines[0]).toContain(pkg);
    expect(lines[0]).toMatch(/apt-get install -y --no-install-recommends chromium fonts-noto-cjk/);
  });

  it('passes quietly on this machine, where they are installed', () => {
    const r = run({});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
