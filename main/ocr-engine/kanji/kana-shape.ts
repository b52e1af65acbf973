import type { GrayImage } from '../image/gray-image';
import { loadAtlasFile, type GlyphAtlas } from './glyph-atlas';
import { KANA_ATLAS_FILE } from './glyph-atlas-format';
import { shapeDistances } from './variant-shape';

/**
 * The katakana drawn in the card typefaces (assets/glyphs/kana-glyphs.bin, scripts/make-glyph-atlas.ts): what a
 * フリガナ's printed kana is compared with when the name tables say which readings it may be. Loaded once, in
 * the preprocessing worker where the shape tests run; null when the file is missing.
 */
let loaded: GlyphAtlas | null | undefined;

export function kanaAtlas(): GlyphAtlas | null {
  if (loaded === undefined) loaded = loadAtlasFile(KANA_ATLAS_FILE);
  return loaded;
}

/** Every katakana the atlas draws (ァ … ヶ, ー): what a printed kana is ranked among. */
export const KATAKANA = [...Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)), 'ー'];

/** How far a printed kana is from each of `chars`' nearest drawing (lower is closer); null when it cannot be judged. */
export function kanaDistances(glyph: GrayImage, chars: Iterable<string> = KATAKANA): Map<string, number> | null {
  const atlas = kanaAtlas();
  return atlas ? shapeDistances(glyph, chars, (c) => atlas.shapes(c)) : null;
}
