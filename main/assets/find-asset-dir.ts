import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A data folder that ships with the app: `env` when set, `resources/<name>` in an installed app
 * (electron-builder extraResources, outside the asar), else `assets/<name>` in a checkout (found from this
 * module's place, or from the working directory in the Electron shell's CJS bundle, where import.meta is empty).
 * The first that holds every file in `files`, or null.
 */
export function findAssetDir(name: string, files: readonly string[], env: string | undefined): string | null {
  let repo: string | null = null;
  try {
    // main/assets/find-asset-dir.ts → the checkout's root (import.meta.url is empty in the CJS bundle)
    repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  } catch {
    repo = null;
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [env, resources ? path.join(resources, name) : undefined, repo ? path.join(repo, 'assets', name) : undefined, path.resolve(process.cwd(), 'assets', name)];
  for (const c of candidates) if (c && files.every((f) => fs.existsSync(path.join(c, f)))) return c;
  return null;
}
