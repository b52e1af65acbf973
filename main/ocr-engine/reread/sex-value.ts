import { createGray, crop, resize, type GrayImage } from '../image/gray-image';
import { inkOfCrop } from './ink-mask-request';
import { inkMask } from '../image/binarize';
import { boxH, boxW, components } from '../image/components';
import { sexShape } from './sex-shape';

/**
 * The 性別 value's pixel work, in the preprocessing worker: the value's glyph found right of its label in the
 * row's area (cut from the card by the reader), its shape test against 男 and 女, and, for the whitelisted
 * reads, the glyph three times in a strip (the LSTM model reads one lone CJK character badly).
 */
export interface SexValueRequest {
  op: 'sex-value';
  /** the row's area, as tall as the value may be, from a label height before the label's end */
  crop: GrayImage;
  /** how tall the value may be (px) */
  h: number;
  /** the label's end, in the area's x */
  labEnd: number;
  /** the strip for the reads as well (a sure first read only needs the shape test) */
  strip: boolean;
}

export interface SexValue {
  /** the value's glyph in the area's pixels, or null when there is none */
  box: { x0: number; y0: number; x1: number; y1: number } | null;
  shape: 'M' | 'F' | null;
  strip: GrayImage | null;
}

export function sexValue(req: SexValueRequest): SexValue {
  const ch = findValueGlyph(req.crop, req.h, req.labEnd);
  if (!ch) return { box: null, shape: null, strip: null };
  const glyph = crop(req.crop, ch.x0 - 2, ch.y0 - 2, ch.x1 - ch.x0 + 5, ch.y1 - ch.y0 + 5);
  const shape = sexShape(glyph).sex;
  if (!req.strip) return { box: ch, shape, strip: null };
  const k = 40 / Math.max(1, glyph.height);
  const big = resize(stretch(glyph), Math.max(1, Math.round(glyph.width * k)), Math.max(1, Math.round(glyph.height * k)));
  return { box: ch, shape, strip: tile(big, 3, Math.round(0.2 * big.height)) };
}

/**
 * Where 性別's label starts when no line names it (sexRightOfBirthDate): the first ink as tall as a label's
 * character (`minH` px; the dots of a printed pattern are smaller) in the row's area right of the birth date,
 * with the pattern cleaned away.
 */
export interface FirstInkRequest {
  op: 'first-ink';
  crop: GrayImage;
  /** the row's text height (px) */
  h: number;
  minH: number;
}

const FIRST_INK = {
  /**
   * ink cut by the area's left edge at least this many row heights wide is a character begun just before the
   * area (a label the search started inside); narrower, it is the end of the date's last stroke (20270133 #32:
   * 5 px of 生 in a 24 px row was taken for the label, and 性 for the value)
   */
  characterPiece: 0.5,
} as const;

/**
 * The area's x of that ink, or null when there is none. A sliver of ink running in over the area's left edge is
 * the end of the character before it (the model's box of the date's 生 often stops short of its ink), not a
 * label; a piece at least half a character wide is a character begun just before the area.
 */
export function firstInk(req: FirstInkRequest): number | null {
  const area = req.crop;
  const mask = inkOfCrop({ op: 'ink', crop: area, window: Math.max(4, Math.round(0.6 * req.h)), offset: 14 });
  const inked = components(mask, area.width, area.height).filter((b) => (b.x0 > 0 || boxW(b) >= FIRST_INK.characterPiece * req.h) && boxH(b) >= req.minH && b.area >= 4);
  return inked.length > 0 ? Math.min(...inked.map((b) => b.x0)) : null;
}

/** The 性別 value's pixel work, in the preprocessing worker or inline. */
export interface SexPixels {
  value: (req: SexValueRequest) => Promise<SexValue>;
  firstInk: (req: FirstInkRequest) => Promise<number | null>;
}

/** On the calling thread (tests; the preprocessing worker's own fallback). */
export const SEX_INLINE: SexPixels = { value: (req) => Promise.resolve(sexValue(req)), firstInk: (req) => Promise.resolve(firstInk(req)) };

/**
 * Box of the 性別 value in `area` (label height `h`, the label's end at `labEnd` from the area's left): the
 * first character-sized ink right of the label, the taller one when the small label glyph 別 comes first.
 */
