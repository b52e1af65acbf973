import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

/** The README's example case file, run as the README says, prints what the README shows (so it stays true). */
describe("the README's navigator example", () => {
  it('runs through cli navigator and prints the output the README shows', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const at = readme.indexOf('<!-- navigator-example');
    expect(at).toBeGreaterThan(0);
    const after = readme.slice(at);
    const caseJson = /```json\n([\s\S]*?)```/.exec(after)![1]!;
    const shown = /```text\n([\s\S]*?)```/.exec(after)![1]!;
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main/cli/main.ts'), 'navigator', '--today', '2026-11-20'], {
      cwd: repoRoot,
      input: caseJson,
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(shown);
  });
});
