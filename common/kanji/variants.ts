import { VARIANT_GROUPS } from './variant-table';

const BY_CHAR = new Map<string, readonly string[]>();
for (const g of VARIANT_GROUPS) {
  const chars = [...new Set([...g])];
  if (chars.length < 2) continue;
  for (const c of chars) BY_CHAR.set(c, chars);
}

/**
 * The variants of one character, itself first, then the others in table order; [c] when it has none.
 * Code points are compared exactly: no NFC/NFKC, which would fold compatibility ideographs such as 﨑.
 */
export function variantsOf(c: string): string[] {
  const g = BY_CHAR.get(c);
  if (!g) return [c];
  return [c, ...g.filter((x) => x !== c)];
}

/** For each character of a name, the choices to offer the clerk (spaces stay single choices). */
export function nameVariantChoices(name: string): { char: string; choices: string[] }[] {
  return [...name].map((char) => ({ char, choices: variantsOf(char) }));
}

/** Match key for search: every variant folded to its group's first character. Never stored as the name. */
export function variantMatchKey(s: string): string {
  return [...s].map((c) => BY_CHAR.get(c)?.[0] ?? c).join('');
}
