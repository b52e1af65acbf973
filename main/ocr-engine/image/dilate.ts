/**
 * Dilation of a 0/1 mask by a (2r+1)² square: 1 wherever a 1 lies within r pixels in both directions.
 * Separable (a row pass, then a column pass, each a running count over its window), so it costs the same
 * for any r; the direct form's (2r+1)² writes per set pixel made the card finder's r = 5 pass ~10 ms.
 */
export function dilateSquare(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return mask.slice();
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    let n = 0;
    // the window [x - r, x + r] clipped to the row; its count is kept as x moves
    for (let x = 0; x < Math.min(r, w); x++) n += mask[o + x]!;
    for (let x = 0; x < w; x++) {
      if (x + r < w) n += mask[o + x + r]!;
      if (x - r - 1 >= 0) n -= mask[o + x - r - 1]!;
      rows[o + x] = n > 0 ? 1 : 0;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let n = 0;
    for (let y = 0; y < Math.min(r, h); y++) n += rows[y * w + x]!;
    for (let y = 0; y < h; y++) {
      if (y + r < h) n += rows[(y + r) * w + x]!;
      if (y - r - 1 >= 0) n -= rows[(y - r - 1) * w + x]!;
      out[y * w + x] = n > 0 ? 1 : 0;
    }
  }
  return out;
}
