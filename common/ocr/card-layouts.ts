import type { CardLayoutId } from './card-result';

/**
 * The card fronts the reader knows, as data: what each prints and roughly where, with tolerances. These are
 * priors that weigh a line's evidence (a name is more likely near the top), never boxes a field must be in:
 * the next-generation design is not final and real cards differ from any one template.
 * Fractions are of the text-bearing part of the card (the first to the last field line), top = 0.
 */
export interface LayoutDescription {
  id: Exclude<CardLayoutId, 'unknown'>;
  /** how 生年月日 is printed */
  birthEra: 'wareki' | 'seireki';
  printsSex: boolean;
  /** where 性別 is printed: after the 生年月日 on its row (so it can be looked for there by its ink), or nowhere */
  sexPlace: 'after-birth-date' | null;
  /** フリガナ of the name (ruby or a row of its own) */
  printsKana: boolean;
  /** the name in roman letters beside or under the kanji name */
  printsRoman: boolean;
  nameScript: 'kanji' | 'latin';
  /**
   * When the card ends: on a birthday (a national's current card), on it or a month after (the drafts of the
   * next card say one month after the birthday; not final, so both are accepted), or any day (a foreign
   * resident's card may end with the period of stay).
   */
  expiry: 'birthday' | 'birthday-or-month-after' | 'any';
  /** expected vertical centre of each block and how far off it may be before the prior stops helping */
  prior: Record<'name' | 'address' | 'dates', { y: number; tol: number }>;
}

export const CARD_LAYOUTS: readonly LayoutDescription[] = [
  {
    id: 'current', birthEra: 'wareki', printsSex: true, sexPlace: 'after-birth-date', printsKana: false, printsRoman: false, nameScript: 'kanji', expiry: 'birthday',
    prior: { name: { y: 0.05, tol: 0.3 }, address: { y: 0.35, tol: 0.35 }, dates: { y: 0.8, tol: 0.35 } },
  },
  {
    id: 'next-gen', birthEra: 'seireki', printsSex: false, sexPlace: null, printsKana: true, printsRoman: true, nameScript: 'kanji', expiry: 'birthday-or-month-after',
    prior: { name: { y: 0.12, tol: 0.35 }, address: { y: 0.45, tol: 0.4 }, dates: { y: 0.8, tol: 0.4 } },
  },
  {
    id: 'foreign', birthEra: 'seireki', printsSex: true, sexPlace: 'after-birth-date', printsKana: false, printsRoman: false, nameScript: 'latin', expiry: 'any',
    prior: { name: { y: 0.05, tol: 0.3 }, address: { y: 0.35, tol: 0.35 }, dates: { y: 0.8, tol: 0.35 } },
  },
];

export function layoutOf(id: CardLayoutId): LayoutDescription | null {
  return CARD_LAYOUTS.find((l) => l.id === id) ?? null;
}

/**
 * Whether what was read fits the layout it was classified as: the 生年月日 written in the layout's era, and a
 * フリガナ only where the layout prints one. A layout's placement of a field is used (性別 after the birth
 * date) only for a read that fits it: a next-generation card taken for a current one has no 性別 to find.
 * @param birthEra how the read 生年月日 is written (null: not read)
 */
export function readFitsLayout(d: LayoutDescription, read: { birthEra: 'wareki' | 'seireki' | null; hasKana: boolean }): boolean {
  return (read.birthEra === null || read.birthEra === d.birthEra) && (d.printsKana || !read.hasKana);
}

/** How well a block centred at `y` (0..1 of the text part) fits a prior: 1 at its centre, 0 at the tolerance. */
export function priorFit(p: { y: number; tol: number }, y: number): number {
  return Math.max(0, 1 - Math.abs(y - p.y) / p.tol);
}
