/**
 * Katakana → the roman letters a next-generation card might print (Hepburn, upper case, long vowels not
 * marked: ユウキ → YUUKI is written YUKI on passports, but the card's rule is not public, so both spellings
 * occur in the generator: `longVowels: 'drop' | 'keep'`).
 */
const BASE: Record<string, string> = {
  ア: 'A', イ: 'I', ウ: 'U', エ: 'E', オ: 'O', カ: 'KA', キ: 'KI', ク: 'KU', ケ: 'KE', コ: 'KO', ガ: 'GA', ギ: 'GI', グ: 'GU', ゲ: 'GE', ゴ: 'GO',
  サ: 'SA', シ: 'SHI', ス: 'SU', セ: 'SE', ソ: 'SO', ザ: 'ZA', ジ: 'JI', ズ: 'ZU', ゼ: 'ZE', ゾ: 'ZO', タ: 'TA', チ: 'CHI', ツ: 'TSU', テ: 'TE', ト: 'TO',
  ダ: 'DA', ヂ: 'JI', ヅ: 'ZU', デ: 'DE', ド: 'DO', ナ: 'NA', ニ: 'NI', ヌ: 'NU', ネ: 'NE', ノ: 'NO', ハ: 'HA', ヒ: 'HI', フ: 'FU', ヘ: 'HE', ホ: 'HO',
  バ: 'BA', ビ: 'BI', ブ: 'BU', ベ: 'BE', ボ: 'BO', パ: 'PA', ピ: 'PI', プ: 'PU', ペ: 'PE', ポ: 'PO', マ: 'MA', ミ: 'MI', ム: 'MU', メ: 'ME', モ: 'MO',
  ヤ: 'YA', ユ: 'YU', ヨ: 'YO', ラ: 'RA', リ: 'RI', ル: 'RU', レ: 'RE', ロ: 'RO', ワ: 'WA', ヲ: 'O', ン: 'N',
};
const SMALL: Record<string, string> = { ャ: 'A', ュ: 'U', ョ: 'O' };

export function romaji(kana: string, longVowels: 'drop' | 'keep' = 'drop'): string {
  const cs = [...kana];
  let out = '';
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const next = cs[i + 1];
    if (c === 'ッ') {
      const r = next ? (BASE[next] ?? '') : '';
      out += r.startsWith('CH') ? 'T' : (r[0] ?? '');
      continue;
    }
    if (c === 'ー') continue;
    let r = BASE[c] ?? '';
    if (next && SMALL[next]) {
      r = r.startsWith('SH') || r.startsWith('CH') || r.startsWith('J') ? r.slice(0, -1) + SMALL[next] : r.slice(0, -1) + 'Y' + SMALL[next];
      i++;
    }
    // ン before B, M, P is written N on cards and passports alike (Hepburn's M is optional since 2000)
    out += r;
  }
  if (longVowels === 'drop') out = out.replace(/OU(?![AEIOU])/g, 'O').replace(/UU/g, 'U').replace(/OO(?![AEIOU])/g, 'O');
  return out;
}
