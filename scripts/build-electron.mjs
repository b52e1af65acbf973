#!/usr/bin/env node
// Bundles the Electron main process and the preload. The preload must be ONE CommonJS file:
// a sandboxed preload gets a tiny `require` that knows only 'electron' and a few polyfills.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist', 'electron');
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    define: { __ICHIMADO_VERSION__: JSON.stringify(version) },
  }),
  build({
    ...common,
    entryPoints: ['preload/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    // 'browser' makes any accidental Node built-in import a build error instead of a runtime one.
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);

console.log(`built dist/electron/main.cjs and preload.cjs in ${Math.round(performance.now() - started)} ms`);
