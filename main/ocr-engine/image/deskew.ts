import { inkMask } from './binarize';
import { resize, type GrayImage } from './gray-image';
import { warpQuad, type Point } from './homography';

/**
 * Skew of a scanned card (small rotation on the scanner bed), in degrees, from the angle at which the
 * ink's row profile is sharpest: text lines then fall into few rows.
 */
export function estimateSkew(img: GrayImage): number {
  const k = Math.min(1, 600 / img.width);
  const small = k < 1 ? resize(img, Math.round(img.width * k), Math.round(img.height * k)) : img;
  const mask = inkMask(small, 10, 20);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < small.height; y += 1) for (let x = 0; x < small.width; x += 2) if (mask[y * small.width + x]) {
    xs.push(x);
    ys.push(y);
  }
  if (xs.length < 50) return 0;
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(small.height * 2 + small.width);
  for (let a = -8; a <= 8.001; a += 0.25) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    const off = small.width;
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t + off)]!++;
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}

/** Rotates by -`deg` about the centre, keeping the size (corners that leave the frame are lost: cards sit inside scans). */
export function rotateImage(img: GrayImage, deg: number): GrayImage {
  if (Math.abs(deg) < 0.2) return img;
  const r = (deg * Math.PI) / 180;
  const cx = img.width / 2;
  const cy = img.height / 2;
  const rot = (x: number, y: number): Point => ({
    x: cx + (x - cx) * Math.cos(r) - (y - cy) * Math.sin(r),
    y: cy + (x - cx) * Math.sin(r) + (y - cy) * Math.cos(r),
  });
  const w = img.width - 1;
  const h = img.height - 1;
  return warpQuad(img, [rot(0, 0), rot(w, 0), rot(w, h), rot(0, h)], img.width, img.height);
}
