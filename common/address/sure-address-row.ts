import { correctAddress, type AddressMaster } from './address-master';

/** The 番地 alone: numbers joined by 丁目/番(地)/号/hyphens (a 長音 is how the model often gives a hyphen). */
const BLOCK = /^(?:[0-9０-９〇一二三四五六七八九十]+(?:丁目|番地|番|号|[-－ー‐−])?)+$/;
/** A 方書 row: a building's name and a room number. */
const BUILDING = /^[\p{Script=Katakana}\p{Script=Han}ー・]{2,}[0-9０-９]{1,4}号?$/u;
/** パ/バ and ポ/ボ are the model's usual slips in building names: such rows are always read again. */
const VOICED_HA = /[バビブベボパピプペポ]/;

/**
 * Whether one row of a card's 住所, as first read, is sure enough to keep without second reads: the model is
 * confident and the text has the shape it must have — the first row a place the address master knows exactly
 * (都道府県, 市区町村 and 町域 with no repair) followed by the 番地 alone; a later row a building and room.
 */
export function addressRowIsSure(text: string, confidence: number, first: boolean, master: AddressMaster): boolean {
  if (confidence < 0.9) return false;
  const t = text.replace(/[\s\u3000]/g, '');
  if (!first) return BUILDING.test(t) && !VOICED_HA.test(t);
  const c = correctAddress(t, master);
  if (c.repaired > 0 || !c.prefecture || !c.municipality || !c.town) return false;
  const after = t.slice(c.prefecture.length + c.municipality.length);
  const aza = /^(?:大字|字)/.exec(after)?.[0] ?? '';
  if (!after.startsWith(aza + c.town)) return false;
  return BLOCK.test(after.slice(aza.length + c.town.length));
}
