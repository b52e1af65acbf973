import { crop, resize, paperLevel, type GrayImage } from './gray-image';
import type { CharBox } from '../layout/text-lines';

/** The LSTM model reads CJK best with glyphs about this tall; bigger only costs time. */
export const TARGET_GLYPH_H = 36;

/** The margin around a line's crop, in its text heights, so the model sees whole glyphs. */
export const LINE_PAD = 0.35;

export interface LineCrop {
  image: GrayImage;
  /** card x of the crop's left edge, and crop px per card px */
  x: number;
  scale: number;
}

/**
 * The line's rectangle with some margin, everything that is not one of its own characters painted over with
 * the paper colour: a label or a neighbouring row's ascenders then cannot leak into the text.
 */
export function lineCrop(card: GrayImage, l: { x0: number; y0: number; x1: number; y1: number; glyphH: number; chars?: CharBox[] }, glyphTarget = TARGET_GLYPH_H, maxScale = 2): LineCrop {
  const pad = Math.round(l.glyphH * LINE_PAD);
  const cx = Math.max(0, Math.floor(l.x0 - pad));
  const cy = Math.max(0, Math.floor(l.y0 - pad));
  const c = crop(card, cx, cy, l.x1 - l.x0 + 2 * pad, l.y1 - l.y0 + 2 * pad);
  if (l.chars && l.chars.length > 0) paintOutside(c, l.chars, Math.max(2, Math.round(l.glyphH * 0.12)), cx, cy);
  const k = Math.min(maxScale, glyphTarget / Math.max(1, l.glyphH));
  const img = Math.abs(k - 1) > 0.1 ? resize(c, Math.max(1, Math.round(c.width * k)), Math.max(1, Math.round(c.height * k))) : c;
  return { image: img, x: cx, scale: img.width / c.width };
}

/**
 * Paints every pixel of `c` darker than its paper outside `boxes` (grown by `grow` px; given at offset `ox`,
 * `oy` from the crop, e.g. in card pixels) with the paper colour, in place: the crop's own characters stay,
 * a label or a neighbouring row's strokes go. `paper` is the crop's paper level, measured before by default.
 */
export function paintOutside(c: GrayImage, boxes: readonly CharBox[], grow: number, ox = 0, oy = 0, paper = paperLevel(c)): void {
  const keep = new Uint8Array(c.width * c.height);
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x0 - grow - ox));
    const x1 = Math.min(c.width - 1, Math.ceil(b.x1 + grow - ox));
    const y0 = Math.max(0, Math.floor(b.y0 - grow - oy));
    const y1 = Math.min(c.height - 1, Math.ceil(b.y1 + grow - oy));
    for (let y = y0; y <= y1; y++) if (x1 >= x0) keep.fill(1, y * c.width + x0, y * c.width + x1 + 1);
  }
  for (let i = 0; i < keep.length; i++) if (!keep[i] && c.data[i]! < paper) c.data[i] = paper;
}
