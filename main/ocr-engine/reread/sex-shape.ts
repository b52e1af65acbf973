import type { GrayImage } from '../image/gray-image';
import { glyphDistances } from '../kanji/variant-shape';

/** What the shape test makes of one glyph crop: the character it shows, or null with why not. */
export interface SexShape {
  sex: 'M' | 'F' | null;
  reject?: string;
}

export const SEX_SHAPE = {
  /**
   * The nearer of 男 and 女 (chamfer distance to the glyph atlas's drawings in the card typefaces) must be at
   * most this share of the other's distance. On the 94 value glyphs of four generated sets (every look, the
   * blurred phone and camera ones included) the nearer one was right every time, at 0.26–0.51 of the other.
   */
  margin: 0.8,
  /** a glyph crop smaller than this (px) has too little to compare */
  minSide: 8,
  /**
   * paper minus ink below this is no print (an empty box, the card's pattern): the atlas's own floor
   * (normalizeGlyph). A value printed in pale grey on a phone photo shows ~50.
   */
  minContrast: 40,
  /** the ink box's width over height: a character is roughly square (an edge or a rule is not) */
  minAspect: 0.55,
  maxAspect: 1.8,
  /**
   * ... and its ink fills this share of the box: a hairline does less, a slab of photo all of it. A bold 男
   * blurred on a phone photo fills ~0.7 (its counters closed up); the drawings still tell it from 女.
   */
  minFill: 0.08,
  maxFill: 0.85,
} as const;

const S = SEX_SHAPE;

/**
 * 男 or 女 by the glyph's shape against the atlas's drawings of both: the same chamfer test that tells a name's
 * kanji variants apart. A crop that does not look like one dark character on paper (a card edge, a photo, an
 * empty box) gets null, never a guess; so does a glyph that is not clearly nearer one of the two.
 */
export function sexShape(glyph: GrayImage): SexShape {
  const none = (reject: string): SexShape => ({ sex: null, reject });
  const { width: w, height: h, data } = glyph;
  if (w < S.minSide || h < S.minSide) return none('too small');
  const sorted = Uint8Array.from(data).sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const paper = at(0.9);
  const contrast = paper - at(0.02);
  if (contrast < S.minContrast) return none('no contrast');
  // one character: its ink (darker than halfway to paper) fills a roughly square box, neither a hairline nor a slab
  const t = paper - 0.5 * contrast;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  let ink = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! > t) continue;
      ink++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return none('no ink');
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  if (bw < 6 || bh < 6 || bw / bh < S.minAspect || bw / bh > S.maxAspect) return none('not character-shaped');
  const fill = ink / (bw * bh);
  if (fill < S.minFill || fill > S.maxFill) return none('not character-like ink');
  const d = glyphDistances(glyph, ['男', '女']);
  const m = d?.get('男');
  const f = d?.get('女');
  if (m === undefined || f === undefined) return none('no drawings to compare with');
  return { sex: m < S.margin * f ? 'M' : f < S.margin * m ? 'F' : null };
}
