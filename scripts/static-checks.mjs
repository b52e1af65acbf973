#!/usr/bin/env node
// `npm test`'s type-check and lint: the four tsc projects and eslint, two at a time on the 2-core machine
// (one after another ~50 s, side by side ~43 s). Each one's output is printed whole when it ends, under its
// name; the exit code is non-zero when any failed.
//   node scripts/static-checks.mjs [tsc|eslint]   (only the checks whose name starts so: `npm run typecheck`)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
/** longest first, so the two lanes end together */
const CHECKS = [
  ['tsc tsconfig.node.json', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json']],
  ['tsc tsconfig.tests.json', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.tests.json']],
  ['eslint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
  ['tsc tsconfig.renderer.json', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.renderer.json']],
  ['tsc tsconfig.common.json', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.common.json']],
];
const LANES = 2;

function run([name, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', (err) => resolve({ name, code: 1, out: err.message, ms: Date.now() - started }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, out, ms: Date.now() - started }));
  });
}

const only = process.argv[2];
const queue = CHECKS.filter(([name]) => !only || name.startsWith(only));
if (queue.length === 0) {
  process.stderr.write(`no check is named ${only}…: tsc or eslint\n`);
  process.exit(2);
}
const results = [];
await Promise.all(Array.from({ length: LANES }, async () => {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const r = await run(next);
    results.push(r);
    process.stdout.write(`${r.code === 0 ? 'ok' : 'FAILED'}  ${r.name} (${(r.ms / 1000).toFixed(1)} s)\n${r.out}`);
  }
}));
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
