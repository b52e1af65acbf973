import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread `name` that sits beside the calling module: `name.js` beside a bundle (each
 * worker is its own esbuild entry point, scripts/build-electron.mjs), `name.ts` under tsx — whose loader
 * does not reach worker threads by itself, so the thread registers it first. Null when neither can start.
 * @param here the caller's `import.meta.url`
 * @param env variables the thread sees beside the process's (e.g. where a data folder is, found by the caller,
 *   which knows the app's resources path: a worker in a bundle cannot find it from its own place)
 * @param workerData what the thread is started with (structured-cloned)
 */
export function startModuleWorker(here: string | undefined, name: string, env: Record<string, string> = {}, workerData?: unknown): Worker | null {
  const options = { env: { ...process.env, ...env }, workerData };
  try {
    if (!here) return null;
    if (!here.endsWith('.ts')) {
      const file = fileURLToPath(new URL(`./${name}.js`, here));
      return fs.existsSync(file) ? new Worker(file, options) : null;
    }
    const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const target = new URL(`./${name}.ts`, here).href;
    return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { eval: true, ...options });
  } catch {
    return null;
  }
}
