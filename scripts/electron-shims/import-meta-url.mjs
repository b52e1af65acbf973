// Injected into the CommonJS bundles by scripts/build-electron.mjs: `import.meta.url` is replaced by
// `__ichimado_import_meta_url`, the file URL of the bundle itself (dist/electron/main.cjs or
// prep-worker.js), so code written as ES modules (createRequire(import.meta.url), new URL('./x', import.meta.url))
// resolves beside the bundle. `__filename` is the bundle's own, as this file only ever runs inside one.
import { pathToFileURL } from 'node:url';

export const __ichimado_import_meta_url = pathToFileURL(__filename).href;
