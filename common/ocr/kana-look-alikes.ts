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

/** Small katakana and their full-size forms: the model often sizes them wrong (タクヤ read タタャ). */
const FULL_SIZE: Readonly<Record<string, string>> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };

/** Katakana with every small kana as its full-size form (ャ → ヤ, ッ → ツ): a reading compared where size is not trusted. */
export function fullSizeKana(kana: string): string {
  return kana.replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => FULL_SIZE[c] ?? c);
}
