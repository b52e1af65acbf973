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
  if (l.chars && l.chars.length > 0) maskOthers(c, cx, cy, l.chars, Math.max(2, Math.round(l.glyphH * 0.12)));
  const k = Math.min(maxScale, glyphTarget / Math.max(1, l.glyphH));
  const img = Math.abs(k - 1) > 0.1 ? resize(c, Math.max(1, Math.round(c.width * k)), Math.max(1, Math.round(c.height * k))) : c;
  return { image: img, x: cx, scale: img.width / c.width };
}

function maskOthers(c: GrayImage, ox: number, oy: number, chars: CharBox[], grow: number): void {
  const keep = new Uint8Array(c.width * c.height);
  for (const b of chars) {
    const x0 = Math.max(0, b.x0 - grow - ox);
    const x1 = Math.min(c.width - 1, b.x1 + grow - ox);
    const y0 = Math.max(0, b.y0 - grow - oy);
    const y1 = Math.min(c.height - 1, b.y1 + grow - oy);
    for (let y = y0; y <= y1; y++) keep.fill(1, y * c.width + x0, y * c.width + x1 + 1);
  }
  const paper = paperLevel(c);
  for (let i = 0; i < keep.length; i++) if (!keep[i] && c.data[i]! < paper) c.data[i] = paper;
}
