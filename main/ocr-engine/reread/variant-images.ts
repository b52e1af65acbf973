import { cleanBackground, crop, paperLevel, resize, type GrayImage } from '../image/gray-image';
import { paintOutside } from '../image/line-crop';
import { settleNameVariants } from '../kanji/variant-shape';
import { settleKnownName } from '../kanji/known-name-shape';
import type { Variant } from './tuning';
import { CROP_TUNING } from './crop-tuning';

/** A region cut from the card and how to make each variant's image of it (coordinates within the crop). */
export interface VariantImagesRequest {
  op: 'variants';
  crop: GrayImage;
  /** the line finder's characters: everything else is painted over with paper (null: nothing is) */
  chars: { x0: number; y0: number; x1: number; y1: number }[] | null;
  /** how far the characters are grown before masking, px */
  grow: number;
  /** rows outside [a, b) are painted over (the ruby above a name, the roman name under it) */
  rows: { a: number; b: number } | null;
  /**
   * characters beside the region that are not part of it (the building's first after a 番地): painted over
   * in every variant, the unmasked ones too, as the crop's margin reaches into them
   */
  others?: { x0: number; y0: number; x1: number; y1: number }[];
  glyphH: number;
  variants: Variant[];
}

/**
 * The image the model is given for each variant: masked (or not), scaled to the variant's glyph size, the
 * background pattern cleaned (or not). Pure pixel work: it runs in the preprocessing worker.
 */
export function variantImages(req: VariantImagesRequest): GrayImage[] {
  const c = req.crop;
  const paper = paperLevel(c);
  // grown as the mask grows the region's own (their blurred edges are ink too), but never over one of those
  const own = req.chars ?? [];
  for (const o of req.others ?? []) paintBox(c, { x0: o.x0 - req.grow, y0: o.y0 - req.grow, x1: o.x1 + req.grow, y1: o.y1 + req.grow }, paper, own);
  const bare = { ...c, data: new Uint8Array(c.data) };
  if (req.chars && req.chars.length > 0) paintOutside(c, req.chars, req.grow, 0, 0, paper);
  if (req.rows) {
    const a = Math.min(c.height, Math.max(0, req.rows.a));
    const b = Math.min(c.height, Math.max(0, req.rows.b));
    for (const img of [c, bare]) {
      img.data.fill(paper, 0, a * img.width);
      img.data.fill(paper, b * img.width);
    }
  }
  return req.variants.map((v) => {
    const f = Math.min(CROP_TUNING.maxScale, v.glyph / Math.max(1, req.glyphH));
    const base = v.unmasked ? bare : c;
    const sized = Math.abs(f - 1) > CROP_TUNING.scaleSlack ? resize(base, Math.max(1, Math.round(base.width * f)), Math.max(1, Math.round(base.height * f))) : base;
    // a copy when nothing changed it: each image is moved out of the worker on its own
    const img = v.raw ? sized : cleanBackground(sized);
    return img === c || img === bare ? { ...img, data: new Uint8Array(img.data) } : img;
  });
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Paints a box (crop coordinates, clipped to the crop) with the paper colour, except where it overlaps `spare`. */
function paintBox(c: GrayImage, b: Box, paper: number, spare: readonly Box[]): void {
  const x0 = Math.max(0, Math.floor(b.x0));
  const x1 = Math.min(c.width - 1, Math.ceil(b.x1));
  for (let y = Math.max(0, Math.floor(b.y0)); y <= Math.min(c.height - 1, Math.ceil(b.y1)); y++)
    for (let x = x0; x <= x1; x++) if (!spare.some((o) => x >= o.x0 && x <= o.x1 && y >= o.y0 && y <= o.y1)) c.data[y * c.width + x] = paper;
}

/** Makes the variant images: in the preprocessing worker (CardReader), or inline. */
export type VariantRenderer = (req: VariantImagesRequest) => Promise<GrayImage[]>;
export const renderInline: VariantRenderer = async (req) => variantImages(req);

/** The name's printed rows cut from the card, for the variant shape test (coordinates within the crop). */
export interface ShapeRequest {
  op: 'shape';
  crop: GrayImage;
  /** the name as read, family and given name split by U+3000 */
  name: string;
  /** x of the gap between family and given name, within the crop (null: not found) */
  gapX: number | null;
  /** known names one character away from the read, when it is not one (see settleKnownName) */
  proposals: readonly string[];
}

/**
 * The name as its print shows it: a known name one character away when the print clearly shows that
 * character (settleKnownName), then each character that has variants settled by its shape (the chamfer test).
 */
export function settleShape(req: ShapeRequest): string {
  const band = { x0: 0, y0: 0, x1: req.crop.width - 1, y1: req.crop.height - 1 };
  const name = settleKnownName(req.name, req.proposals, req.crop, band, req.gapX);
  return settleNameVariants(name, req.crop, band, req.gapX);
}

/** A shape request for a band of the card: the band's pixels are copied out. */
export function shapeRequest(card: GrayImage, band: { x0: number; y0: number; x1: number; y1: number }, name: string, gapX: number | null, proposals: readonly string[] = []): ShapeRequest {
  const x0 = Math.max(0, Math.floor(band.x0));
  const y0 = Math.max(0, Math.floor(band.y0));
  const x1 = Math.min(card.width - 1, Math.ceil(band.x1));
  const y1 = Math.min(card.height - 1, Math.ceil(band.y1));
  return { op: 'shape', crop: crop(card, x0, y0, x1 - x0 + 1, y1 - y0 + 1), name, gapX: gapX === null ? null : gapX - x0, proposals };
}

/** Where the shape test runs: the preprocessing worker (CardReader), or inline. */
export type ShapeSettler = (req: ShapeRequest) => Promise<string>;
export const settleInline: ShapeSettler = async (req) => settleShape(req);
