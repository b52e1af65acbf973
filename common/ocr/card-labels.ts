/** Printed labels as spelled, with the look-alikes tesseract produces for them on small, noisy print. */
export const LABEL = {
  name: { text: '氏名', re: /^[氏民氐][名各]/, len: 2 },
  address: { text: '住所', re: /^[住往佳][所听析]/, len: 2 },
  birth: { text: '生年月日', re: /^生年月[日目]/, len: 4 },
  expiry: { text: '有効期限', re: /^有効期限/, len: 4 },
  sex: { text: '性別', re: /^性[別刷]/, len: 2 },
  kana: { text: 'フリガナ', re: /^フリガナ/, len: 4 },
} as const;

export type LabelKind = keyof typeof LABEL;

/**
 * Whether the text starts with a two-character label whose first character is misread (兵名 for 氏名, 性所 for
 * 住所, 生別 for 性別): the second character, as the model reads it, names the label. Only the labels in
 * `kinds` are asked for; what follows the two characters is the caller's to judge.
 */
export function misreadTwoCharLabel(text: string, kinds: readonly LabelKind[]): boolean {
  const cs = [...compact(text)];
  // the second character's class of each label's pattern, e.g. [所听析] of /^[住往佳][所听析]/
  return cs.length >= 2 && kinds.some((k) => LABEL[k].len === 2 && new RegExp(`^${LABEL[k].re.source.replace(/^\^(?:\[[^\]]+\]|.)/, '')}`).test(cs[1]!));
}

/** What compact() drops: spaces of either width, and the model's _ and | for specks. */
export const SPACE = /[\s\u3000_|]/;

/** Text without spaces: labels and values are matched on this. */
export const compact = (s: string): string => s.replace(/[\s\u3000_|]+/g, '');

export function leadingLabel(text: string): LabelKind | null {
  const t = compact(text);
  for (const k of Object.keys(LABEL) as LabelKind[]) if (LABEL[k].re.test(t)) return k;
  return null;
}

/**
 * A note in parentheses right after a label is the label's own (氏名(ローマ字) on a design that labels the roman
 * name so, 氏名（通称）): no value. Short, as such notes are.
 */
const LABEL_NOTE = /^[(（][^()（）]{1,8}[)）]/;

/** How many characters at the start of `afterLabel` (the text right after a label, spaces dropped) are the label's note. */
export function labelNoteLength(afterLabel: string): number {
  return [...(LABEL_NOTE.exec(afterLabel)?.[0] ?? '')].length;
}

/** How many non-space characters of `text` (which starts with a `kind` label) are the label, its note included. */
export function labelLength(text: string, kind: LabelKind): number {
  const t = compact(text);
  const n = LABEL[kind].len;
  return n + labelNoteLength(t.slice(n));
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
