// Before an installer is built: electron-builder.yml must pass electron-builder's own schema, and the
// Electron it names must be the one installed here (the one the shell was just typechecked against).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';

const require = createRequire(import.meta.url);
const config = yaml.load(readFileSync(new URL('./electron-builder.yml', import.meta.url), 'utf8'));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
await validateConfiguration(config, { isEnabled: false, add: () => {} });
const installed = require('electron/package.json').version;
if (config.electronVersion !== installed) {
  console.error(`electron-builder.yml names Electron ${config.electronVersion}, packaging/ has ${installed} installed: make them the same`);
  process.exit(1);
}
console.log(`electron-builder.yml: valid; Electron ${installed}`);
