/**
 * Kanji the OCR model takes for one another in names — different characters, not variants: 勇 read as 男
 * (勇 is マ over 男), 由 as 田, 太 as 大. The reader tells them apart by the printed shape, as it does the
 * variants the model cannot output (see main/ocr-engine/kanji/variant-shape.ts), and only when the shape is clearly
 * closer. Written by hand for this project; each group is a plain fact about the characters' shapes.
 */
export const LOOKALIKE_GROUPS: readonly string[] = ['男勇', '田由甲申', '大太', '土士', '末未', '千干', '王玉', '日目', '己巳', '藤籐', '晴睛'];

const BY_CHAR = new Map<string, readonly string[]>();
for (const g of LOOKALIKE_GROUPS) for (const c of g) BY_CHAR.set(c, [...g]);

/** The characters `c` is mistaken for, itself first; [c] when none. */
export function lookAlikesOf(c: string): string[] {
  const g = BY_CHAR.get(c);
  return g ? [c, ...g.filter((x) => x !== c)] : [c];
}
