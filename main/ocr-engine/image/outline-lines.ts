import type { Point } from './homography';
import { fitLine } from './fit-line';

/** The straight-side search's numbers, each with its reason (segmentation pixels: the image at ~400 px across). */
export const OUTLINE_LINE_TUNING = {
  /** direction steps over 180°: 1° each, finer than any side's bend at this scale */
  angles: 180,
  /** an outline point this close to a line is on it (the outline is 1 px wide, a rounded corner a few) */
  onLine: 2,
  /**
   * a side holds at least this many outline points per pixel of the card's short side: a side half hidden by
   * a glare spot joined to it still shows ~0.4 of its length straight
   */
  minSideShare: 0.3,
  /** two sides closer in direction than this (degrees) … */
  sameSide: 20,
  /** … and nearer each other than this share of the card's short side are one side found twice */
  sameSideApart: 0.3,
  /** the card's sides meet at about a right angle: pairs of sides closer than this to parallel (degrees) */
  parallel: 30,
} as const;

interface Line {
  /** unit normal angle, radians in [0, π) */
  theta: number;
  /** distance of the line from the origin along the normal */
  rho: number;
  /** the outline points on it */
  on: Point[];
}

/**
 * The four straight sides in a region's outline, for when its convex hull is no card's (a glare spot's round
 * halo joined to one side bulges the hull): each the straight line through most outline points (a Hough vote
 * over directions, deterministic), least-squares fitted to them, the points it took removed before the next;
 * the corners where the two pairs of near-parallel sides cross, clockwise. Null unless four such sides are found.
 */
export function quadFromOutlineLines(edge: readonly Point[], shortSide: number): Point[] | null {
  const T = OUTLINE_LINE_TUNING;
  let left = [...edge];
  const lines: Line[] = [];
  for (let k = 0; k < 4; k++) {
    const line = strongestLine(left);
    if (!line || line.on.length < T.minSideShare * shortSide) return null;
    // the same side again (its rounded corner's points left over), not the opposite one
    if (lines.some((l) => angleApart(l.theta, line.theta) < T.sameSide && Math.abs(l.rho - line.rho) < T.sameSideApart * shortSide)) return null;
    lines.push(line);
    left = left.filter((p) => Math.abs(p.x * Math.cos(line.theta) + p.y * Math.sin(line.theta) - line.rho) > T.onLine);
  }
  // two pairs: each line with the one nearest its direction
  const [a, ...rest] = lines as [Line, Line, Line, Line];
  rest.sort((p, q) => angleApart(a.theta, p.theta) - angleApart(a.theta, q.theta));
  const [a2, b1, b2] = rest as [Line, Line, Line];
  if (angleApart(a.theta, a2.theta) > T.parallel || angleApart(b1.theta, b2.theta) > T.parallel) return null;
  if (angleApart(a.theta, b1.theta) < 90 - T.parallel) return null;
  const corners = [cross(a, b1), cross(b1, a2), cross(a2, b2), cross(b2, a)];
  if (corners.some((c) => c === null)) return null;
  const pts = corners as Point[];
  const c = { x: pts.reduce((s, p) => s + p.x, 0) / 4, y: pts.reduce((s, p) => s + p.y, 0) / 4 };
  return pts.sort((p, q) => Math.atan2(p.y - c.y, p.x - c.x) - Math.atan2(q.y - c.y, q.x - c.x));
}

/** Degrees between two lines' directions (0–90). */
function angleApart(t1: number, t2: number): number {
  const d = Math.abs(t1 - t2) % Math.PI;
  return (Math.min(d, Math.PI - d) * 180) / Math.PI;
}

/** The line through most points: votes over (direction, distance), then refitted by least squares to the points on it. */
function strongestLine(points: readonly Point[]): Line | null {
  const T = OUTLINE_LINE_TUNING;
  if (points.length < 2) return null;
  let maxRho = 0;
  for (const p of points) maxRho = Math.max(maxRho, Math.hypot(p.x, p.y));
  const bins = Math.ceil(maxRho) + 1;
  const votes = new Uint32Array(T.angles * (2 * bins + 1));
  const cos = new Float64Array(T.angles);
  const sin = new Float64Array(T.angles);
  for (let a = 0; a < T.angles; a++) {
    cos[a] = Math.cos((a * Math.PI) / T.angles);
    sin[a] = Math.sin((a * Math.PI) / T.angles);
  }
  let best = -1;
  let bestAt = 0;
  for (const p of points) {
    for (let a = 0; a < T.angles; a++) {
      const at = a * (2 * bins + 1) + Math.round(p.x * cos[a]! + p.y * sin[a]!) + bins;
      const v = ++votes[at]!;
      if (v > best) {
        best = v;
        bestAt = at;
      }
    }
  }
  const a = Math.floor(bestAt / (2 * bins + 1));
  const rho = (bestAt % (2 * bins + 1)) - bins;
  const on = points.filter((p) => Math.abs(p.x * cos[a]! + p.y * sin[a]! - rho) <= T.onLine);
  return on.length >= 2 ? refit(on) : null;
}

/** The total-least-squares line through points (its normal's angle folded into [0, π)). */
function refit(on: Point[]): Line {
  const { mean, angle } = fitLine(on);
  // the normal is perpendicular to the direction of most spread
  const theta = (((angle + Math.PI / 2) % Math.PI) + Math.PI) % Math.PI;
  return { theta, rho: mean.x * Math.cos(theta) + mean.y * Math.sin(theta), on };
}

/** Where two lines cross; null for (nearly) parallel ones. */
function cross(l1: Line, l2: Line): Point | null {
  const [c1, s1, c2, s2] = [Math.cos(l1.theta), Math.sin(l1.theta), Math.cos(l2.theta), Math.sin(l2.theta)];
  const det = c1 * s2 - s1 * c2;
  if (Math.abs(det) < 1e-6) return null;
  return { x: (l1.rho * s2 - l2.rho * s1) / det, y: (c1 * l2.rho - c2 * l1.rho) / det };
}
