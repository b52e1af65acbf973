import fs from 'node:fs';
import path from 'node:path';
import { findAssetDir } from '../../assets/find-asset-dir';
import { GLYPH, unpackBits } from './glyph-bits';
import { shapeOf, type Shape } from './glyph-shape';
import { ATLAS_FILE, ATLAS_MAGIC } from './glyph-atlas-format';

/**
 * Every kanji of the name tables and the address master, drawn in three typefaces (scripts/make-glyph-atlas.ts):
 * what a printed character is compared with when a known name or place says it may be another character
 * than the model read. Loaded in the preprocessing worker, where the shape tests run; a character's
 * distance map is made the first time it is asked for.
 */
export interface GlyphAtlas {
  /** the character's shapes, one per typeface that has it; null when the atlas does not hold it */
  shapes(ch: string): Shape[] | null;
  readonly size: number;
}

const BYTES = Math.ceil((GLYPH * GLYPH) / 8);

export function parseGlyphAtlas(file: Uint8Array): GlyphAtlas | null {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8 || buf.toString('ascii', 0, 4) !== ATLAS_MAGIC) return null;
  const headerLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLen)) as { glyph: number; fonts: string[]; chars: string; aspects?: number[] };
  if (header.glyph !== GLYPH) return null;
  const chars = [...header.chars];
  const fonts = header.fonts.length;
  const base = 8 + headerLen;
  if (buf.length !== base + chars.length * fonts * BYTES) return null;
  const index = new Map(chars.map((c, i) => [c, i]));
  const made = new Map<string, Shape[]>();
  return {
    size: chars.length,
    shapes(ch) {
      const hit = made.get(ch);
      if (hit) return hit;
      const i = index.get(ch);
      if (i === undefined) return null;
      const list: Shape[] = [];
      for (let f = 0; f < fonts; f++) {
        const at = base + (i * fonts + f) * BYTES;
        const bits = unpackBits(file.subarray(at, at + BYTES));
        // a typeface that lacks the character drew nothing: not a shape to compare with
        if (bits.some((b) => b === 1)) list.push(shapeOf(bits, header.aspects?.[i * fonts + f]));
      }
      made.set(ch, list);
      return list;
    },
  };
}

let loaded: GlyphAtlas | null | undefined;

export const GLYPHS_DIR_ENV = 'ICHIMADO_GLYPHS_DIR';

/** Where the shipped atlas is: ICHIMADO_GLYPHS_DIR, resources/glyphs (installed app) or assets/glyphs. */
export function findGlyphsDir(): string | null {
  return findAssetDir('glyphs', [ATLAS_FILE], process.env[GLYPHS_DIR_ENV]);
}

/** The shipped atlas, loaded once (in the thread that runs the shape tests); null when missing. */
export function glyphAtlas(): GlyphAtlas | null {
  if (loaded === undefined) loaded = loadAtlasFile(ATLAS_FILE);
  return loaded;
}

/** An atlas file of the shipped glyphs folder (the kanji's, or the katakana's: kana-shape.ts), parsed; null when missing or unreadable. */
export function loadAtlasFile(file: string): GlyphAtlas | null {
  const dir = findGlyphsDir();
  try {
    return dir ? parseGlyphAtlas(new Uint8Array(fs.readFileSync(path.join(dir, file)))) : null;
  } catch {
    return null;
  }
}
