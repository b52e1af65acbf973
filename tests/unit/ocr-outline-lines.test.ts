import { describe, expect, it } from 'vitest';
import { quadFromOutlineLines } from '../../main/ocr-engine/image/outline-lines';

/** a card's outline (segmentation px), its right side hidden from y0 to y1 by a round bulge of radius r */
function bulgedOutline(hidden: { y0: number; y1: number; r: number } | null): { x: number; y: number }[] {
  const edge: { x: number; y: number }[] = [];
  const [x0, y0, x1, y1] = [85, 130, 215, 212];
  for (let x = x0; x <= x1; x++) edge.push({ x: x + 0.5, y: y0 + 0.5 }, { x: x + 0.5, y: y1 + 0.5 });
  for (let y = y0; y <= y1; y++) {
    edge.push({ x: x0 + 0.5, y: y + 0.5 });
    if (!hidden || y < hidden.y0 || y > hidden.y1) edge.push({ x: x1 + 0.5, y: y + 0.5 });
  }
  if (hidden) for (let a = -80; a <= 80; a += 2) edge.push({ x: x1 + hidden.r * Math.cos((a * Math.PI) / 180), y: (hidden.y0 + hidden.y1) / 2 + hidden.r * Math.sin((a * Math.PI) / 180) });
  return edge;
}

describe("a card's four straight sides in a region's outline", () => {
  it('finds them past a round bulge over half of one side, corners clockwise from the top-left', () => {
    const q = quadFromOutlineLines(bulgedOutline({ y0: 150, y1: 190, r: 20 }), 82);
    expect(q).not.toBeNull();
    const want = [{ x: 85.5, y: 130.5 }, { x: 215.5, y: 130.5 }, { x: 215.5, y: 212.5 }, { x: 85.5, y: 212.5 }];
    q!.forEach((p, i) => expect(Math.hypot(p.x - want[i]!.x, p.y - want[i]!.y)).toBeLessThan(1.5));
  });
  it('finds none where a side shows too little of itself straight, or the outline has no four sides', () => {
    expect(quadFromOutlineLines(bulgedOutline({ y0: 135, y1: 207, r: 40 }), 82)).toBeNull();
    const ring = Array.from({ length: 360 }, (_, a) => ({ x: 150 + 60 * Math.cos((a * Math.PI) / 180), y: 170 + 40 * Math.sin((a * Math.PI) / 180) }));
    expect(quadFromOutlineLines(ring, 82)).toBeNull();
  });
});
