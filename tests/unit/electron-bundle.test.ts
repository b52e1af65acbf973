import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';
import { qrCardBack } from '../support/cards/qr-card';

/**
 * scripts/build-electron.mjs: the main process is a CommonJS bundle, so `import.meta.url` must come from
 * the injected shim, the OCR's preprocessing worker (card pixels, card-back QR) ships as prep-worker.js beside main.cjs, and the
 * OCR model path is the packaged app's resources folder.
 */
describe('the Electron bundles', () => {
  const out = path.join(repoRoot, 'dist', 'electron');
  it('build, with the OCR pieces in place', () => {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], { cwd: repoRoot, stdio: 'pipe' });
    const main = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
    // no bare import.meta left in code (the bundle's comments may mention it)
    expect(main.split('\n').filter((l) => /import\.meta\.url/.test(l) && !/^\s*(\/\/|\*)/.test(l))).toEqual([]);
    expect(main).toContain('__ichimado_import_meta_url = (0, import_node_url.pathToFileURL)(__filename).href');
    // the packaged model path (main/electron/ocr-paths.ts) replaced main/ocr-engine/tesseract/offline-paths.ts
    expect(main).toMatch(/path\d*\.default\.join\(resourcesPath, "ocr", "jpn"\)/);
    // tesseract.js, sharp and smartcard (PC/SC, native) load from node_modules at run time
    expect(main).toMatch(/require\("tesseract\.js"\)/);
    expect(main).toMatch(/require\("sharp"\)/);
    // (smartcard through createRequire on first use, which esbuild renames require2)
    expect(main).toMatch(/require\d*\("smartcard"\)/);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  }, 60_000);

  it('runs the preprocessing worker from prep-worker.js', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cards', 'card-101-0000-current-flat.jpg')));
    const w = new Worker(path.join(out, 'prep-worker.js'));
    try {
      const answer = await new Promise<{ value?: { views: { card: { width: number } }[] }; error?: unknown }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ id: 1, req: { op: 'prepare', bytes } });
      });
      expect(answer.error).toBeUndefined();
      expect(answer.value!.views[0]!.card.width).toBeGreaterThan(1000);
    } finally {
      await w.terminate();
    }
  }, 60_000);

  it('decodes the card back\'s QR code in prep-worker.js (the qr op)', async () => {
    const bytes = new Uint8Array(await qrCardBack('123456789018', { desk: true }));
    const w = new Worker(path.join(out, 'prep-worker.js'));
    try {
      const answer = await new Promise<{ value?: { text: string | null }; error?: unknown }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ id: 1, req: { op: 'qr', bytes } }, [bytes.buffer]);
      });
      expect(answer).toEqual({ id: 1, value: { text: '123456789018' } });
    } finally {
      await w.terminate();
    }
  }, 60_000);
});
