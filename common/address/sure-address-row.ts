import { correctAddress, type AddressMaster } from './address-master';
import { PREFECTURES } from '../ocr/parse-address';
import { blockAsAllowed } from './block-grammar';
import { BUILDING_WORDS, DAKUTEN_WORDS } from './building-words';
import { kanjiBetweenKanji } from '../ocr/kana-look-alikes';
import { SPACE } from '../ocr/card-labels';

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
  return readsAsBlock(after.slice(aza.length + c.town.length));
}

/**
 * Whether a first row of a card's 住所, as first read, is a place the address master spells exactly and
 * nothing more: its 都道府県 and then one of that prefecture's 市区町村, or the first part of one where a
 * card wraps the row (a 郡 before its 町村: 奈良県磯城郡 | 田原本町…; a designated city before its 区:
 * 新潟県新潟市 | 南区…). Every character is vouched for by the master, so a confident read of it needs no
 * second reads; a look-alike the master does not know (印施郡 for 印旛郡) is no such row.
 */
export function addressRowIsPlaceOnly(text: string, master: AddressMaster): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  const prefecture = PREFECTURES.find((p) => t.startsWith(p));
  const rest = prefecture ? t.slice(prefecture.length) : '';
  if (!prefecture || rest.length === 0) return false;
  return master.municipalities(prefecture).some((m) => m.name === rest || (m.name.startsWith(rest) && wrapsBetween(rest, m.name.slice(rest.length))));
}

/**
 * Where a municipality's name may be wrapped onto the next row: between a 郡 and its 町村, or between a
 * designated city and its 区 (not inside a name: 四日市 is not 四日市市 wrapped).
 */
function wrapsBetween(head: string, tail: string): boolean {
  return (head.endsWith('郡') && /^[^郡]+[町村]$/.test(tail)) || (head.endsWith('市') && /^[^市]+区$/.test(tail));
}

/**
 * What the model reads digits and hyphens as, in 番地 printed in mincho or gothic (a full-width dash as ニ,
 * two bars; a full-width １ with its flag and its foot serif as ユ or エ; 5 8 2 6 as the capitals S B Z G), and
 * the specks it reads between them as marks (a full stop, a middle dot) or letters (８S－３５ for ８－３５).
 */
const DIGIT_LOOKALIKES = 'ノフイオォえクりリスヌメヲァィロ口〇OoIl|!.・ニユエSBZG';

/** What a 番地 is written with: the model's whitelist for reading one again. */
export const BLOCK_CHARS = '0123456789０１２３４５６７８９丁目番地号－-ー';

/** Where the 番地 of an address's rows (joined, from its first) lies, as code point indices [start, end) (spaces ignored). */
interface BlockSpan {
  start: number;
  end: number;
  /** the 番地 as read */
  rest: string[];
}

/** The building words' characters, split once (blockSpan runs for every candidate reading of a row). */
const WORD_CHARS = [...BUILDING_WORDS, ...DAKUTEN_WORDS].map((w) => [...w]);

const JOIN = /^[-－ー‐−]$/;
const DIGIT = /^[0-9０-９]$/;
const DATE_UNIT = /^[年月日]$/;

/**
 * Whether `cs[i]` is a 一 that ends a run of arabic digits (３－３８一): no number is written half in arabic
 * digits and half in kanji numerals, and a 一 between two digits is a join (６一19), so this one is a join
 * whose digit after it the model lost (３－３８－７), or a digit it read as the numeral: a misread 番地.
 */
export function numeralAfterDigits(cs: readonly string[], i: number): boolean {
  return cs[i] === '一' && DIGIT.test(cs[i - 1] ?? '') && !DIGIT.test(cs[i + 1] ?? '');
}

/**
 * Whether `cs[i]` is one of one or two characters standing between two digits (７T上４０): a 番地's numbers
 * are joined by a join (－, 丁目, 番), so these are one the model misread, whatever it read them as.
 */
