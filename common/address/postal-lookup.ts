import { PREFECTURES } from '../ocr/parse-address';
import { parsePostalCode } from '../validation/postal-code';
import type { AddressMaster, PostalPlace } from './address-master';

/**
 * 郵便番号 ⇄ 住所 for the clerk's address fields, from the address master (KEN_ALL). Names cross exactly as
 * the master spells them and the clerk typed them (no NFKC): only the 郵便番号 is folded (full-width digits,
 * any dash, 〒) to find its key.
 */
export interface PostalCodeLookup {
  /** the 7 digits looked up; '' when the input is not a 郵便番号 */
  postalCode: string;
  /** what the address field gets: 都道府県+市区町村, and the 町域 when the code has only one; '' when unknown */
  address: string;
  /** the code covers several 町域: the clerk picks one, which follows `address` */
  towns: string[];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** What a 郵便番号 says about the address. A municipality-wide code (以下に掲載がない場合) gives 都道府県+市区町村. */
export function lookupPostalCode(master: AddressMaster, raw: string): PostalCodeLookup {
  const p = parsePostalCode(raw);
  if (!p.ok) return { postalCode: '', address: '', towns: [] };
  const places = master.byPostalCode(p.digits);
  return { postalCode: p.digits, ...fillFor(places) };
}

/** The part all places share goes into the field; where they differ, the rest is for the clerk to pick. */
function fillFor(places: PostalPlace[]): { address: string; towns: string[] } {
  if (places.length === 0) return { address: '', towns: [] };
  const first = places[0]!;
  const samePref = places.every((x) => x.prefecture === first.prefecture);
  const sameMuni = samePref && places.every((x) => x.municipality === first.municipality);
  const base = sameMuni ? `${first.prefecture}${first.municipality}` : samePref ? first.prefecture : '';
  const rest = uniq(places.map((x) => `${x.prefecture}${x.municipality}${x.town}`.slice(base.length))).filter((r) => r !== '');
  if (rest.length === 1 && sameMuni) return { address: base + rest[0], towns: [] };
  return { address: base, towns: rest };
}

export interface AddressPostalCodes {
  /** the codes of the place the address names, ascending (several: one 町域 name used twice, as in 京都市) */
  postalCodes: string[];
  /** 都道府県+市区町村+町域 as the master spells it, the part of the address the codes were found for */
  place: string;
}

const NONE: AddressPostalCodes = { postalCodes: [], place: '' };
/**
 * 京都市's addresses name the street and the direction before the 町域 (寺町通御池上る上本能寺前町): the 町域
 * follows the last 上る / 下る / 西入 … .
 */
const KYOTO_DIRECTION = /(?:上がる|下がる|上る|上ル|下る|下ル|西入る|西入ル|東入る|東入ル|西入|東入|入る|入ル)/gu;
/** KEN_ALL leaves out 大字 and 字, which addresses often write */
const AZA = /^(?:大字|字)/u;
/** the 番地 straight after the 市区町村: an address with no 町域 */
const BLOCK_FIRST = /^[0-9０-９〇一二三四五六七八九十]+(?:番|丁目|[-－]|$)|^無番地/u;

/**
 * The 郵便番号 of the place an address names: 都道府県, 市区町村 and 町域 spelled exactly as the master
 * does, longest first (a 町域 typed only in part finds nothing). A municipality's own code is given when it
 * has no 町域 listed, or when the 番地 follows the 市区町村 directly.
 */
export function postalCodesForAddress(master: AddressMaster, address: string): AddressPostalCodes {
  const a = address.trim();
  const pref = PREFECTURES.find((p) => a.startsWith(p));
  if (!pref) return NONE;
  const afterPref = a.slice(pref.length);
  const muni = master.municipalities(pref).find((m) => afterPref.startsWith(m.name));
  if (!muni) return NONE;
  const rest = afterPref.slice(muni.name.length);
  const base = `${pref}${muni.name}`;
  const town = townAt(master.towns(muni.code), rest);
  if (town) {
    const codes = master.postalCodesOf(muni.code, town);
    return codes.length > 0 ? { postalCodes: codes, place: base + town } : NONE;
  }
  if (master.towns(muni.code).length === 0 || BLOCK_FIRST.test(rest)) {
    const codes = master.postalCodesOf(muni.code, '');
    return codes.length > 0 ? { postalCodes: codes, place: base } : NONE;
  }
  return NONE;
}

/** The longest 町域 (towns come longest first) the text starts with, or that follows a 京都 direction. */
function townAt(towns: string[], rest: string): string | null {
  let at = 0;
  for (const m of rest.matchAll(KYOTO_DIRECTION)) at = m.index + m[0].length;
  // after the direction first; from the start too, in case a 町域's own name holds such a word
  const starts = uniq([rest.slice(at), rest]).flatMap((s) => [s, s.replace(AZA, '')]);
  for (const t of starts) {
    const found = towns.find((name) => t.startsWith(name));
    if (found) return found;
  }
  return null;
}
