import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../support/electron-binary';

describe('findElectronBinary', () => {
  let root: string;
  const savedOverride = process.env.ELECTRON_OVERRIDE_DIST_PATH;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ichimado-electron-bin-'));
    mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    if (savedOverride === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = savedOverride;
  });

  it('is null without path.txt (package installed, binary never downloaded)', () => {
    expect(findElectronBinary(root)).toBeNull();
  });

  it('is null when path.txt names a file that is not there', () => {
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root)).toBeNull();
  });

  it('finds the executable named by path.txt', () => {
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const exe = path.join(root, 'node_modules', 'electron', 'dist', 'electron');
    writeFileSync(exe, '');
    expect(findElectronBinary(root)).toBe(exe);
  });
});