export function betweenDigits(cs: readonly string[], i: number): boolean {
  const d = (k: number): boolean => DIGIT.test(cs[k] ?? '');
  // (a date's units join a date's numbers: a date row below the address is no 番地 read amiss)
  if (DATE_UNIT.test(cs[i] ?? '') || DATE_UNIT.test(cs[i + 1] ?? '') || DATE_UNIT.test(cs[i - 1] ?? '')) return false;
  return !d(i) && ((d(i - 1) && (d(i + 1) || d(i + 2))) || (d(i - 2) && d(i + 1) && !d(i - 1)));
}

/** Whether `cs[i]` is a join misread as something no digit looks like (見 of ７見４０番), not a digit's look-alike. */
export function misreadJoin(cs: readonly string[], i: number): boolean {
  return !blockish(cs[i]) && !lookalike(cs[i]) && betweenDigits(cs, i);
}

/** Whether `text` is written as a 番地 is: numbers and joins (BLOCK), and no number ending in a 一 after digits. */
export function readsAsBlock(text: string): boolean {
  const cs = [...text];
  return BLOCK.test(text) && !cs.some((_, i) => numeralAfterDigits(cs, i));
}
const blockish = (ch: string | undefined): boolean => ch !== undefined && /[0-9０-９丁目番地号\-－ー‐−一]/.test(ch);
const lookalike = (ch: string | undefined): boolean => ch !== undefined && DIGIT_LOOKALIKES.includes(ch);

/**
 * The 番地 of an address's rows (joined, from its first): it starts right after the 町域 (as the address
 * master knows it, else its kanji) and ends where the building's name begins (two characters in a row that
 * are neither digits nor joins; digit look-alikes count as part of it while a digit or join follows within
 * two; ー after a katakana that stands for no digit is a 長音; a building word begins the 方書: ノーブル). Null
 * when the master cannot place the 市区町村.
 */
function blockSpan(text: string, master: AddressMaster): BlockSpan | null {
  const t = text.replace(/[\s\u3000]/g, '');
  const c = correctAddress(t, master);
  if (!c.prefecture || !c.municipality) return null;
  // a katakana look-alike between kanji is the kanji (ニ丁目 is 二丁目, no misread digit): one for one, so
  // the indices stay those of the text
  const cs = [...kanjiBetweenKanji(t).text];
  const before = [...c.prefecture].length + [...c.municipality].length;
  const after = cs.slice(before).join('');
  const aza = /^(?:大字|字)/.exec(after)?.[0] ?? '';
  // a 町域 the master does not list (KEN_ALL leaves out most 字 of its "以下に掲載がない場合" places): its
  // kanji, up to the first character that is not one
  const town = c.town ?? /^[\p{Script=Han}々ヶ]+/u.exec(after.slice(aza.length))?.[0];
  if (!town || !after.startsWith(aza + town)) return null;
  const start = before + [...aza].length + [...town].length;
  let end = start;
  // ー after a katakana that stands for no digit is a 長音 (パーク, リバー), not a join the 番地 goes on with
  const blockAt = (j: number): boolean => blockish(cs[j]) && !(cs[j] === 'ー' && /\p{Script=Katakana}/u.test(cs[j - 1] ?? '') && !lookalike(cs[j - 1]));
  // a building word begins the 方書, even with a letter the model gives for a digit (ノーブル, コーポ)
  // … and so does an ordinal (第二寿荘, 第一ビル: 第 is no part of a 番地, and 一 after it is no dash)
  const wordAt = (i: number): boolean => cs[i] === '第' || WORD_CHARS.some((w) => w.every((ch, k) => cs[i + k] === ch));
  // a look-alike ending the text right after a join is its last digit (３－３７－！)
  // … as is one right after a join between a number and the 方書: a join is followed by a number (９－２－７メゾン
  // read ９－２ーイメゾン)
  // … and one or two characters of any kind between two digits are a join misread (７T上４０番 for ７丁目４０番)
  const afterJoin = (i: number): boolean => JOIN.test(cs[i - 1] ?? '') && (i === cs.length - 1 || DIGIT.test(cs[i - 2] ?? ''));
  const joinsOn = (i: number): boolean => blockAt(i) || blockAt(i + 1) || (lookalike(cs[i]) && (blockAt(i + 2) || afterJoin(i))) || betweenDigits(cs, i);
  while (end < cs.length && !wordAt(end) && joinsOn(end)) end++;
  return { start, end, rest: cs.slice(start, end) };
}

