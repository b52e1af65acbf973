import type { Rng } from './random';
import { formatWareki } from '../../../common/validation/wareki';

/** Synthetic people: invented names, real place names, no real person. */
const FAMILY: readonly [string, string][] = [
  ['山田', 'ヤマダ'], ['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'],
  ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'], ['吉田', 'ヨシダ'], ['山本', 'ヤマモト'],
  ['松本', 'マツモト'], ['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'], ['清水', 'シミズ'],
  ['森', 'モリ'], ['池田', 'イケダ'], ['橋本', 'ハシモト'], ['石川', 'イシカワ'], ['前田', 'マエダ'],
  ['藤原', 'フジワラ'], ['岡田', 'オカダ'], ['長谷川', 'ハセガワ'], ['村上', 'ムラカミ'], ['近藤', 'コンドウ'],
  ['坂本', 'サカモト'], ['遠藤', 'エンドウ'], ['青木', 'アオキ'], ['西村', 'ニシムラ'], ['福田', 'フクダ'],
  ['太田', 'オオタ'], ['三浦', 'ミウラ'], ['藤井', 'フジイ'], ['岡本', 'オカモト'], ['松田', 'マツダ'],
  ['中川', 'ナカガワ'], ['原田', 'ハラダ'], ['小野', 'オノ'], ['竹内', 'タケウチ'], ['金子', 'カネコ'],
];
/** family names with a variant the OCR model cannot output (髙 﨑 邉 齋 濵) */
const RARE_FAMILY: readonly [string, string][] = [
  ['髙橋', 'タカハシ'], ['山﨑', 'ヤマザキ'], ['渡邉', 'ワタナベ'], ['齋藤', 'サイトウ'], ['濵田', 'ハマダ'], ['宮﨑', 'ミヤザキ'],
];
const GIVEN: readonly [string, string, 'M' | 'F'][] = [
  ['太郎', 'タロウ', 'M'], ['一郎', 'イチロウ', 'M'], ['健太', 'ケンタ', 'M'], ['翔', 'ショウ', 'M'], ['大輔', 'ダイスケ', 'M'],
  ['誠', 'マコト', 'M'], ['拓也', 'タクヤ', 'M'], ['浩二', 'コウジ', 'M'], ['直樹', 'ナオキ', 'M'], ['勇気', 'ユウキ', 'M'],
  ['花子', 'ハナコ', 'F'], ['陽子', 'ヨウコ', 'F'], ['美咲', 'ミサキ', 'F'], ['由美', 'ユミ', 'F'], ['恵', 'メグミ', 'F'],
  ['真由美', 'マユミ', 'F'], ['彩', 'アヤ', 'F'], ['京子', 'キョウコ', 'F'], ['優子', 'ユウコ', 'F'], ['さくら', 'サクラ', 'F'],
];
const LATIN_FAMILY = ['SMITH', 'NGUYEN', 'GARCIA', 'KIM', 'SILVA', 'WANG', 'SANTOS', 'MILLER', 'LOPEZ', 'TRAN', 'PEREIRA', 'CHEN'];
const LATIN_GIVEN: readonly [string, 'M' | 'F'][] = [
  ['JOHN', 'M'], ['MARIA', 'F'], ['VAN AN', 'M'], ['ANNA', 'F'], ['CARLOS', 'M'], ['LINH', 'F'], ['DAVID', 'M'], ['SOFIA', 'F'],
];
const PLACES: readonly [string, string, readonly string[]][] = [
  ['東京都', '千代田区', ['千代田', '永田町', '霞が関', '丸の内', '神田錦町']],
  ['東京都', '世田谷区', ['太子堂', '三軒茶屋', '北沢', '代沢']],
  ['大阪府', '大阪市北区', ['梅田', '中之島', '天神橋']],
  ['神奈川県', '横浜市中区', ['日本大通', '山下町', '本町']],
  ['北海道', '札幌市中央区', ['北一条西', '南三条東']],
  ['愛知県', '名古屋市中区', ['三の丸', '栄', '錦']],
  ['福岡県', '福岡市博多区', ['博多駅前', '中洲', '住吉']],
  ['埼玉県', 'さいたま市浦和区', ['高砂', '常盤', '岸町']],
  ['千葉県', '船橋市', ['本町', '湊町', '宮本']],
  ['京都府', '京都市左京区', ['下鴨', '吉田本町', '岩倉']],
  ['長野県', '北佐久郡軽井沢町', ['大字軽井沢', '大字長倉']],
  ['宮城県', '仙台市青葉区', ['国分町', '一番町', '本町']],
];
const BUILDINGS = ['コーポ山田', 'グランドハイツ', 'サンライズマンション', 'メゾン緑', 'パークハウス'];

const FW = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const KANJI_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface Person {
  family: string;
  given: string;
  familyKana: string | null;
  givenKana: string | null;
  latin: boolean;
  sex: 'M' | 'F';
  birthIso: string;
  /** printed address lines (one or two) */
  addressLines: string[];
  expiryIso: string;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function makePerson(rng: Rng, opts: { latin: boolean; rareRate: number }): Person {
  const y = rng.int(1930, 2015);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const birthIso = isoDate(y, m, d);
  // 有効期限: birthday in a year 2026–2036; some already expired (2020–2025)
  const ey = rng.chance(0.15) ? rng.int(2020, 2025) : rng.int(2026, 2036);
  const expiryIso = isoDate(ey, m, d);
  const [pref, city, towns] = rng.pick(PLACES);
  const town = rng.pick(towns);
  const c = rng.int(1, 9);
  const b = rng.int(1, 40);
  const g = rng.int(1, 30);
  const style = rng.int(0, 3);
  const num =
    style === 0 ? `${FW(String(c))}丁目${FW(String(b))}番${FW(String(g))}号`
      : style === 1 ? `${FW(String(c))}－${FW(String(b))}－${FW(String(g))}`
        : style === 2 ? `${KANJI_NUM[c]}丁目${b}番${g}号`
          : `${c}-${b}-${g}`;
  const line1 = `${pref}${city}${town}${num}`;
  const addressLines = rng.chance(0.4) ? [line1, `${rng.pick(BUILDINGS)}${FW(String(rng.int(1, 9)))}０${FW(String(rng.int(1, 9)))}号`] : [line1];
  if (opts.latin) {
    const [gn, sex] = rng.pick(LATIN_GIVEN);
    return { family: rng.pick(LATIN_FAMILY), given: gn, familyKana: null, givenKana: null, latin: true, sex, birthIso, addressLines, expiryIso };
  }
  const [family, familyKana] = rng.chance(opts.rareRate) ? rng.pick(RARE_FAMILY) : rng.pick(FAMILY);
  const [given, givenKana, sex] = rng.pick(GIVEN);
  return { family, given, familyKana, givenKana, latin: false, sex, birthIso, addressLines, expiryIso };
}

/** How a date is printed: `昭和60年 3月 3日` or `1985年 3月 3日`, digits half or full width. */
export function printDate(iso: string, wareki: boolean, fullWidth: boolean): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const base = wareki ? formatWareki(iso) : `${y}年${m}月${d}日`;
  const s = base.replace('年', '年 ').replace('月', '月 ');
  return fullWidth ? FW(s) : s;
}
