/** Printed labels, with the look-alikes tesseract produces for them on small, noisy print. */
export const LABEL = {
  name: { re: /^[氏民氐][名各]/, len: 2 },
  address: { re: /^[住往佳][所听析]/, len: 2 },
  birth: { re: /^生年月[日目]/, len: 4 },
  expiry: { re: /^有効期限/, len: 4 },
  sex: { re: /^性[別刷]/, len: 2 },
  kana: { re: /^フリガナ/, len: 4 },
} as const;

export type LabelKind = keyof typeof LABEL;

const SPACE = /[\s\u3000_|]/;

/** Text without spaces: labels and values are matched on this. */
export const compact = (s: string): string => s.replace(/[\s\u3000_|]+/g, '');

export function leadingLabel(text: string): LabelKind | null {
  const t = compact(text);
  for (const k of Object.keys(LABEL) as LabelKind[]) if (LABEL[k].re.test(t)) return k;
  return null;
}

/** Index in `text` just after a leading label of `len` non-space characters (labels may come out spaced). */
export function labelEnd(text: string, kind: LabelKind): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < LABEL[kind].len) {
    if (!SPACE.test(text[i]!)) seen++;
    i++;
  }
  while (i < text.length && (SPACE.test(text[i]!) || text[i] === ':' || text[i] === '：')) i++;
  return i;
}

export function stripLabel(text: string, kind: LabelKind): string {
  const t = text.replace(/^[\s\u3000_|]+/, '');
  return LABEL[kind].re.test(compact(t)) ? t.slice(labelEnd(t, kind)) : t;
}
