import { crop, resize, paperLevel, type GrayImage } from './gray-image';
import type { CharBox } from '../layout/text-lines';

/** The LSTM model reads CJK best with glyphs about this tall; bigger only costs time. */
export const TARGET_GLYPH_H = 36;

/** The margin around a line's crop, in its text heights, so the model sees whole glyphs. */
export const LINE_PAD = 0.35;

/**
 * A line's first read is made with its characters no further apart than this: the advance from one character's
 * middle to the next, in the line's text heights (the lower median over the line). The model reads best at
 * about the pitch of solid type (a full-width character is ~1 text height wide); cards set dates, names and
 * addresses letter-spaced up to ~1.5, and there it doubles a digit, reads a space into a year (195 8年) or
 * drops a 番地's dash. Wider-set lines are squeezed across to this pitch, their height as it was.
 * On 22 tuning sets (1,056 cards): 75 → 67 wrong fields (10 mended, 2 broken); at 1.0, 3 broken on the first
 * 12 of them. The first reads' crops are ~7.5 % narrower (240 of 622 lines squeezed on one set), and the
 * model's time grows with a line's width at its own height.
 * Squeezing the second reads' variants the same way broke 14 more fields (第二 read 第こ, メゾン read メゾンソン):
 * their scales are meant to err differently from the first read, so they stay as printed.
 */
export const FIRST_READ_PITCH = {
  /** the pitch lines are brought to: solid full-width type with a little air */
  target: 1.05,
  /** never squeezed more than this (a line the line finder cut into pieces wider than its characters) */
  minSqueeze: 0.7,
  /** a pitch needs this many pieces (two advances); fewer are read as they are */
  minPieces: 3,
} as const;

/** A crop is never scaled up more than this: a tiny line's blur only grows. */
export const LINE_MAX_SCALE = 2;

/** A line as it is cut: its box, its text height and (to mask its neighbours out) its characters. */
export type CropLine = { x0: number; y0: number; x1: number; y1: number; glyphH: number; chars?: readonly CharBox[] };

export interface LineCrop {
  image: GrayImage;
  /** card x of the crop's left edge, and crop px per card px across (its height may be scaled otherwise) */
  x: number;
  scale: number;
}

/**
 * How much a line is squeezed across for its first read (1: not at all): FIRST_READ_PITCH.target over its
 * pitch, the lower median of the advances between its pieces' middles. Pieces, not cells: a kanji the line finder found
 * in strokes gives a shorter advance, so a line is squeezed less, never more, than its characters' pitch
 * says; roman letters (advance ~0.6) and half-width digits are never squeezed.
 */
export function pitchSqueeze(l: { glyphH: number; chars?: readonly CharBox[] }): number {
  const P = FIRST_READ_PITCH;
  const cs = [...(l.chars ?? [])].sort((a, b) => a.x0 - b.x0);
  if (cs.length < P.minPieces || l.glyphH <= 0) return 1;
  const mid = (c: CharBox): number => (c.x0 + c.x1) / 2;
  const advances = cs.slice(1).map((c, i) => mid(c) - mid(cs[i]!)).sort((a, b) => a - b);
  // the lower median: a three-character name's two advances are a character's and its word gap
  const pitch = advances[(advances.length - 1) >> 1]! / l.glyphH;
  return Math.max(P.minSqueeze, Math.min(1, P.target / pitch));
}

/** The crop a found line's first read is made from: lineCrop at the model's glyph size, its characters brought to FIRST_READ_PITCH. */
export function firstReadCrop(card: GrayImage, l: CropLine): LineCrop {
  return lineCrop(card, l, TARGET_GLYPH_H, LINE_MAX_SCALE, pitchSqueeze(l));
}

/**
 * The line's rectangle with some margin, everything that is not one of its own characters painted over with
 * the paper colour: a label or a neighbouring row's ascenders then cannot leak into the text. Scaled to
 * `glyphTarget`, and across by `squeeze` more.
 */
export function lineCrop(card: GrayImage, l: CropLine, glyphTarget = TARGET_GLYPH_H, maxScale = LINE_MAX_SCALE, squeeze = 1): LineCrop {
  const pad = Math.round(l.glyphH * LINE_PAD);
  const cx = Math.max(0, Math.floor(l.x0 - pad));
  const cy = Math.max(0, Math.floor(l.y0 - pad));
  const c = crop(card, cx, cy, l.x1 - l.x0 + 2 * pad, l.y1 - l.y0 + 2 * pad);
  if (l.chars && l.chars.length > 0) paintOutside(c, l.chars, Math.max(2, Math.round(l.glyphH * 0.12)), cx, cy);
  const k = Math.min(maxScale, glyphTarget / Math.max(1, l.glyphH));
  const img = Math.abs(k - 1) > 0.1 || squeeze < 1 ? resize(c, Math.max(1, Math.round(c.width * k * squeeze)), Math.max(1, Math.round(c.height * k))) : c;
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
