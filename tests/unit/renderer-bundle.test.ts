import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/processes';

/**
 * The `#bench-form` page (renderer/src/screens/BenchScreen.tsx) is for `npm run bench:counter` only:
 * the production renderer (`npm run build:renderer`, vite.config.ts) leaves it out, and only
 * `vite build --mode bench` has it. Both are built here with the repo's vite.config.ts into temp dirs
 * (`--outDir`), so dist/renderer is left alone for whoever is using it.
 */
// strings only the bench code puts in a bundle: BenchScreen.tsx's element id, its form's id and title, its
// samples attribute; the keystroke probe of the 手続きナビ (components/keystroke-probe.ts) and its attribute
const MARKERS = ['bench-form', 'bench-100', '計測用（100項目）', 'data-samples', 'data-key-samples'];

function viteBuild(outDir: string, mode?: string): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', ...(mode ? ['--mode', mode] : []), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'pipe' });
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

/** What the bundle carries as code (maps excluded: their sourcesContent quotes App.tsx, which names the page). */
function shipped(dir: string): { code: string; bundledSources: string[] } {
  const all = files(dir);
  const code = all.filter((f) => /\.(js|html|css)$/.test(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const bundledSources = all.filter((f) => f.endsWith('.js.map')).flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { sources: string[] }).sources);
  return { code, bundledSources };
}

describe('the renderer bundle', () => {
  it('production build: no #bench-form page', () => {
    const out = tempDir('renderer-prod');
    try {
      viteBuild(out);
      const { code, bundledSources } = shipped(out);
      expect(code).toContain('いちまど'); // it is the app
      for (const m of MARKERS) expect(code, m).not.toContain(m);
      expect(bundledSources.filter((s) => /BenchScreen/.test(s))).toEqual([]);
      expect(files(out).filter((f) => /bench/i.test(path.basename(f)))).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('bench build (bench:counter): the page is there, in its own chunk', () => {
    const out = tempDir('renderer-bench');
    try {
      viteBuild(out, 'bench');
      const { code, bundledSources } = shipped(out);
      for (const m of MARKERS) expect(code, m).toContain(m);
      expect(bundledSources.some((s) => s.endsWith('screens/BenchScreen.tsx'))).toBe(true);
      expect(files(out).some((f) => /^BenchScreen-.*\.js$/.test(path.basename(f)))).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
