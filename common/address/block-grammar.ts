/**
 * What may stand where in a 番地 (the part of an address after its 町域): 丁目 follows a number, 番 is followed
 * by 地, a number or nothing else of the 番地, a number ends in 番, 号, 丁目, 地 or a separator. A character the
 * model read where this grammar allows only a few (信丁目, 番好, 15史) is a misread one of those few, and
 * its print can tell which. Pure: the print is compared by the card reader.
 */

import { KANA_FOR_KANJI } from '../ocr/kana-look-alikes';

/** A character in `read` (a stretch of the address as read) and the characters the grammar allows there. */
export interface GlyphChoice {
  /** the stretch of the address around the character, as read: where the card reader looks for its print */
  read: string;
  /** the character's index in `read` (code points); with `insert`, the index of the character it was dropped before */
  at: number;
  options: string[];
  /**
   * a character the model dropped (平原丁目 for 平原三丁目: 丁目 follows a number, so one is missing before it):
   * the print between `read[at - 1]` and `read[at]` decides whether one of `options` stands there
   */
  insert?: true;
  /**
   * a stretch misread in more than one character (the 町域 笠目 read 等中): the spellings the master allows
   * there, each as long as `read`, for its print to choose among cell by cell (`at` 0, `options` empty)
   */
  words?: string[];
  /**
   * a character read whose print is taken only where it can be counted along its row (the numeral after 第:
   * the model's box of it, and of 第, may lie a character off, so a cell found by a box may be 寿's or 第's)
   */
  countedOnly?: true;
}

const KANJI_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Kana the model gives for a kanji numeral: those of KANA_FOR_KANJI that are numerals, and two drawn like one only
 * in part (七 without its bar is し, 三's bars slanted are ミ). Where only a numeral may stand and the print leaves
 * the numerals close, the kana read names it (the card reader's glyph choice).
 */
export const KANA_FOR_NUMERAL: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(KANA_FOR_KANJI).filter(([, k]) => KANJI_NUMERALS.includes(k))),
  し: '七',
  ミ: '三',
};
const NUMERAL = /^[0-9０-９〇一二三四五六七八九十]$/;
const DIGIT = /^[0-9０-９]$/;
/** What a 番地 is made of besides numbers: a character read as one of these is no misread. */
const BLOCK_PART = /^[丁目番地号のノ\-－ー‐−]$/;
const KANJI = /^\p{Script=Han}$/u;

/** How many characters of context each side of the character go into `read` (enough to find it on one line). */
const CONTEXT = 2;

function choiceAt(cs: string[], i: number, options: string[]): GlyphChoice {
  const a = Math.max(0, i - CONTEXT);
  return { read: cs.slice(a, i + CONTEXT + 1).join(''), at: i - a, options };
}

/**
 * The characters of a 番地 (`block`, what follows the 町域, a building name may follow it) that the grammar
 * says are misread, each with the characters allowed there:
 * - before 丁目, a character that is no number (信丁目, ハ丁目): a kanji numeral;
 * - after 番 and a number before it, a kanji that is not 地 (1709番好): 地;
 * - after a number, a kanji that is no part of a 番地 (15史コーポ): 号 or 番.
 * Only characters from index `from` on (after a 町域 the master found: its own characters are no 番地).
 */
export function blockChoices(block: string, from = 0): GlyphChoice[] {
  const cs = [...block];
  return misreadInBlock(cs)
    .filter(({ i }) => i >= from)
    .map(({ i, options }) => choiceAt(cs, i, options));
}

/**
 * 丁目 right after its 町域 (`block` read from the 町域's start, `townLen` its characters): the number before
 * 丁目 was dropped, and the print after the 町域 shows which kanji numeral it is. Null when 丁目 does not
 * follow the 町域.
 */
export function droppedChomeNumber(block: string, townLen: number): GlyphChoice | null {
  const cs = [...block];
  if (townLen < 1 || cs[townLen] !== '丁' || cs[townLen + 1] !== '目') return null;
  return { ...choiceAt(cs, townLen, KANJI_NUMERALS), insert: true };
}

