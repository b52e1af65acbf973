import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './processes';

const bundled = new Map<string, Promise<string>>();

/**
 * The CLI bundled once per test file, so that tests spawning it dozens of times (kill drills)
 * pay ~0.1 s per start instead of tsx's compile-on-start.
 */
export function cliBundle(): Promise<string> {
  return bundle('main/cli/main.ts');
}

/** `cli sync` with the crash drill's seam (`--crash-after-csv N`, tests/support/crash-sync.ts), bundled the same way. */
export function crashSyncBundle(): Promise<string> {
  return bundle('tests/support/crash-sync.ts');
}

function bundle(entry: string): Promise<string> {
  const known = bundled.get(entry);
  if (known) return known;
  const made = (async () => {
    const out = path.join(tempDir('cli-bundle'), 'cli.mjs');
    await build({
      entryPoints: [path.join(repoRoot, entry)],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // CommonJS dependencies bundled into ESM still call require()
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      external: ['better-sqlite3', 'sharp', 'tesseract.js', 'smartcard'],
      nodePaths: [path.join(repoRoot, 'node_modules')],
      logLevel: 'error',
    });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(path.dirname(out), 'node_modules'));
    return out;
  })();
  bundled.set(entry, made);
  return made;
}

export function spawnCli(bundle: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });
}

export function runBundledCli(
  bundle: string,
  args: string[],
  timeoutMs = 60_000,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawnCli(bundle, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr, signal });
    });
  });
}
