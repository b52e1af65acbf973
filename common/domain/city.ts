import { parseAddress } from '../ocr/parse-address';

/**
 * The city this counter serves, as its IT staff write it in config.json (`"city": { "prefecture":
 * "東京都", "municipality": "千代田区" }`): 都道府県 and 市区町村 (郡 or 政令市の区 included) exactly
 * as they begin the city's own addresses. The app uses it where the answer is usually the city itself:
 * a new address after 転入 / 転居 starts with it, and form fields offer it among their quick picks.
 */
export interface CityIdentity {
  prefecture: string;
  municipality: string;
}

/** What every address in the city starts with: 都道府県 + 市区町村. */
export function cityAddressPrefix(city: CityIdentity | null | undefined): string {
  return city ? `${city.prefecture}${city.municipality}` : '';
}

/** True when an address holds nothing beyond the city's prefix (the prefilled part only, or nothing). */
export function isOnlyCityPrefix(address: string, city: CityIdentity | null | undefined): boolean {
  const a = address.trim();
  return a === '' || a === cityAddressPrefix(city);
}

/**
 * The local government a 市区町村 is part of: a 政令市's 区 acts for its 市 (横浜市中区 → 横浜市); a 町 or
 * 村 in a 郡 is its own (xx郡yy町 → yy町); a 特別区 or any other 市区町村 is itself. It founds the public
 * schools (大阪市立…) and heads the 届 (横浜市長).
 */
export function localAuthorityOf(municipality: string): string {
  const m = municipality.trim();
  const ward = /^(.+?市).+区$/u.exec(m);
  if (ward) return ward[1]!;
  const inGun = /郡(.+[町村])$/u.exec(m);
  if (inGun) return inGun[1]!;
  return m;
}

/**
 * A form field's quick picks (FieldDef.suggestions) as shown: `{都道府県}` and `{市区町村}` become the
 * city's, `{自治体}` its local authority (localAuthorityOf); `{前住所の自治体}` the local authority of the
 * household's previous address (after a 転入: 大阪府大阪市北区… → 大阪市). A pick naming a place that is
 * not known (no city configured, no previous address) is left out.
 */
export function expandSuggestions(suggestions: readonly string[] | undefined, city: CityIdentity | null | undefined, previousAddress?: string | null): string[] {
  const previousMunicipality = previousAddress ? parseAddress(previousAddress).municipality : null;
  const out: string[] = [];
  for (const s of suggestions ?? []) {
    if (/\{(都道府県|市区町村|自治体)\}/.test(s) && !city) continue;
    if (s.includes('{前住所の自治体}') && !previousMunicipality) continue;
    let v = s;
    if (city) v = v.replaceAll('{都道府県}', city.prefecture).replaceAll('{市区町村}', city.municipality).replaceAll('{自治体}', localAuthorityOf(city.municipality));
    if (previousMunicipality) v = v.replaceAll('{前住所の自治体}', localAuthorityOf(previousMunicipality));
    out.push(v);
  }
  return out;
}

/**
 * The household's address as the event needs it: after 転入 / 転居 the new address is in this city,
 * so an empty one starts as the city's prefix (the clerk types only 町字 and 番地); for any other
 * event a prefix nobody continued is taken away again. Anything typed beyond the prefix is kept.
 */
export function addressForEvent(event: string, address: string, city: CityIdentity | null | undefined): string {
  const moving = event === '転入' || event === '転居';
  if (moving && address.trim() === '') return cityAddressPrefix(city);
  if (!moving && city && address.trim() === cityAddressPrefix(city)) return '';
  return address;
}

/**
 * Whom a 届 is addressed to: the head of the city the counter serves. A 特別区 has its own 区長
 * (千代田区長); a 政令市's 区 acts for the 市長 (横浜市中区 → 横浜市長); a 町 or 村 in a 郡 is headed by its
 * own 町長 / 村長. With no city configured the generic 市区町村長 is printed rather than a guess.
 */
export function addresseeOf(city: CityIdentity | null | undefined): string {
  if (!city) return '市区町村長';
  return `${localAuthorityOf(city.municipality)}長`;
}
