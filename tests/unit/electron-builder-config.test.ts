import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { repoRoot } from '../support/processes';

/** packaging/electron-builder.yml: valid for electron-builder's own schema, and the settings that matter pinned. */
type Config = Record<string, unknown> & {
  electronVersion: string;
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: string[]; category: string };
};
const config = yaml.load(readFileSync(path.join(repoRoot, 'packaging', 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  // electron-builder's own schema check runs in packaging/ (`npm --prefix packaging run check`, before every
  // installer build): electron-builder needs Node >= 22.12 and is not installed on Node 20 development machines.
  it('names the Electron that packaging/ installs, newer than the one the shell is tested with here', () => {
    const packaging = JSON.parse(readFileSync(path.join(repoRoot, 'packaging', 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(config.electronVersion).toBe(packaging.devDependencies.electron);
    expect(Number(String(config.electronVersion).split('.')[0])).toBeGreaterThanOrEqual(Number(root.devDependencies.electron!.split('.')[0]));
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

  it('ships the OCR model, fonts, name readings, the address master and the glyph atlas as extra resources, from folders that exist', () => {
    expect(config.extraResources).toEqual([
      { from: 'node_modules/@tesseract.js-data/jpn/4.0.0_best_int', to: 'ocr/jpn' },
      { from: 'assets/fonts', to: 'fonts' },
      { from: 'assets/names', to: 'names' },
      { from: 'assets/address', to: 'address' },
      { from: 'assets/glyphs', to: 'glyphs' },
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
