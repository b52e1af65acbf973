/** Katakana the model gives for the kanji they look like (浩ニ for 浩二, 第ニ for 第二, ー山 for 一山). */
export const KANA_FOR_KANJI: Readonly<Record<string, string>> = { ニ: '二', ロ: '口', エ: '工', カ: '力', タ: '夕', ト: '卜', ハ: '八', ー: '一' };

const HAN = /^\p{Script=Han}$/u;

/**
 * In an address, a katakana look-alike with a kanji on both sides is that kanji (第ニ寿荘 → 第二寿荘, 飯山市ー山
 * → 飯山市一山): no place name puts one katakana between kanji. Katakana next to a number or other kana
 * stay (字ロ12, ハイツ), and so do katakana no kanji looks like (三ツ木, 西磯ノ目, 霞ヶ関).
 */
export function kanjiBetweenKanji(text: string): { text: string; changed: number } {
  const cs = [...text];
  let changed = 0;
  const out = cs.map((c, i) => {
    const to = KANA_FOR_KANJI[c];
    if (!to || !HAN.test(cs[i - 1] ?? '') || !HAN.test(cs[i + 1] ?? '')) return c;
    changed++;
    return to;
  });
  return { text: out.join(''), changed };
}
