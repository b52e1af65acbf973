#!/usr/bin/env node
// Bundles the Electron main process and the preload. The preload must be ONE CommonJS file:
// a sandboxed preload gets a tiny `require` that knows only 'electron' and a few polyfills.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist', 'electron');
const started = performance.now();

// The main-process bundle is CommonJS, where `import.meta.url` is undefined: code written as ES modules
// (createRequire(import.meta.url), new URL('./prep-worker.js', import.meta.url)) gets the bundle's own file
// URL from an injected shim instead.
const importMetaUrl = {
  define: { 'import.meta.url': '__ichimado_import_meta_url' },
  inject: [path.join(root, 'scripts', 'electron-shims', 'import-meta-url.mjs')],
};

/** In the app, the OCR model comes from process.resourcesPath (extraResources), not node_modules. */
const packagedOcrPaths = {
  name: 'packaged-ocr-paths',
  setup(b) {
    b.onResolve({ filter: /\/offline-paths$/ }, (args) =>
      args.importer.endsWith(path.join('main', 'ocr-engine', 'tesseract', 'tesseract-pool.ts')) ? { path: path.join(root, 'main', 'electron', 'ocr-paths.ts') } : undefined,
    );
  },
};

// Loaded at run time from node_modules: tesseract.js starts its own worker script by path; sharp and
// smartcard (PC/SC) are native.
const nodeExternals = ['electron', 'better-sqlite3', 'tesseract.js', 'sharp', 'smartcard'];

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
    external: nodeExternals,
    define: { __ICHIMADO_VERSION__: JSON.stringify(version), ...importMetaUrl.define },
    inject: importMetaUrl.inject,
    plugins: [packagedOcrPaths],
  }),
  // the OCR's preprocessing worker thread: main/ocr-engine/prep/prep-client.ts starts `prep-worker.js` beside the bundle
  build({
    ...common,
    entryPoints: ['main/ocr-engine/prep/prep-worker.ts'],
    outfile: path.join(outdir, 'prep-worker.js'),
    platform: 'node',
    target: 'node22',
    external: nodeExternals,
    ...importMetaUrl,
  }),
  // the card reader's own thread (the engine, its address master and name tables): main/services/card-reading/card-reader-thread.ts starts this file
  build({
    ...common,
    entryPoints: ['main/services/card-reading/card-reader-worker.ts'],
    outfile: path.join(outdir, 'card-reader-worker.js'),
    platform: 'node',
    target: 'node22',
    external: nodeExternals,
    define: importMetaUrl.define,
    inject: importMetaUrl.inject,
    plugins: [packagedOcrPaths],
  }),
  // 研修モード's 見本ICカード answer on a thread of their own: main/services/demo/demo-chip-cards.ts starts this file
  build({
    ...common,
    entryPoints: ['main/services/demo/demo-chip-card-worker.ts'],
    outfile: path.join(outdir, 'demo-chip-card-worker.js'),
    platform: 'node',
    target: 'node22',
    external: nodeExternals,
    ...importMetaUrl,
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
  // the resident-facing window's preload: the resident contract only (preload/resident-preload.ts)
  build({
    ...common,
    entryPoints: ['preload/resident-preload.ts'],
    outfile: path.join(outdir, 'resident-preload.cjs'),
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);

// the workers' files are CommonJS like main.cjs, but the root package.json says "type": "module"
writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

console.log(`built dist/electron/main.cjs, prep-worker.js, card-reader-worker.js, demo-chip-card-worker.js, preload.cjs and resident-preload.cjs in ${Math.round(performance.now() - started)} ms`);