function findValueGlyph(area: GrayImage, h: number, labEnd: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const mask = inkMask(area, Math.max(4, Math.round(0.6 * h)), 14);
  const blobs = components(mask, area.width, area.height).filter((b) => boxH(b) >= 0.15 * h && boxH(b) <= 2.2 * h && b.area >= 4);
  if (blobs.length === 0) return null;
  blobs.sort((a, b) => a.x0 - b.x0);
  // blobs → characters: parts touching or overlapping in x join while the union stays about square (`h` may
  // be the small label's height when the model gave the label a line of its own, so no absolute width cap)
  const chars = blobs.map((b) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < chars.length && !changed; i++) {
      for (let j = i + 1; j < chars.length && !changed; j++) {
        const a = chars[i]!;
        const b = chars[j]!;
        if (Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) > 0.06 * h) continue;
        const u = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        if (u.x1 - u.x0 > 1.25 * (u.y1 - u.y0) + 2) continue;
        chars[i] = u;
        chars.splice(j, 1);
        changed = true;
      }
    }
  }
  chars.sort((a, b) => a.x0 - b.x0);
  const shaped = chars
    // character-shaped: not a hairline (a card or photo edge), not a slab
    .filter((c) => c.y1 - c.y0 >= 0.5 * h && c.y1 - c.y0 <= 2.2 * h && c.x1 - c.x0 >= 0.45 * (c.y1 - c.y0) && c.x1 - c.x0 <= 2 * h && c.x0 > 0 && (c.x0 + c.x1) / 2 > labEnd - 0.9 * h);
  // ink the row's band cuts off at its top or bottom may be the portrait's edge beside the value, taller than the
  // value yet no character: right of the label it counts only when no glyph there stands whole in the band (a
  // value printed larger than `h` allowed for may run over the band too)
  const whole = (c: { y0: number; y1: number }): boolean => c.y0 > 0 && c.y1 < area.height - 1;
  const rightOfLabel = (c: { x0: number; x1: number }): boolean => (c.x0 + c.x1) / 2 > labEnd;
  const wholeValue = shaped.some((c) => rightOfLabel(c) && whole(c));
  const glyphs = shaped.filter((c) => !(wholeValue && rightOfLabel(c) && !whole(c))).slice(0, 3);
  if (glyphs.length === 0) return null;
  // the value is printed larger than its label: of the nearly tallest, the first right of the label's end
  const tallest = Math.max(...glyphs.map((c) => c.y1 - c.y0));
  const tall = glyphs.filter((c) => c.y1 - c.y0 >= 0.85 * tallest);
  return grow(area, tall.find((c) => (c.x0 + c.x1) / 2 > labEnd) ?? tall.at(-1)!, h);
}

/**
 * The local threshold can drop the faint half of a blurred glyph (a dense 田 darkens its own neighbourhood):
 * add the ink that a global threshold joins to the box, while the box stays about square.
 */
function grow(area: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }, h: number): { x0: number; y0: number; x1: number; y1: number } {
  const sorted = Uint8Array.from(area.data).sort();
  const paper = sorted[Math.floor(0.6 * (sorted.length - 1))]!;
  const ink = sorted[Math.floor(0.01 * (sorted.length - 1))]!;
  const t = paper - 0.4 * (paper - ink);
  const mask = new Uint8Array(area.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = area.data[i]! < t ? 1 : 0;
  const out = { ...box };
  for (const b of components(mask, area.width, area.height)) {
    if (b.x1 < box.x0 || b.x0 > box.x1 || b.y1 < box.y0 || b.y0 > box.y1 || boxH(b) > 2.2 * h) continue;
    const u = { x0: Math.min(out.x0, b.x0), y0: Math.min(out.y0, b.y0), x1: Math.max(out.x1, b.x1), y1: Math.max(out.y1, b.y1) };
    if (u.x1 - u.x0 > 1.25 * (u.y1 - u.y0) + 2 || u.y1 - u.y0 > 1.3 * (box.y1 - box.y0) + 2) continue;
    Object.assign(out, u);
  }
  return out;
}

/** Contrast stretched so the paper is white and the ink black: no grey box around the glyph in a strip. */
function stretch(g: GrayImage): GrayImage {
  const sorted = Uint8Array.from(g.data).sort();
  const paper = sorted[Math.floor(0.85 * (sorted.length - 1))]!;
  const ink = sorted[Math.floor(0.02 * (sorted.length - 1))]!;
  const span = Math.max(1, paper - ink);
  const out = createGray(g.width, g.height);
  for (let i = 0; i < g.data.length; i++) out.data[i] = Math.max(0, Math.min(255, Math.round(((g.data[i]! - ink) * 255) / span)));
  return out;
}

/** `n` copies of `g` side by side on its paper colour. */
function tile(g: GrayImage, n: number, gap: number): GrayImage {
  let paper = 0;
  for (let i = 0; i < g.data.length; i++) paper = Math.max(paper, g.data[i]!);
  const o = createGray(g.width * n + gap * (n + 1), g.height + 2 * gap, paper);
  for (let i = 0; i < n; i++) for (let y = 0; y < g.height; y++) o.data.set(g.data.subarray(y * g.width, (y + 1) * g.width), (y + gap) * o.width + gap + i * (g.width + gap));
  return o;
}
