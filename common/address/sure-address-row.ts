import { correctAddress, type AddressMaster } from './address-master';

/** The 番地 alone: numbers joined by 丁目/番(地)/号/hyphens (a 長音 is how the model often gives a hyphen). */
export const BLOCK = /^(?:[0-9０-９〇一二三四五六七八九十]+(?:丁目|番地|番|号|[-－ー‐−])?)+$/;
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

/** What the model reads digits as, in 番地 printed in mincho or gothic. */
const DIGIT_LOOKALIKES = 'ノフイオォえクりリスヌメヲァィロ口〇OoIl|';

/** What a 番地 is written with: the model's whitelist for reading one again. */
export const BLOCK_CHARS = '0123456789０１２３４５６７８９丁目番地号－-ー';

/**
 * The 番地 of a first address row to read again as numbers, as code point indices [start, end) (spaces
 * ignored): it starts right after the 町域 the address master recognised and ends where the building's name
 * begins (two characters in a row that are neither digits nor joins), and it holds a few characters the model
 * gives for digits or hyphens (北沢ノー６－１１, 栄イー２３－２４, 下鴨４オー３０－９メゾン緑). Null when it reads as a
 * 番地 already, holds a word, or the master cannot place the row.
 */
export function blockToMend(text: string, master: AddressMaster): { start: number; end: number } | null {
  const t = text.replace(/[\s\u3000]/g, '');
  const c = correctAddress(t, master);
  if (!c.prefecture || !c.municipality || !c.town) return null;
  const cs = [...t];
  const before = [...c.prefecture].length + [...c.municipality].length;
  const after = cs.slice(before).join('');
  const aza = /^(?:大字|字)/.exec(after)?.[0] ?? '';
  if (!after.startsWith(aza + c.town)) return null;
  const start = before + [...aza].length + [...c.town].length;
  const blockish = (ch: string | undefined): boolean => ch !== undefined && /[0-9０-９丁目番地号\-－ー‐−一]/.test(ch);
  let end = start;
  while (end < cs.length && (blockish(cs[end]) || blockish(cs[end + 1]))) end++;
  const rest = cs.slice(start, end);
  const odd = rest.filter((ch) => !blockish(ch));
  if (rest.length === 0 || rest.length > 14 || odd.length === 0 || odd.length > 3 || !rest.some((ch) => /[0-9０-９]/.test(ch))) return null;
  // only characters the model gives for digits (ノ フ イ for 7, オ for 4 …): a word there is no misread 番地
  if (!odd.every((ch) => DIGIT_LOOKALIKES.includes(ch))) return null;
  return { start, end };
}
