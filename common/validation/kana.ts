/**
 * ふりがな handling. Half-width katakana are widened by an explicit table (not NFKC, which
 * would also rewrite other characters); 長音 and small kana survive untouched.
 */
const HALF = 'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL = 'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const VOICED = 'ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ';
const VOICED_FULL = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const SEMI = 'ﾊﾋﾌﾍﾎ';
const SEMI_FULL = 'パピプペポ';

export function widenHalfwidthKatakana(input: string): string {
  let out = '';
  const chars = Array.from(input);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (next === 'ﾞ') {
      const v = VOICED.indexOf(c);
      if (v >= 0) { out += VOICED_FULL[v]; i++; continue; }
      if (c === 'ｳ') { out += 'ヴ'; i++; continue; }
    }
    if (next === 'ﾟ') {
      const p = SEMI.indexOf(c);
      if (p >= 0) { out += SEMI_FULL[p]; i++; continue; }
    }
    const k = HALF.indexOf(c);
    if (k >= 0) out += FULL[k];
    else if (c === 'ﾞ') out += '゛';
    else if (c === 'ﾟ') out += '゜';
    else if (c === ' ') out += '　';
    else out += c;
  }
  return out;
}

/** Hiragana, katakana, 長音, 中黒 and spaces: what a ふりがな field may hold. */
const KANA_ONLY = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC\u30FD\u30FE\u30FB\u3000 ]+$/u;

export function isKana(s: string): boolean {
  return KANA_ONLY.test(s);
}

/** ひらがな → カタカナ by code point offset (ゔ→ヴ, ゕ→ヵ, ゖ→ヶ, ゝゞ→ヽヾ); everything else untouched. */
export function hiraganaToKatakana(input: string): string {
  return input.replace(/[\u3041-\u3096\u309D\u309E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const KATAKANA_ONLY = /^[\u30A1-\u30FA\u30FC\u30FD\u30FE\u30FB\u3000 ]+$/u;

/**
 * 全角カナ for forms printed in カタカナ: half-width katakana widened, ひらがな turned into カタカナ
 * (both are mechanical, so nothing is guessed); 長音 and small kana kept. Null when something else
 * (kanji, latin) is left.
 */
export function toFullwidthKatakana(input: string): string | null {
  const out = hiraganaToKatakana(widenHalfwidthKatakana(input));
  return KATAKANA_ONLY.test(out) ? out : null;
}

/** カタカナ → ひらがな by code point offset (ヴ→ゔ, ヵ→ゕ, ヶ→ゖ, ヽヾ→ゝゞ); 長音 and everything else untouched. */
export function katakanaToHiragana(input: string): string {
  return input.replace(/[\u30A1-\u30F6\u30FD\u30FE]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
