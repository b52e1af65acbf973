import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { repoRoot } from '../support/processes';

/** electron-builder.yml: valid for electron-builder's own schema, and the settings that matter pinned. */
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: string[]; category: string };
};
const config = yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { perMachin: true } }, { isEnabled: false, add: () => {} })).rejects.toThrow(/Invalid configuration object/);
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per machine with a chooser, and never auto-publishes', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config).toHaveProperty('publish', null);
  });

  it('packs into asar and unpacks native modules', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asarUnpack.some((v) => v.includes('better-sqlite3'))).toBe(true);
  });

  it('ships the OCR model, fonts, name readings and the address master as extra resources, from folders that exist', () => {
    expect(config.extraResources).toEqual([
      { from: 'node_modules/@tesseract.js-data/jpn/4.0.0_best_int', to: 'ocr/jpn' },
      { from: 'assets/fonts', to: 'fonts' },
      { from: 'assets/names', to: 'names' },
      { from: 'assets/address', to: 'address' },
      { from: 'assets/register', to: 'register' },
      { from: 'assets/demo-cards', to: 'demo-cards' },
    ]);
    for (const r of config.extraResources) expect(existsSync(path.join(repoRoot, r.from)), r.from).toBe(true);
  });

  it('targets Windows x64 NSIS and Linux AppImage/deb', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
  });
});
