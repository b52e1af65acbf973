/**
 * assets/glyphs/kanji-glyphs.bin: ATLAS_MAGIC, a little-endian u32 header length, a UTF-8 JSON header
 * { glyph, fonts, chars, aspects } (aspects: each character's ink box height for its width in each typeface, in the
 * order of the bits, two decimals) and then, for each character of `chars` in order and each typeface of `fonts`,
 * its GLYPH × GLYPH ink bits packed 8 to a byte (glyph-bits.ts). Written by scripts/make-glyph-atlas.ts.
 */
export const ATLAS_FILE = 'kanji-glyphs.bin';
export const ATLAS_MAGIC = 'IMGA';

/** The katakana drawn the same way (the フリガナ's shape tests), in a file of their own: no kanji's test meets them. */
export const KANA_ATLAS_FILE = 'kana-glyphs.bin';
