import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Everything tesseract.js needs, from node_modules only: the counter PCs have no internet, and without an
 * explicit langPath tesseract.js would fetch the model from a CDN.
 * `4.0.0_best_int` is used because the default `4.0.0` model reads digits as circled numbers.
 */
export function tesseractPaths(): { langPath: string; workerPath: string; corePath: string } {
  const dataPkg = require.resolve('@tesseract.js-data/jpn/package.json');
  const tjsPkg = require.resolve('tesseract.js/package.json');
  const corePkg = require.resolve('tesseract.js-core/package.json');
  return {
    langPath: path.join(path.dirname(dataPkg), '4.0.0_best_int'),
    workerPath: path.join(path.dirname(tjsPkg), 'src', 'worker-script', 'node', 'index.js'),
    corePath: path.dirname(corePkg),
  };
}
