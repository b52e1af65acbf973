import { cleanBackground, crop, type GrayImage } from '../image/gray-image';
import { lineCrop, LINE_PAD } from '../image/line-crop';

/** A line's box on the card (or in a region cut from it) with its text height. */
export interface LineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  glyphH: number;
}

/** One image of a line to read: its glyphs scaled to `glyph` px, the card's printed pattern cleaned away or left in. */
export interface LineImageSpec {
  glyph: number;
  clean: boolean;
}

/**
 * A line's images for targeted reads (the dates), made in the preprocessing worker: `crop` is the line's
 * region as lineCrop cuts it, `box` the line in the region's pixels.
 */
export interface LineImagesRequest {
  op: 'line-images';
  crop: GrayImage;
  box: LineBox;
  images: LineImageSpec[];
}

/** Makes a request's images: the same pixels as lineCrop (and cleanBackground) on the whole card give. */
export function lineImages(req: LineImagesRequest): GrayImage[] {
  return req.images.map(({ glyph, clean }) => {
    const img = lineCrop(req.crop, req.box, glyph).image;
    return clean ? cleanBackground(img) : img;
  });
}

/** The request for `box` on `card`: only the region lineCrop would cut is copied out (the rest is the worker's). */
export function lineImagesRequest(card: GrayImage, box: LineBox, images: LineImageSpec[]): LineImagesRequest {
  const pad = Math.round(box.glyphH * LINE_PAD);
  const cx = Math.max(0, Math.floor(box.x0 - pad));
  const cy = Math.max(0, Math.floor(box.y0 - pad));
  const region = crop(card, cx, cy, box.x1 - box.x0 + 2 * pad, box.y1 - box.y0 + 2 * pad);
  return { op: 'line-images', crop: region, box: { x0: box.x0 - cx, y0: box.y0 - cy, x1: box.x1 - cx, y1: box.y1 - cy, glyphH: box.glyphH }, images };
}

/** Makes a line's images, in the preprocessing worker (the reader's) or inline (tests, tools). */
export type LineImager = (card: GrayImage, box: LineBox, images: LineImageSpec[]) => Promise<GrayImage[]>;

export const lineImagesInline: LineImager = async (card, box, images) => lineImages(lineImagesRequest(card, box, images));
