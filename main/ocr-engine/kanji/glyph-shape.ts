import { GLYPH } from './glyph-bits';

/** A normalized glyph's ink (GLYPH × GLYPH, 1 = ink) and each cell's distance to the nearest ink. */
export interface Shape {
  bits: Uint8Array;
  dist: Float32Array;
  /** the ink box's height for its width before it was stretched to a square (absent: not recorded) */
  aspect?: number;
}

/**
 * Distance (in pixels, 3-4 chamfer / 3) from each cell to the nearest ink: two passes over the square, each cell
 * taking the least of its own and its already-visited neighbours' plus the step (3 across, 4 diagonally).
 * Neighbours outside the square are left out, as a distance no cell exceeds would be.
 */
function distanceToInk(bits: Uint8Array): Float32Array {
  const n = GLYPH;
  const d = new Float32Array(n * n).fill(1e6);
  for (let i = 0; i < d.length; i++) if (bits[i]) d[i] = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const i = y * n + x;
      let v = d[i]!;
      if (x > 0) v = Math.min(v, d[i - 1]! + 3);
      if (y > 0) {
        v = Math.min(v, d[i - n]! + 3);
        if (x > 0) v = Math.min(v, d[i - n - 1]! + 4);
        if (x < n - 1) v = Math.min(v, d[i - n + 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let y = n - 1; y >= 0; y--) {
    for (let x = n - 1; x >= 0; x--) {
      const i = y * n + x;
      let v = d[i]!;
      if (x < n - 1) v = Math.min(v, d[i + 1]! + 3);
      if (y < n - 1) {
        v = Math.min(v, d[i + n]! + 3);
        if (x < n - 1) v = Math.min(v, d[i + n + 1]! + 4);
        if (x > 0) v = Math.min(v, d[i + n - 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let i = 0; i < d.length; i++) d[i] = d[i]! / 3;
  return d;
}

export function shapeOf(bits: Uint8Array, aspect?: number): Shape {
  return aspect === undefined ? { bits, dist: distanceToInk(bits) } : { bits, dist: distanceToInk(bits), aspect };
}

/** The numbers of the comparison of ink shapes, each with its reason. */
export const GLYPH_SHAPE_TUNING = {
  /**
   * a print whose ink box is this many times flatter or taller than a drawn character's is not that character,
   * however close their stretched shapes: stretched to a square, 一 is a block of ink nearly any blurred print
   * lies inside (七 on a phone photo, its box 1.4 times as tall as wide, was nearer to it than to 七). A bar is ~0.1 as
   * tall as wide and a kanji 0.7 to 1.4; a blurred print's box grows by a pixel or two each way, and a thin
   * serif typeface's 一 on a camera photo keeps little more than its serif (a box 0.4 to 0.75 as tall as wide):
   * at 3 such prints were lost, at 5 the numerals drawn in four typefaces and four looks fared as without it
   */
  maxAspectRatio: 5,
} as const;

/** Whether a print with ink box `aspect` (height / width) may be the drawn `shape` (GLYPH_SHAPE_TUNING.maxAspectRatio). */
export function aspectFits(aspect: number, shape: Shape): boolean {
  if (shape.aspect === undefined) return true;
  const r = aspect / shape.aspect;
  return r <= GLYPH_SHAPE_TUNING.maxAspectRatio && r >= 1 / GLYPH_SHAPE_TUNING.maxAspectRatio;
}

/** Symmetric mean chamfer distance between two ink shapes: 0 for the same shape, Infinity when one is blank. */
export function chamfer(a: Shape, b: Shape): number {
  let sa = 0;
  let na = 0;
  let sb = 0;
  let nb = 0;
  for (let i = 0; i < a.bits.length; i++) {
    if (a.bits[i]) {
      sa += b.dist[i]!;
      na++;
    }
    if (b.bits[i]) {
      sb += a.dist[i]!;
      nb++;
    }
  }
  return na === 0 || nb === 0 ? Infinity : sa / na + sb / nb;
}
