import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

/**
 * `npm ci` on the Node version the README states prints no engine warnings: every package the lockfile
 * installs accepts the lowest Node the project claims (package.json engines, the README's "Node 20.19+").
 * Electron 41+ and electron-builder 26.1+ need Node >= 22.12; they live in packaging/ (see its package.json).
 */
const readJson = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

describe('npm engines', () => {
  const pkg = readJson('package.json') as { engines: { node: string } };
  const lowest = semver.minVersion(pkg.engines.node)!.version;

  it("the README states the same Node as package.json's engines", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const stated = /Node (\d+\.\d+)\+ is required/.exec(readme)?.[1];
    expect(stated && semver.coerce(stated)!.version).toBe(lowest);
  });

  it('every package in package-lock.json accepts that Node', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, { engines?: Record<string, string> | string[] }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(lowest, p.engines.node, { includePrerelease: true }))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} (node ${(p.engines as Record<string, string>).node})`);
    expect(refusing).toEqual([]);
  });

  it('every install script is decided: allowed (built here) or refused (downloads or advertising)', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const decided = (pkg as unknown as { allowScripts: Record<string, boolean> }).allowScripts;
    const withScripts = Object.entries(lock.packages).filter(([k, p]) => k && p.hasInstallScript).map(([k]) => k.replace(/^.*node_modules\//, ''));
    expect(withScripts.filter((n) => !(n in decided))).toEqual([]);
  });
});