/**
 * Whether `text` has a space between two digits inside `part` (code point indices into its compact form): a
 * 番地's numbers are joined by a character (－, 番, 号 …), never by a gap, so the model dropped one there.
 */
export function gapBetweenNumbers(text: string, part: { start: number; end: number }): boolean {
  const digit = /[0-9０-９]/;
  let k = 0;
  let prev = '';
  let spaced = false;
  for (const ch of text) {
    if (/[\s\u3000]/.test(ch)) {
      spaced = k > 0;
      continue;
    }
    // what compact() drops besides spaces: no character, no gap
    if (SPACE.test(ch)) continue;
    if (spaced && k > part.start && k < part.end && digit.test(prev) && digit.test(ch)) return true;
    spaced = false;
    prev = ch;
    k++;
  }
  return false;
}

/**
 * The 番地 of an address's rows (joined, from its first) to read again as numbers, as code point indices
 * [start, end) (spaces ignored; see blockSpan), when it holds a few characters the model gives for digits or hyphens
 * (北沢ノー６－１１, 栄イー２３－２４, 下鴨４オー３０－９メゾン緑, 下鴨オーオォー１４). Null when it reads as a 番地
 * already, holds a word, or the master cannot place the row's 市区町村.
 */
export function blockToMend(text: string, master: AddressMaster): { start: number; end: number } | null {
  const span = spanInRead(text, master);
  if (!span) return null;
  const { start, end, rest } = span;
  const odd = [...rest.keys()].filter((i) => !blockish(rest[i]) || numeralAfterDigits(rest, i));
  if (rest.length === 0 || rest.length > 14 || odd.length > 3 || !rest.some((ch) => /[0-9０-９]/.test(ch))) return null;
  // digits and joins only: to be read again only where a join was read as a gap
  if (odd.length === 0) return gapBetweenNumbers(text, { start, end }) ? { start, end } : null;
  // only characters the model gives for digits (ノ フ イ for 7, オ for 4 …): a word there is no misread 番地
  if (!odd.every((i) => lookalike(rest[i]) || numeralAfterDigits(rest, i) || betweenDigits(rest, i))) return null;
  return { start, end };
}

/**
 * Where the 番地 of an address's rows (joined, from its first) lies, as code point indices [start, end) into
 * the text without its spaces, however it reads; null when the master cannot place the 市区町村 or there is none.
 */
export function blockOf(text: string, master: AddressMaster): { start: number; end: number } | null {
  const span = spanInRead(text, master);
  return span && span.end > span.start ? { start: span.start, end: span.end } : null;
}

/**
 * blockSpan of a read, its indices the read's without spaces and specks: found after the places as the
 * master spells them (a 町域 read one character off, 第沢 for 簗沢, is still the row's 町域) where that repair
 * keeps every character's index, else as read.
 */
function spanInRead(text: string, master: AddressMaster): BlockSpan | null {
  const t = [...text].filter((ch) => !SPACE.test(ch)).join('');
  const fixed = correctAddress(t, master).text;
  return blockSpan([...fixed].length === [...t].length ? fixed : t, master);
}

/**
 * Whether the 番地 of an address's rows (joined, from its first) reads as one (digits and joins only, once
 * the characters its grammar leaves to the print are settled; a row may end inside 丁目, as 小田川２丁 | 目１６番 wraps); null when the
 * master cannot place the row.
 */
export function blockIsClean(text: string, master: AddressMaster): boolean | null {
  // the places as the master spells them (a 町域 read one character off is still the row's 町域)
  const span = blockSpan(correctAddress(text.replace(/[\s\u3000]/g, ''), master).text, master);
  // a character the 番地's grammar leaves to a few (信 of 信丁目) is settled later by its print: no word
  return span ? span.rest.length > 0 && readsAsBlock(blockAsAllowed(span.rest.join('')).replace(/丁$/, '')) : null;
}
