import type { GrayImage } from './gray-image';

/**
 * Ink mask by local-mean thresholding (integral image): a pixel is ink when it is clearly darker than its
 * neighbourhood. Handles uneven lighting in camera photos and the card's pale printed pattern.
 * Returns 1 for ink, 0 for paper.
 */
export function inkMask(img: GrayImage, radius: number, offset: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const W = w + 1;
  const integral = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      integral[(y + 1) * W + x + 1] = integral[y * W + x + 1]! + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const sum = integral[y1 * W + x1]! - integral[y0 * W + x1]! - integral[y1 * W + x0]! + integral[y0 * W + x0]!;
      const mean = sum / ((x1 - x0) * (y1 - y0));
      out[y * w + x] = data[y * w + x]! < mean - offset ? 1 : 0;
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
