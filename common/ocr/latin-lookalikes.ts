/**
 * Capital letters the OCR model takes for one another at the end of a roman name: a J in a serif face (its
 * top serif, its descender) is read T or I, and MEI comes back MEL or MET. Their drawings in the card
 * typefaces (variant-glyphs.generated.ts) let the print decide.
 */
export const LATIN_LOOKALIKE_GROUPS: readonly string[] = ['IJLT'];

/** The letters `c` may be, besides itself; [] when it is in no group. */
export function latinLookAlikesOf(c: string): string[] {
  const g = LATIN_LOOKALIKE_GROUPS.find((x) => x.includes(c));
  return g ? [...g].filter((x) => x !== c) : [];
}
