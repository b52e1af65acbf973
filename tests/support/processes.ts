import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_DATA_ROOT_ENV } from './e2e-data-root';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A new temp folder: under the e2e run's folder in the e2e project (see e2e-data-root.ts), else the OS temp dir. */
export function tempDir(prefix: string): string {
  const root = process.env[E2E_DATA_ROOT_ENV];
  if (root) fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  return fs.mkdtempSync(path.join(root ?? os.tmpdir(), `ichimado-${prefix}-`));
}

export interface Proc {
  child: ChildProcess;
  /** the URL the process printed on its ready line */
  url: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs a TypeScript entry point of ours in its own Node process: through tsx, as a user would, or — the CLI
 * and browser mode under vitest — the run's esbuild bundle of the same sources (tests/support/cli-bundle.ts).
 * `via: 'tsx'` keeps tsx for a test of the start itself (`npm run start:browser`, training.e2e).
 */
export async function startTs(entry: string, args: string[], readyPattern: RegExp, timeoutMs = 30_000, via: 'bundle-if-any' | 'tsx' = 'bundle-if-any'): Promise<Proc> {
  const { sharedEntryBundle } = await import('./cli-bundle');
  const bundle = via === 'tsx' ? null : await sharedEntryBundle(entry);
  const child = spawn(process.execPath, bundle ? [bundle, ...args] : ['--import', 'tsx', path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc = (url: string): Proc => ({
    child,
    url,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not become ready in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = readyPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(proc(m[1]!));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** The back-end simulator as its own process; `flags` are the CLI's (faults, auth, TLS, files). */
export function startBackendSim(dataDir: string, port = 0, flags: string[] = []): Promise<Proc> {
  return startTs('main/cli/main.ts', ['backend-sim', '--port', String(port), '--data-dir', dataDir, ...flags], /backend-sim listening: (\S+)/);
}

/** The app's JSON-lines log in a data dir, parsed (empty when nothing was logged yet). */
export function readAppLog(dataDir: string): Record<string, unknown>[] {
  const file = path.join(dataDir, 'logs', 'ichimado.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function startBrowserMode(dataDir: string, backendUrl?: string, extra: string[] = []): Promise<Proc> {
  const args = ['--port', '0', '--data-dir', dataDir, ...(backendUrl ? ['--backend', backendUrl] : []), ...extra];
  return startTs('main/host/browser-main.ts', args, /ichimado browser mode: (\S+)/);
}

/**
 * Runs the CLI to completion and returns its output; `stdin` is written to its standard input.
 * It runs the run's bundle of main/cli/main.ts (tests/support/cli-bundle.ts: one plain `node` start, not
 * tsx's compile-on-start, same modules, same asset lookup); runCliAsUser is the `npm run cli` path itself.
 */
export async function runCli(args: string[], timeoutMs = 60_000, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { cliBundle, runBundledCli } = await import('./cli-bundle');
  const { code, stdout, stderr } = await runBundledCli(await cliBundle(), args, timeoutMs, {}, stdin);
  return { code, stdout, stderr };
}

/** Runs `npm run --silent cli -- <args>` in the checkout, exactly as the README tells city IT staff to. */
export function runCliAsUser(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function getJson(url: string): Promise<unknown> {
  const r = await fetch(url);
  return r.json();
}

export async function waitFor<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
