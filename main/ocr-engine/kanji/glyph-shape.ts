import { GLYPH } from './glyph-bits';

/** A normalized glyph's ink (GLYPH × GLYPH, 1 = ink) and each cell's distance to the nearest ink. */
export interface Shape {
  bits: Uint8Array;
  dist: Float32Array;
}

/** Distance (in pixels, 3-4 chamfer / 3) from each cell to the nearest ink. */
function distanceToInk(bits: Uint8Array): Float32Array {
  const n = GLYPH;
  const d = new Float32Array(n * n).fill(1e6);
  for (let i = 0; i < d.length; i++) if (bits[i]) d[i] = 0;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= n || y >= n ? 1e6 : d[y * n + x]!);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) d[y * n + x] = Math.min(d[y * n + x]!, at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4);
  for (let y = n - 1; y >= 0; y--) for (let x = n - 1; x >= 0; x--) d[y * n + x] = Math.min(d[y * n + x]!, at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4);
  for (let i = 0; i < d.length; i++) d[i] = d[i]! / 3;
  return d;
}

export function shapeOf(bits: Uint8Array): Shape {
  return { bits, dist: distanceToInk(bits) };
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
