/**
 * The numbers of the second reads' crops (part of REREAD_TUNING), apart so the preprocessing worker, which
 * makes the crops' images, does not load the OCR engine's modules. Lengths in the row's text height.
 */
export const CROP_TUNING = {
  /** margin around a region, so the model sees whole glyphs */
  pad: 0.35,
  /** the line finder's characters grown by this much (at least 2 px) before everything else is painted over */
  grow: 0.12,
  /** never scale a crop up more than this */
  maxScale: 3,
  /** scales this close to 1 are not resampled */
  scaleSlack: 0.05,
} as const;
