import { createGray, type GrayImage } from './gray-image';

export interface Point {
  x: number;
  y: number;
}

/** 3×3 homography (row-major, h[8] = 1) mapping the 4 `from` points onto the 4 `to` points. */
export function homography(from: Point[], to: Point[]): number[] {
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return [...solve(A, b), 1];
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    if (Math.abs(piv) < 1e-12) throw new Error('degenerate quadrilateral');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/**
 * Warps the quadrilateral `quad` (top-left, top-right, bottom-right, bottom-left, in `src` pixels) to a
 * `width` × `height` rectangle. Inverse mapping with bilinear sampling; outside the source is white.
 */
export function warpQuad(src: GrayImage, quad: Point[], width: number, height: number): GrayImage {
  const dst: Point[] = [{ x: 0, y: 0 }, { x: width - 1, y: 0 }, { x: width - 1, y: height - 1 }, { x: 0, y: height - 1 }];
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = homography(dst, quad) as [number, number, number, number, number, number, number, number, number];
  const out = createGray(width, height);
  const { width: sw, height: sh, data } = src;
  const od = out.data;
  const xMax = sw - 1;
  const yMax = sh - 1;
  // every card read pays this loop (~0.9 MP): one division per pixel, integer truncation and rounding by
  // `| 0` (both coordinates are ≥ 0 past the bounds test, and so is the sample) — half the time of the
  // plain form, the same pixels on the generated sets
  for (let y = 0; y < height; y++) {
    // the row's terms once
    const wy = h7 * y;
    const xy = h1 * y;
    const yy = h4 * y;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const iw = 1 / (h6 * x + wy + h8);
      const fx = (h0 * x + xy + h2) * iw;
      const fy = (h3 * x + yy + h5) * iw;
      if (fx < 0 || fy < 0 || fx > xMax || fy > yMax) continue;
      const x0 = fx | 0;
      const y0 = fy | 0;
      const x1 = x0 < xMax ? x0 + 1 : xMax;
      const r0 = y0 * sw;
      const r1 = y0 < yMax ? r0 + sw : r0;
      const ax = fx - x0;
      const ay = fy - y0;
      const top = data[r0 + x0]! * (1 - ax) + data[r0 + x1]! * ax;
      const bot = data[r1 + x0]! * (1 - ax) + data[r1 + x1]! * ax;
      od[row + x] = (top * (1 - ay) + bot * ay + 0.5) | 0;
    }
  }
  return out;
}
