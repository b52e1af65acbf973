import { variantsOf } from '../../../common/kanji/variants';
import { lookAlikesOf } from '../../../common/kanji/lookalike-table';
import { crop, type GrayImage } from '../image/gray-image';
import { GLYPH, normalizeGlyph, normalizedGlyph, unpackBits } from './glyph-bits';
import { VARIANT_GLYPHS } from './variant-glyphs.generated';
import { aspectFits, chamfer, shapeOf, type Shape } from './glyph-shape';
import { glyphAtlas } from './glyph-atlas';

/**
 * 髙 or 高, 﨑 or 崎, 邉 or 邊: the OCR model knows only one of each pair, so the printed glyph is compared
 * with every variant drawn in the card typefaces (variant-glyphs.generated.ts), by chamfer distance between
 * the two ink shapes. A variant replaces the model's character only when it fits clearly better.
 */

/** The variant table's characters in the five typefaces of variant-glyphs.generated.ts. */
const TEMPLATES = new Map<string, Shape[]>(VARIANT_GLYPHS.map(([ch, shapes]) => [ch, shapes.map((b64) => shapeOf(unpackBits(Uint8Array.from(Buffer.from(b64, 'base64')))))]));

/** A character's drawn shapes: the variant table's own, else the glyph atlas's (null: neither holds it). */
function templatesOf(c: string): Shape[] | null {
  return TEMPLATES.get(c) ?? glyphAtlas()?.shapes(c) ?? null;
}

/**
 * How far the glyph is from each character's nearest typeface (lower is closer), for the characters that
 * have drawn shapes (the others are left out); null when the glyph cannot be judged (no contrast).
 */
export function glyphDistances(glyph: GrayImage, chars: Iterable<string>): Map<string, number> | null {
  return shapeDistances(glyph, chars, templatesOf);
}

/** glyphDistances against the drawings `templates` gives (the kanji's, or the katakana's: kana-shape.ts). */
export function shapeDistances(glyph: GrayImage, chars: Iterable<string>, templates: (c: string) => Shape[] | null): Map<string, number> | null {
  const g = normalizedGlyph(glyph);
  if (!g) return null;
  const shape = shapeOf(g.bits);
  const out = new Map<string, number>();
  for (const c of chars) {
    const ts = templates(c);
    // a typeface's drawing far flatter or taller than the print is not what the print shows (a blurred 七 and 一's
    // bar): as far from it as two shapes in the square can be, a character judged and found unlike, not one unknown
    if (ts && ts.length > 0) out.set(c, Math.min(...ts.map((t) => (aspectFits(g.aspect, t) ? chamfer(shape, t) : GLYPH))));
  }
  return out;
}

/** The distances to every one of `chars`; null when the glyph or any character cannot be judged. */
export function variantDistances(glyph: GrayImage, chars: string[]): Map<string, number> | null {
  const d = glyphDistances(glyph, chars);
  return d && chars.every((c) => d.has(c)) ? d : null;
}

/** How much closer a variant must be than the model's character to replace it. */
const MARGIN = 0.8;

/** The characters a read one could be by its shape: its variants and the kanji the model mistakes it for. */
export function shapeChoices(read: string): string[] {
  return [...new Set([...variantsOf(read), ...lookAlikesOf(read)])];
}

/** The variant (or look-alike) the glyph shows, or the model's character when none fits clearly better. */
export function settleVariant(glyph: GrayImage, read: string): string {
  const choices = shapeChoices(read);
  if (choices.length < 2) return read;
  const d = variantDistances(glyph, choices);
  if (!d) return read;
  const [best, bestD] = [...d].sort((a, b) => a[1] - b[1])[0]!;
  if (best === read) return read;
  if (bestD < MARGIN * d.get(read)!) return best;
  // 髙 and 高 differ in a few strokes of a whole glyph: over all the ink the difference is diluted, so where
  // the best alternative fits at least as well overall, the strokes that tell the two apart decide
  const local = differingStrokesFit(glyph, read, best);
  return local && local.alternative < LOCAL_MARGIN * local.read ? best : read;
}

/**
 * How much closer the alternative must fit than the model's character in the strokes where the two differ
 * (in the typeface both are closest in): stricter than MARGIN, as fewer cells are compared.
 */
const LOCAL_MARGIN = 0.6;

/**
 * The glyph compared with `read` and `alt` only where the two characters differ, in the typeface (the same
 * one for both) that either fits best: each one's mean chamfer over those cells. Null when not judged
 * (no contrast, no drawn shapes in a common typeface, no differing cells).
 */
