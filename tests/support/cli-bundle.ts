import { build, type Plugin } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, tempDir } from './processes';

/** Where the run's shared CLI bundle is handed from tests/support/cli-bundle-setup.ts to the test files. */
export const SHARED_CLI_BUNDLE_KEY = 'ichimadoCliBundle';
/** The same for browser mode's entry (main/host/browser-main.ts), which the e2e files start ~30 times a run. */
export const SHARED_BROWSER_HOST_BUNDLE_KEY = 'ichimadoBrowserHostBundle';

declare module 'vitest' {
  export interface ProvidedContext {
    [SHARED_CLI_BUNDLE_KEY]: string;
    [SHARED_BROWSER_HOST_BUNDLE_KEY]: string;
  }
}

/**
 * The run's bundle of an entry point that tests start as a process (startTs), when the global setup made one:
 * a bundled start costs ~0.8 CPU-s for the simulator and ~3.3 for browser mode against ~1.6 and ~5.2 through
 * tsx's compile-on-start, on a 2-core machine where the whole suite is CPU-bound. Null outside vitest (bench
 * scripts start the sources through tsx, as `npm run` does).
 */
export async function sharedEntryBundle(entry: string): Promise<string | null> {
  const key = entry === 'main/cli/main.ts' ? SHARED_CLI_BUNDLE_KEY : entry === 'main/host/browser-main.ts' ? SHARED_BROWSER_HOST_BUNDLE_KEY : null;
  if (!key || !process.env.VITEST) return null;
  const { inject } = await import('vitest');
  const file = inject(key);
  return file && fs.existsSync(file) ? file : null;
}

const bundled = new Map<string, Promise<string>>();

/**
 * The CLI bundled once per run (tests/support/cli-bundle-setup.ts, vitest.config.ts), else once per
 * test file, so that tests spawning it dozens of times pay ~0.1 s per start instead of tsx's compile-on-start.
 */
export async function cliBundle(): Promise<string> {
  const shared = await sharedCliBundle();
  return shared ?? bundle('main/cli/main.ts');
}

/** `cli sync` with the crash drill's seam (`--crash-after-csv N`, tests/support/crash-sync.ts), bundled the same way. */
export function crashSyncBundle(): Promise<string> {
  return bundle('tests/support/crash-sync.ts');
}

/** The bundle the run's global setup made, when running under vitest with it configured (not in bench scripts). */
function sharedCliBundle(): Promise<string | null> {
  return sharedEntryBundle('main/cli/main.ts');
}

function bundle(entry: string): Promise<string> {
  const known = bundled.get(entry);
  if (known) return known;
  const made = buildCliBundle(entry, path.join(tempDir('cli-bundle'), 'cli.mjs'));
  bundled.set(entry, made);
  return made;
}

/**
 * Bundles `entry` (relative to the checkout) into `out`, one ESM file that `node` starts without tsx.
 * Our modules keep their own `import.meta.url` (see sourceModuleUrls), so the bundle finds the checkout's
 * assets (forms, names, address master, register, fonts, demo cards) and worker files exactly as the
 * sources do under `npm run cli`, wherever the bundle file lies and whatever the working directory.
 */
export async function buildCliBundle(entry: string, out: string): Promise<string> {
  await build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies bundled into ESM still call require()
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    // native addons, and packages that find their own files through __dirname (playwright-core: browser-mode
    // PDFs through the system Chromium; electron: its binary's path), which ESM output does not define; and the
    // S3 SDK, which the sources load only at a first S3 request (s3-exchange-area.ts): left out, a start that makes
    // none does not parse its ~1.2 MB either
    external: ['better-sqlite3', 'sharp', 'tesseract.js', 'smartcard', 'playwright-core', 'electron', '@aws-sdk/client-s3'],
    nodePaths: [path.join(repoRoot, 'node_modules')],
    plugins: [sourceModuleUrls()],
    logLevel: 'error',
  });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(path.dirname(out), 'node_modules'));
  return out;
}

/**
 * esbuild gives every bundled module the bundle's `import.meta.url`; lookups relative to a module
 * (main/assets/find-asset-dir.ts, main/services/print/font-files.ts, the OCR prep worker, createRequire)
 * would then start from the bundle's folder. This puts each of our source files' own URL in its place.
 * Dependencies in node_modules are left as esbuild bundles them.
 */
function sourceModuleUrls(): Plugin {
  return {
    name: 'source-module-urls',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
        if (!args.path.startsWith(repoRoot + path.sep) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: source.replaceAll('import.meta.url', url), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

export function spawnCli(bundle: string, args: string[], env: Record<string, string> = {}, stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  // the working directory `npm run cli` has (and runCli in processes.ts), for relative paths in arguments
  return spawn(process.execPath, [bundle, ...args], { cwd: repoRoot, stdio: [stdin, 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });
}

/** Runs the bundled CLI to completion; `stdin`, when given, is written to its standard input. */
export function runBundledCli(
  bundle: string,
  args: string[],
  timeoutMs = 60_000,
  env: Record<string, string> = {},
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawnCli(bundle, args, env, stdin === undefined ? 'ignore' : 'pipe');
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    if (stdin !== undefined) {
      child.stdin!.on('error', () => undefined); // the CLI may stop reading early (an input too large)
      child.stdin!.end(stdin);
    }
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr, signal });
    });
  });
}
