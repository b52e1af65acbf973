import { resize, type GrayImage } from '../image/gray-image';

/** Side of a normalized glyph: enough for the strokes that tell 高 from 髙 or 崎 from 﨑. */
export const GLYPH = 40;

/**
 * One character's ink, cut to its ink box and stretched to GLYPH × GLYPH, as 0/1 (1 = ink). Ink is what
 * is darker than halfway between a dark and a bright percentile. Null when there is no contrast.
 */
export function normalizeGlyph(img: GrayImage): Uint8Array | null {
  return normalizedGlyph(img)?.bits ?? null;
}

/**
 * normalizeGlyph's bits and the ink box's height for its width before the stretch: the stretch makes a bar (一)
 * as square as a kanji, so how flat or tall the ink was is kept beside it.
 */
export function normalizedGlyph(img: GrayImage): { bits: Uint8Array; aspect: number } | null {
  const sorted = Uint8Array.from(img.data).sort();
  const ink = sorted[Math.floor(0.01 * (sorted.length - 1))]!;
  const paper = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  if (paper - ink < 40) return null;
  const t = (ink + paper) / 2;
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! >= t) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < x0 || y1 < y0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const box: GrayImage = { width: w, height: h, data: new Uint8Array(w * h) };
  for (let y = 0; y < h; y++) box.data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
  const g = resize(box, GLYPH, GLYPH);
  const out = new Uint8Array(GLYPH * GLYPH);
  for (let i = 0; i < out.length; i++) out[i] = g.data[i]! < t ? 1 : 0;
  return { bits: out, aspect: h / w };
}

export function packBits(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i]) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

export function unpackBits(packed: Uint8Array, n = GLYPH * GLYPH): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (packed[i >> 3]! >> (i & 7)) & 1;
  return out;
}