export function differingStrokesFit(glyph: GrayImage, read: string, alt: string): { read: number; alternative: number } | null {
  const bits = normalizeGlyph(glyph);
  const a = TEMPLATES.get(read);
  const b = TEMPLATES.get(alt);
  if (!bits || !a || !b || a.length !== b.length) return null;
  const shape = shapeOf(bits);
  let font = -1;
  let bestFit = Infinity;
  for (let f = 0; f < a.length; f++) {
    const fit = Math.min(chamfer(shape, a[f]!), chamfer(shape, b[f]!));
    if (fit < bestFit) [bestFit, font] = [fit, f];
  }
  if (font < 0) return null;
  const ta = a[font]!;
  const tb = b[font]!;
  // cells near ink of one character and not the other (a cell and its neighbours)
  const n = Math.round(Math.sqrt(bits.length));
  const region = new Uint8Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    if (ta.bits[i] === tb.bits[i] || Math.min(ta.dist[i]!, tb.dist[i]!) > 0 || Math.max(ta.dist[i]!, tb.dist[i]!) < 2) continue;
    const x = i % n;
    const y = (i - x) / n;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < n && y + dy >= 0 && y + dy < n) region[(y + dy) * n + x + dx] = 1;
  }
  const within = (t: Shape): number | null => {
    let s = 0;
    let k = 0;
    for (let i = 0; i < bits.length; i++) {
      if (!region[i]) continue;
      if (bits[i]) {
        s += t.dist[i]!;
        k++;
      }
      if (t.bits[i]) {
        s += shape.dist[i]!;
        k++;
      }
    }
    return k === 0 ? null : s / k;
  };
  const ra = within(ta);
  const rb = within(tb);
  return ra === null || rb === null ? null : { read: ra, alternative: rb };
}

/**
 * Each character of a name printed at a fixed pitch, as crops of the card: the ink of the family part (left
 * of the gap) and of the given part cut into as many equal cells as each part has characters.
 */
export function nameCells(card: GrayImage, band: { x0: number; y0: number; x1: number; y1: number }, gapX: number, family: number, given: number): GrayImage[] | null {
  const x0 = Math.max(0, Math.floor(band.x0));
  const x1 = Math.min(card.width - 1, Math.ceil(band.x1));
  const y0 = Math.max(0, Math.floor(band.y0));
  const y1 = Math.min(card.height - 1, Math.ceil(band.y1));
  if (x1 <= x0 || y1 <= y0) return null;
  const area = crop(card, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  const sorted = Uint8Array.from(area.data).sort();
  const ink = sorted[Math.floor(0.01 * (sorted.length - 1))]!;
  const paper = sorted[Math.floor(0.8 * (sorted.length - 1))]!;
  if (paper - ink < 40) return null;
  const t = (ink + paper) / 2;
  const col = (x: number): boolean => {
    for (let y = 0; y < area.height; y++) if (area.data[y * area.width + x]! < t) return true;
    return false;
  };
  const inkCols = [...Array(area.width).keys()].filter(col);
  const gap = gapX - x0;
  const parts: [number[], number][] = [
    [inkCols.filter((x) => x < gap), family],
    [inkCols.filter((x) => x > gap), given],
  ];
  const cells: GrayImage[] = [];
  for (const [cols, n] of parts) {
    if (n === 0) continue;
    if (cols.length === 0) return null;
    const a = cols[0]!;
    const w = (cols.at(-1)! - a + 1) / n;
    for (let i = 0; i < n; i++) cells.push(crop(area, Math.floor(a + i * w), 0, Math.ceil(w), area.height));
  }
  return cells;
}

/**
 * A name read by the model ("高橋　一郎") with each character that has variants settled by its printed shape.
 * Returns the name unchanged when it cannot be cut into characters.
 */
export function settleNameVariants(name: string, card: GrayImage, band: { x0: number; y0: number; x1: number; y1: number }, gapX: number | null): string {
  const parts = name.split('\u3000');
  const chars = [...parts.join('')];
  if (gapX === null || parts.length !== 2 || !chars.some((c) => shapeChoices(c).length > 1)) return name;
  const [family, given] = parts.map((p) => [...p].length) as [number, number];
  const cells = nameCells(card, band, gapX, family, given);
  if (!cells || cells.length !== chars.length) return name;
  const settled = chars.map((c, i) => settleVariant(cells[i]!, c));
  return `${settled.slice(0, family).join('')}\u3000${settled.slice(family).join('')}`;
}
