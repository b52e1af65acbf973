import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The Electron bundle's replacement for main/ocr-engine/tesseract/offline-paths.ts (swapped in by
 * scripts/build-electron.mjs). In a packaged app the model is read from `process.resourcesPath/ocr/jpn`
 * (packaging/electron-builder.yml ships it there as extraResources, outside the asar); the tesseract.js worker
 * script and wasm core come from node_modules (Electron reads the asar in worker threads too).
 * Run from a checkout (`electron dist/electron/main.cjs`), everything comes from node_modules.
 */
export function modelDir(resourcesPath: string | undefined, exists: (p: string) => boolean = fs.existsSync): string | null {
  if (!resourcesPath) return null;
  const dir = path.join(resourcesPath, 'ocr', 'jpn');
  return exists(path.join(dir, 'jpn.traineddata.gz')) || exists(path.join(dir, 'jpn.traineddata')) ? dir : null;
}

export function tesseractPaths(): { langPath: string; workerPath: string; corePath: string } {
  const require = createRequire(__filename);
  const tjsPkg = require.resolve('tesseract.js/package.json');
  const corePkg = require.resolve('tesseract.js-core/package.json');
  const packaged = modelDir((process as { resourcesPath?: string }).resourcesPath);
  return {
    langPath: packaged ?? path.join(path.dirname(require.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0_best_int'),
    workerPath: path.join(path.dirname(tjsPkg), 'src', 'worker-script', 'node', 'index.js'),
    corePath: path.dirname(corePkg),
  };
}
