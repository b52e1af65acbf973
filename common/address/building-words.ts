import { fullSizeKana } from '../ocr/kana-look-alikes';

/**
 * Katakana words that Japanese apartment and building names are made of, as far as they hold a ハ-row kana
 * with a mark (パ/バ, ピ/ビ …). The OCR model and a blurred print often cannot tell the 半濁点 from the 濁点;
 * when the glyph's shape cannot either, the form that spells one of these words is taken (コーボ → コーポ).
 * Only words whose other form is no building word are listed.
 */
export const BUILDING_WORDS: readonly string[] = [
  // 半濁点
  'パーク', 'パレス', 'パティオ', 'パストラル', 'パール', 'パイン', 'パシフィック', 'ピア', 'ピアッツァ',
  'プラザ', 'プリンス', 'プレイス', 'プレステージ', 'プラウド', 'プロムナード', 'プルミエ', 'ペア', 'ペガサス',
  'ポート', 'ポラリス', 'コーポ', 'スパシオ', 'キャピタル', 'エンパイア', 'オリンピア', 'シャンピア', 'トップ',
  'ハピネス', 'アパート', 'ジュピター', 'エスポワール', 'スプリング', 'アルペン', 'セピア', 'パビリオン',
  // 濁点
  'ビル', 'ビレッジ', 'ヴィラ', 'ベル', 'ボヌール', 'ブライト', 'ブリーズ', 'ブラン', 'ベイ', 'ビュー', 'ビスタ',
  'バレー', 'バンブー', 'ボワ', 'アーバン', 'ノーブル', 'ルーブル', 'ボナール', 'ビアンカ', 'ブルーム',
];

/**
 * Which of two spellings of the same row (differing in one ハ-row kana's mark at `at`, code point index)
 * spells a building word across that position: the one whose word is found, or null when both or neither do.
 */
export function spelledByWord(a: string, b: string, at: number, words: readonly string[] = BUILDING_WORDS): 'a' | 'b' | null {
  const covers = (s: string): boolean => {
    const cs = [...s];
    return words.some((w) => {
      const n = [...w].length;
      for (let i = Math.max(0, at - n + 1); i <= at && i + n <= cs.length; i++) if (cs.slice(i, i + n).join('') === w) return true;
      return false;
    });
  };
  const ha = covers(a);
  const hb = covers(b);
  return ha === hb ? null : ha ? 'a' : 'b';
}

/**
 * Katakana words of building names that hold a kana with 濁点 outside the ハ row. The model drops a small
 * 濁点 from blurred print (レジデンス read レジテンス), so a row that spells one of these but for missing
 * 濁点 is taken to spell it. As for BUILDING_WORDS, only words whose every form without 濁点 is no word are
 * listed (not グリーン: クリーン is one; not ゴールド: コールド).
 */
export const DAKUTEN_WORDS: readonly string[] = ['レジデンス', 'ガーデン', 'グランド', 'ドミール', 'ステージ', 'ヒルズ', 'ドエル'];

/** Each kana with 濁点 (outside the ハ row) and the same kana without it. */
const UNVOICED: Record<string, string> = Object.fromEntries(
  [...'ガギグゲゴザジズゼゾダヂヅデド'].map((v) => [v, String.fromCharCode(v.charCodeAt(0) - 1)]),
);

/**
 * `text` with each stretch that spells a word of `words` but for one or more characters read as `misread`
 * gives for them (a 濁点 dropped, a small kana read full size) spelled as the word: the same number of code
 * points, every other character as read. Unchanged when nothing matches.
 */
function withWordsSpelled(text: string, words: readonly string[], misread: (ch: string) => string): string {
  const cs = [...text];
  for (const w of words) {
    const ws = [...w];
    const seen = ws.map(misread);
    for (let i = 0; i + ws.length <= cs.length; i++) {
      const at = cs.slice(i, i + ws.length);
      if (at.join('') !== w && at.every((c, k) => c === ws[k] || c === seen[k])) cs.splice(i, ws.length, ...ws);
    }
  }
  return cs.join('');
}

/** `text` with each stretch that spells a word of `words` but for one or more missing 濁点 spelled as the word. */
export function withWordDakuten(text: string, words: readonly string[] = DAKUTEN_WORDS): string {
  return withWordsSpelled(text, words, (c) => UNVOICED[c] ?? c);
}

/** The small vowels that follow ヴ, by the full-size kana the model reads for them. */
const SMALL_AFTER_VU: Record<string, string> = { ア: 'ァ', イ: 'ィ', エ: 'ェ', オ: 'ォ' };

/**
 * `text` with each full-size ア, イ, エ or オ right after ヴ spelled small (ヴイラ → ヴィラ). Katakana writes ヴ
 * with a small vowel (ヴァ ヴィ ヴェ ヴォ; ヴ alone is ヴ or ヴー); the model reads the small kana as its
 * full-size form, as it scales every line to one height and cannot tell them apart by size.
 */
export function withSmallVowelAfterVu(text: string): string {
  return text.replace(/ヴ([アイエオ])/g, (_, v: string) => `ヴ${SMALL_AFTER_VU[v]!}`);
}

/**
 * Katakana words of building names written with a small kana (拗音, 促音, a small vowel). The model scales
 * every line to one height and reads a small kana as its full-size form (マンション read マンシヨン, シティ read
 * シテイ); a stretch that spells one of these but for small kana read full size is taken to spell the word.
 * Only words whose full-size forms are no word are listed (the old registers' マンシヨン is the same word: cards
 * print what the register holds, and the clerk is asked to look, as for every repaired address).
 */
export const SMALL_KANA_WORDS: readonly string[] = ['マンション', 'シティ', 'キャッスル', 'シャトー', 'シャルム', 'ティアラ', 'フォーレ', 'ウィング', 'ファミール', 'ジュネス', 'ヴィレッジ', 'レジデンシャル'];

/** `text` with each stretch that spells a word of `words` but for one or more small kana read full size spelled as the word. */
export function withWordSmallKana(text: string, words: readonly string[] = SMALL_KANA_WORDS): string {
  return withWordsSpelled(text, words, fullSizeKana);
}
