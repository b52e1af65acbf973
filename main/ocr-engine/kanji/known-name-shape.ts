import { variantsOf } from '../../../common/kanji/variants';
import type { GrayImage } from '../image/gray-image';
import { glyphDistances, nameCells } from './variant-shape';

/**
 * When a name as read is not a known name, the known names one character away are what it may have been
 * (五十風 → 五十嵐, 思 → 恵). The printed character at that place decides, by the same chamfer test as the
 * variants, against the glyph atlas: a known name replaces the read only when its character fits the print
 * clearly better than the model's character, and clearly better than any other known name's character there.
 * A character the pixels support is never changed, and nothing is chosen when the print cannot be judged.
 */
export const KNOWN_NAME_SHAPE = {
  /** the known name's character must be this much closer to the print than the model's (as for variants) */
  margin: 0.8,
  /** ... and this much closer than the next other candidate character: two known names that fit alike are a guess */
  clearOfNext: 0.9,
} as const;

/**
 * How a proposal is held against the read: each character it changes on its own (a name: a read the print may
 * support is changed only where every changed character fits clearly better), or the changed characters
 * together (a 町域 the master does not know as read: which of its spellings the print shows, 日 and 目 drawn
 * alike not deciding it), within `margin` of the read's fit.
 */
export interface ChoiceTest {
  margin: number;
  by: 'each-character' | 'whole-spelling';
}

/** A name's test: each changed character clearly better than the model's (KNOWN_NAME_SHAPE.margin). */
const NAME_TEST: ChoiceTest = { margin: KNOWN_NAME_SHAPE.margin, by: 'each-character' };

/**
 * The proposal the printed cells show (each proposal: the name's characters, as many as `read`, one or
 * more differing from it), or null to keep the read. `cells[i]` is the print of `read[i]`.
 */
export function chooseKnownName(cells: GrayImage[], read: string[], proposals: string[][], test: ChoiceTest = NAME_TEST): string[] | null {
  if (cells.length !== read.length) return null;
  // per cell, the distances to the read character and every proposed one there, each with its variants: a
  // known name is known through its common form (濱田), and the print may show a variant of it (濵)
  const asked = new Map<number, Set<string>>();
  for (const p of proposals) {
    if (p.length !== read.length) continue;
    p.forEach((c, i) => {
      if (c !== read[i]) for (const v of variantsOf(c)) (asked.get(i) ?? asked.set(i, new Set()).get(i)!).add(v);
    });
  }
  const dist = new Map<number, Map<string, number>>();
  for (const [i, cs] of asked) {
    // a candidate the atlas lacks is left out; the read character itself must be judged
    const d = glyphDistances(cells[i]!, [read[i]!, ...cs]);
    const own = d?.get(read[i]!);
    if (d && own !== undefined && Number.isFinite(own)) dist.set(i, d);
  }
  // a proposal's score: its worst ratio over the places it differs (every changed character must fit better),
  // or its changed characters' distances over the read's there, each spelled as the variant of it that fits the
  // print best
  const scored: { p: string[]; ratio: number; key: string }[] = [];
  for (const p of proposals) {
    if (p.length !== read.length) continue;
    let worst = 0;
    let mine = 0;
    let theirs = 0;
    let judged = true;
    const spelled = p.map((c, i) => {
      if (c === read[i]) return c;
      const d = dist.get(i);
      const fits = d ? variantsOf(c).flatMap((v) => (d.has(v) ? [[v, d.get(v)!] as const] : [])) : [];
      if (!d || fits.length === 0) {
        judged = false;
        return c;
      }
      const [v, x] = fits.reduce((a, b) => (b[1] < a[1] ? b : a));
      worst = Math.max(worst, x / Math.max(1e-6, d.get(read[i]!)!));
      mine += x;
      theirs += d.get(read[i]!)!;
      return v;
    });
    const ratio = test.by === 'each-character' ? worst : mine / Math.max(1e-6, theirs);
    if (judged && spelled.some((c, i) => c !== read[i])) scored.push({ p: spelled, ratio, key: spelled.join('') });
  }
  scored.sort((a, b) => a.ratio - b.ratio);
  const best = scored[0];
  if (!best || best.ratio >= test.margin) return null;
  const next = scored.find((s) => s.key !== best.key);
  if (next && best.ratio >= KNOWN_NAME_SHAPE.clearOfNext * next.ratio) return null;
  return best.p;
}

/**
 * The name as read ("五十風　太郎"), or the one of `proposals` (same family and given lengths) that its print
 * shows (see chooseKnownName). The print is cut into characters at a fixed pitch, as for the variants.
 */
export function settleKnownName(name: string, proposals: readonly string[], card: GrayImage, band: { x0: number; y0: number; x1: number; y1: number }, gapX: number | null): string {
  const parts = name.split('\u3000');
  if (gapX === null || parts.length !== 2 || proposals.length === 0) return name;
  const [family, given] = parts.map((p) => [...p].length) as [number, number];
  const same = proposals.map((p) => p.split('\u3000')).filter((p) => p.length === 2 && [...p[0]!].length === family && [...p[1]!].length === given);
  if (same.length === 0) return name;
  const cells = nameCells(card, band, gapX, family, given);
  if (!cells) return name;
  const chosen = chooseKnownName(cells, [...parts.join('')], same.map((p) => [...p.join('')]));
  return chosen ? `${chosen.slice(0, family).join('')}\u3000${chosen.slice(family).join('')}` : name;
}
