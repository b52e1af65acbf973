import type { AddressParts } from './card-result';
import { asciiDigits, normalizeDashes } from './ocr-text';

export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県',
  '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県',
  '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function kanjiNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? KANJI_DIGITS[m[1]]! : 1) * 10 + (m[2] ? KANJI_DIGITS[m[2]]! : 0);
  if (/^[〇一二三四五六七八九]+$/.test(s)) return Number([...s].map((c) => KANJI_DIGITS[c]).join(''));
  return null;
}

const toFullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Start of the 番地 part: a (kanji) number followed by 丁目/番/番地/-, or a bare number. */
const BLOCK_START = /([0-9０-９]+|[〇一二三四五六七八九十]+)(?=丁目|番地?|[-－]|号|$)|[0-9０-９]/;

/**
 * Splits a printed address into 都道府県 / 市区町村 / 町字 / 番地 / 方書, keeping the original.
 * `normalized` follows the chip's style: full-width digits and U+FF0D hyphens (１－２－３).
 */
export function parseAddress(original: string, known: { municipality?: string | null; town?: string | null } = {}): AddressParts {
  const text = normalizeDashes(original.replace(/[\s\u3000]+/g, ''));
  let rest = text;
  const prefecture = PREFECTURES.find((p) => rest.startsWith(p)) ?? null;
  if (prefecture) rest = rest.slice(prefecture.length);
  // the address master's split when it recognised the place, else the shape of the names (a 市 right
  // after a 市 is still the name: 四日市市, 廿日市市)
  const muni = known.municipality && rest.startsWith(known.municipality) ? [known.municipality, known.municipality] : /^(.+?郡.+?[町村]|.+?市(?!市).+?区|.+?[市区町村](?!市))/.exec(rest);
  const municipality = muni ? muni[1]! : null;
  if (municipality) rest = rest.slice(municipality.length);
  const aza = /^(?:大字|字)/.exec(rest)?.[0] ?? '';
  const knownTown = known.town && rest.startsWith(aza + known.town) ? aza + known.town : null;
  const b = BLOCK_START.exec(rest);
  const town = knownTown ?? (b ? rest.slice(0, b.index) || null : rest || null);
  const blockAndAfter = knownTown ? rest.slice(knownTown.length) : b ? rest.slice(b.index) : '';
  // 番地: numbers joined by 丁目/番/番地/号/hyphens; what follows is the 方書 (building, room)
  const blk = /^(?:(?:[0-9０-９]+|[〇一二三四五六七八九十]+)(?:丁目|番地|番|号|[-－])?)+/.exec(blockAndAfter);
  const block = blk ? blk[0] : null;
  const building = blk ? blockAndAfter.slice(blk[0].length) || null : blockAndAfter || null;
  const normBlock = block ? normalizeBlock(block) : '';
  const normalized = `${prefecture ?? ''}${municipality ?? ''}${town ?? ''}${normBlock}${building ? toFullWidth(asciiDigits(building)) : ''}`;
  return { original, normalized, prefecture, municipality, town, block, building };
}

/** 一丁目7番1号, 1-7-1, １－７－１ → １－７－１ */
function normalizeBlock(block: string): string {
  const nums = [...asciiDigits(block).matchAll(/[0-9]+|[〇一二三四五六七八九十]+/g)].map((m) => kanjiNumber(m[0]));
  if (nums.some((n) => n === null)) return toFullWidth(asciiDigits(block));
  return nums.map((n) => toFullWidth(String(n))).join('－');
}
