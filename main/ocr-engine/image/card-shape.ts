/** ID-1 card proportions (85.60 × 53.98 mm). */
export const ID1_ASPECT = 85.6 / 53.98;

/** Within 3 % of the ID-1 aspect: the image is a card alone (warped, or a scan cropped to the card). */
export function isCardShaped(img: { width: number; height: number }): boolean {
  return Math.abs(img.width / img.height / ID1_ASPECT - 1) < 0.03;
}
