import type { GrayImage } from '../image/gray-image';

/** ID-1 card proportions (85.60 × 53.98 mm). */
export const ID1_ASPECT = 85.6 / 53.98;

/** Within 3 % of the ID-1 aspect: the image is a card alone (warped, or a scan cropped to the card). */
export function isCardShaped(img: GrayImage): boolean {
  return Math.abs(img.width / img.height / ID1_ASPECT - 1) < 0.03;
}

function meanGray(img: GrayImage, fx0: number, fx1: number, fy0: number, fy1: number): number {
  const x0 = Math.round(fx0 * img.width);
  const x1 = Math.round(fx1 * img.width);
  const y0 = Math.round(fy0 * img.height);
  const y1 = Math.round(fy1 * img.height);
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += img.data[y * img.width + x]!;
  return sum / Math.max(1, (x1 - x0) * (y1 - y0));
}

/**
 * Which way up a card-shaped image is, from its portrait: every card front (current, next-generation,
 * foreign resident) has the photo in its right column, the middle of the card's height, and a photo is far
 * darker than the pale printed card. Compares that area with where it lies on a card turned over.
 * > 0: upright; < 0: upside down (0..1 as a fraction of the gray range). On the generated sets the two
 * groups lie at ≥ +0.22 and ≤ −0.29; text geometry alone got 7 of 120 wrong.
 */
export function photoSideScore(card: GrayImage): number {
  const right = meanGray(card, 0.74, 0.94, 0.28, 0.66);
  const left = meanGray(card, 0.06, 0.26, 0.34, 0.72);
  return (left - right) / 255;
}
