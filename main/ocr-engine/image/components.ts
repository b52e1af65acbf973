/** Bounding box of one 8-connected blob of ink. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** ink pixels */
  area: number;
}

export const boxW = (b: Box): number => b.x1 - b.x0 + 1;
export const boxH = (b: Box): number => b.y1 - b.y0 + 1;

/**
 * Connected components of a 0/1 mask (iterative flood fill; no recursion limits on big blobs).
 * 8-connectivity for ink (diagonal strokes hold together); 4-connectivity for paper regions, so
 * the counters of a glyph (the four holes of 田) are not joined through a diagonal gap.
 */
export function components(mask: Uint8Array, w: number, h: number, connectivity: 4 | 8 = 8): Box[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const out: Box[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || seen[start]) continue;
    let sp = 0;
    stack[sp++] = start;
    seen[start] = 1;
    const b: Box = { x0: w, y0: h, x1: 0, y1: 0, area: 0 };
    while (sp > 0) {
      const p = stack[--sp]!;
      const x = p % w;
      const y = (p - x) / w;
      b.area++;
      if (x < b.x0) b.x0 = x;
      if (x > b.x1) b.x1 = x;
      if (y < b.y0) b.y0 = y;
      if (y > b.y1) b.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if (connectivity === 4 && dx !== 0 && dy !== 0) continue;
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (mask[q] && !seen[q]) {
            seen[q] = 1;
            stack[sp++] = q;
          }
        }
      }
    }
    out.push(b);
  }
  return out;
}
