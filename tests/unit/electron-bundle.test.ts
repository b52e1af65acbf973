import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';
import { qrCardBack } from '../support/cards/qr-card';

/**
 * scripts/build-electron.mjs: the main process is a CommonJS bundle, so `import.meta.url` must come from
 * the injected shim, the OCR's preprocessing worker (card pixels, card-back QR) ships as prep-worker.js beside main.cjs, the
 * card reader's own thread as card-reader-worker.js, and the OCR model path is the packaged app's resources folder.
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

  it('reads a card in card-reader-worker.js (the engine\'s own thread)', async () => {
    const reader = fs.readFileSync(path.join(out, 'card-reader-worker.js'), 'utf8');
    // the packaged model path here too: the engine loads the model in this thread
    expect(reader).toMatch(/path\d*\.default\.join\(resourcesPath, "ocr", "jpn"\)/);
    const bytes = new Uint8Array(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cards', 'card-101-0000-current-flat.jpg')));
    const w = new Worker(path.join(out, 'card-reader-worker.js'), { workerData: { workers: 1 } });
    const events: { kind: string; addressMaster?: boolean; result?: { fields: { name: { value: string } } } }[] = [];
    const next = (kind: string) =>
      new Promise<(typeof events)[number]>((resolve, reject) => {
        const onMessage = (e: (typeof events)[number]) => {
          events.push(e);
          if (e.kind === kind || e.kind === 'start-failed' || e.kind === 'failed') {
            w.off('message', onMessage);
            resolve(e);
          }
        };
        w.on('message', onMessage);
        w.once('error', reject);
      });
    try {
      const ready = await next('ready');
      expect(ready).toMatchObject({ kind: 'ready', addressMaster: true, nameTableProblems: [] });
      const answer = next('read');
      w.postMessage({ id: 1, op: 'read', bytes, today: '2026-12-03' }, [bytes.buffer]);
      expect((await answer).result!.fields.name.value).toBe('中川　勇気');
      expect(events.some((e) => e.kind === 'progress')).toBe(true);
      const ended = new Promise((resolve) => w.once('exit', resolve));
      w.postMessage({ id: 0, op: 'close' });
      expect(await ended).toBe(0);
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
