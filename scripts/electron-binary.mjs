// Where the Electron executable is, without `require('electron')`: in electron 45 that require
// starts a download when the binary is missing, which hangs on an offline counter PC.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the Electron executable, or null when it is not installed. */
export function findElectronBinary(root = repoRoot) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  // Same override the electron package itself honours, for machines with a side-loaded binary.
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const executable = path.join(distDir, relative);
  return existsSync(executable) ? executable : null;
}
