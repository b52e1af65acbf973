import { cleanBackground, type GrayImage } from '../image/gray-image';
import { inkMask } from '../image/binarize';

/**
 * A region's ink, for the name's band, its gap and its ruby row (reread-fields.ts): the card's printed pattern
 * (hatching, guilloche) cleaned away first (it is darker than the paper around it, so a local threshold alone
 * takes it for ink on every row), then the local-mean threshold. Made in the preprocessing worker from the
 * region cut by the reader.
 */
export interface InkRequest {
  op: 'ink';
  crop: GrayImage;
  /** the local threshold's window radius (px) and how much darker than the local mean ink is */
  window: number;
  offset: number;
}

/** 1 for ink, 0 for paper, row by row over the crop. */
export function inkOfCrop(req: InkRequest): Uint8Array {
  return inkMask(cleanBackground(req.crop), req.window, req.offset);
}

/** Makes a region's ink mask, in the preprocessing worker or inline. */
export type InkMasker = (req: InkRequest) => Promise<Uint8Array>;

/** On the calling thread (tests; the preprocessing worker's own fallback). */
export const inkInline: InkMasker = (req) => Promise.resolve(inkOfCrop(req));
