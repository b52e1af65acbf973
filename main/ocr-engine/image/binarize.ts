import type { GrayImage } from './gray-image';

/**
 * Ink mask by local-mean thresholding (integral image): a pixel is ink when it is clearly darker than its
 * neighbourhood. Handles uneven lighting in camera photos and the card's pale printed pattern.
 * Returns 1 for ink, 0 for paper.
 */
export function inkMask(img: GrayImage, radius: number, offset: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const W = w + 1;
  // integer sums: 255 × a 1600 × 1600 image still fits in 32 bits
  const integral = new Uint32Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    const src = y * w;
    const above = y * W + 1;
    const here = (y + 1) * W + 1;
    for (let x = 0; x < w; x++) {
      row += data[src + x]!;
      integral[here + x] = integral[above + x]! + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const ra = (y - radius > 0 ? y - radius : 0) * W;
    const rb = (y + radius + 1 < h ? y + radius + 1 : h) * W;
    const rows = (rb - ra) / W;
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const x0 = x - radius > 0 ? x - radius : 0;
      const x1 = x + radius + 1 < w ? x + radius + 1 : w;
      const sum = integral[rb + x1]! - integral[ra + x1]! - integral[rb + x0]! + integral[ra + x0]!;
      // darker than the local mean by `offset`, without a division: v + offset < sum / area
      out[o + x] = (data[o + x]! + offset) * ((x1 - x0) * rows) < sum ? 1 : 0;
    }
  }
  return out;
}

export function stats(img: GrayImage): { mean: number; std: number } {
  let s = 0;
  let s2 = 0;
  const n = img.data.length;
  for (let i = 0; i < n; i++) {
    const v = img.data[i]!;
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)) };
}
