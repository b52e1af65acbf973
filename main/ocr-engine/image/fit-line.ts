import type { Point } from './homography';

/**
 * The line through points that least squares their distances to it (total least squares): it passes through
 * their mean, in the direction they spread most (`angle`, radians from the x axis).
 */
export function fitLine(points: readonly Point[]): { mean: Point; angle: number } {
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  return { mean: { x: mx, y: my }, angle: 0.5 * Math.atan2(2 * sxy, sxx - syy) };
}