/** The parts of a 番地 besides numbers, and spaces, as a character class's body. */
const JOINS = '丁目番号地の\\-－ー‐−\\s\\u3000';
/** A character that is no number and no part of a 番地 (a misread one, where the grammar wants one). */
const NOT_BLOCK = `[^0-9０-９〇一二三四五六七八九十${JOINS}]`;
/**
 * 丁目 misread in part right after its 町域, where a number follows: 目 with a number after it stands in a 番地
 * only as 丁目's, so the character before it is 丁 (川茂上耳目23番 for 川茂七丁目23番) and a character before
 * that, no digit or join, its numeral (misread, or read right: 七耳目); where 丁 alone stands there, its numeral
 * was dropped (耳目 for 二丁目). Not 目 misread as well (信本日 for 六丁目): on the tuning sets that let a read
 * with 五 misread 互 (互本日) win over one that read 五丁目, and the print cannot tell 互 from 五. Group 1: the
 * numeral's character, when there is one.
 */
export const CHOME_MISREAD_AFTER_TOWN = new RegExp(`^(?:([^0-9０-９${JOINS}])?${NOT_BLOCK}目)(?=[0-9０-９])`, 'u');

/** The 番地 after a 町域 (`block`: what follows the 町域) with 丁目 misread in part put back (CHOME_MISREAD_AFTER_TOWN). */
export function withChomeAfterTown(block: string): string {
  const m = CHOME_MISREAD_AFTER_TOWN.exec(block);
  return m ? `${m[1] ?? ''}丁目${block.slice(m[0].length)}` : block;
}

/**
 * 丁目 misread in part right after its 町域 (`block` read from the 町域's start, `townLen` its characters;
 * CHOME_MISREAD_AFTER_TOWN): the numeral's character, misread, which the print shows (上 of 上耳目), or the
 * numeral dropped before 丁 (耳目), for the print to show where it is. Null when there is none of these, or
 * the numeral was read as one. The address is repaired again once the print has put a numeral in.
 */
export function misreadChomeNumber(block: string, townLen: number): GlyphChoice | null {
  const cs = [...block];
  const m = townLen >= 1 ? CHOME_MISREAD_AFTER_TOWN.exec(cs.slice(townLen).join('')) : null;
  if (!m || (m[1] !== undefined && NUMERAL.test(m[1]))) return null;
  return m[1] !== undefined ? choiceAt(cs, townLen, KANJI_NUMERALS) : { ...choiceAt(cs, townLen, KANJI_NUMERALS), insert: true };
}

/**
 * The number of an ordinal in the building's name (第 is always followed by one): dropped (第寿荘 for 第二寿荘),
 * the print after 第 shows which kanji numeral stands there; read as a kanji numeral or a kana drawn like one
 * (第一, 第ニ), its print, where it can be counted along its row, decides among the numerals (二's upper bar is
 * the one a blurred photo loses: 第二 read 第一). Null when no 第 is followed by a kanji or such a kana. Only from index `from` on (after the 町域).
 */
export function ordinalNumber(block: string, from = 0): GlyphChoice | null {
  const cs = [...block];
  for (let i = Math.max(0, from); i < cs.length - 1; i++) {
    if (cs[i] !== '第') continue;
    const next = cs[i + 1]!;
    if (KANJI_NUMERALS.includes(next) || KANA_FOR_NUMERAL[next] !== undefined) return { ...choiceAt(cs, i + 1, KANJI_NUMERALS), countedOnly: true };
    if (KANJI.test(next) && !NUMERAL.test(next)) return { ...choiceAt(cs, i + 1, KANJI_NUMERALS), insert: true };
  }
  return null;
}

/**
 * The 番地 with each character the grammar says is misread (blockChoices) replaced by one the grammar allows
 * there: its shape, for telling a 番地 that reads as one from a word (信丁目２１番 is a 番地, ノ森 is not).
 */
export function blockAsAllowed(block: string): string {
  const cs = [...block];
  for (const { i, options } of misreadInBlock(cs)) cs[i] = options[0]!;
  return cs.join('');
}

function misreadInBlock(cs: string[]): { i: number; options: string[] }[] {
  const out: { i: number; options: string[] }[] = [];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (NUMERAL.test(c) || BLOCK_PART.test(c)) continue;
    const prev = cs[i - 1] ?? '';
    if (cs[i + 1] === '丁' && cs[i + 2] === '目' && !NUMERAL.test(prev)) out.push({ i, options: KANJI_NUMERALS });
    else if (prev === '番' && KANJI.test(c) && DIGIT.test(cs[i - 2] ?? '')) out.push({ i, options: ['地'] });
    // (an ordinal after the 番地 begins the building's name: 1第二寿荘)
    else if (DIGIT.test(prev) && KANJI.test(c) && c !== '第') out.push({ i, options: ['号', '番'] });
  }
  return out;
}
