import type { TextLine } from './text-lines';

/**
 * Guess whether a landscape card is upside down from its text geometry: card fronts left-align their
 * labels and values, so line starts cluster at a few x positions while line ends are ragged. Upside down,
 * the ends cluster instead. Returns > 0 for "upright", < 0 for "upside down", near 0 for "can't tell".
 */
export function uprightScore(lines: TextLine[], width: number): number {
  const big = lines.filter((l) => l.x1 - l.x0 > 0.08 * width);
  if (big.length < 3) return 0;
  const tol = 0.012 * width;
  const clustered = (xs: number[]): number => {
    let best = 0;
    for (const x of xs) best = Math.max(best, xs.filter((y) => Math.abs(y - x) <= tol).length);
    return best;
  };
  return (clustered(big.map((l) => l.x0)) - clustered(big.map((l) => l.x1))) / big.length;
}
