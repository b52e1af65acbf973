import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled IPAmj明朝 lives: `assets/fonts/` in a checkout, `resources/fonts/` in an
 * installed app (electron-builder extraResources), or ICHIMADO_FONTS_DIR when set.
 */
export const MJ_FONT_FILE = 'ipamjm.ttf';

export function findFontsDir(): string | null {
  let here: string | null = null;
  try {
    // empty in the Electron shell's CJS bundle; resourcesPath is used there
    here = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    here = null;
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.ICHIMADO_FONTS_DIR,
    resources ? path.join(resources, 'fonts') : undefined,
    here ? path.resolve(here, '../../../assets/fonts') : undefined,
    path.resolve(process.cwd(), 'assets/fonts'),
  ];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, MJ_FONT_FILE))) return c;
  return null;
}
