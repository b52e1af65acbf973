import type { GrayImage } from '../image/gray-image';
import { inkMask } from '../image/binarize';
import { boxH, boxW, components, type Box } from '../image/components';

export interface TextLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** median height of the glyph blobs: the text size, robust to dots and hyphens */
  glyphH: number;
  blobs: number;
}

/**
 * Finds horizontal text lines on a warped card by grouping glyph-sized ink blobs that sit on the same row
 * and are close together. Field positions then come from what each line says, not from fixed boxes.
 * `scale` is the card width in px / 1000, so thresholds follow the card's size.
 */
export function findTextLines(card: GrayImage): TextLine[] {
  const s = card.width / 1000;
  const mask = inkMask(card, Math.round(15 * s), 18);
  const maxH = 90 * s;
  const blobs = components(mask, card.width, card.height).filter(
    (b) => boxH(b) <= maxH && boxW(b) <= 140 * s && b.area >= 3 && !(boxW(b) > 4 * boxH(b) && boxW(b) > 60 * s),
  );
  blobs.sort((a, b) => a.x0 - b.x0);
  interface Acc extends Box {
    heights: number[];
  }
  const lines: Acc[] = [];
  for (const b of blobs) {
    const bh = boxH(b);
    let best: Acc | null = null;
    let bestOverlap = 0;
    for (const l of lines) {
      const lh = median(l.heights);
      const overlap = Math.min(l.y1, b.y1) - Math.max(l.y0, b.y0) + 1;
      if (overlap < 0.45 * Math.min(bh, lh)) continue;
      if (b.x0 - l.x1 > 1.4 * Math.max(lh, Math.min(bh, lh * 1.5)) + 4 * s) continue;
      // a blob much taller than the line (photo edge, stamp) does not join it
      if (bh > 2.2 * lh && bh > 20 * s) continue;
      if (overlap > bestOverlap) {
        best = l;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.x1 = Math.max(best.x1, b.x1);
      best.y0 = Math.min(best.y0, b.y0);
      best.y1 = Math.max(best.y1, b.y1);
      best.area += b.area;
      best.heights.push(bh);
    } else lines.push({ ...b, heights: [bh] });
  }
  return lines
    .map((l) => ({ x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: median(l.heights), blobs: l.heights.length }))
    .filter((l) => l.glyphH >= 8 * s && l.x1 - l.x0 >= 14 * s && l.blobs >= 2)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
