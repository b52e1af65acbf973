import type { AddressMaster } from './address-master';
import { PREFECTURES } from '../ocr/parse-address';

/**
 * How the country's place names are written, as a prior for text the address master cannot check: a
 * building's name (方書) is free text, but it is mostly made of the words places are named with (青葉, 緑,
 * 若葉, 寿, 山田 …). A model's misread of such a word tends to a kanji no place uses (看 for 寿, 旧 for 田)
 * or a pair of kanji no place name has (若人葉 for 若葉), so among readings that disagree, the one written
 * like a place name is the likelier. Built from the master's 市区町村 and 町域 names (~120,000), once.
 */
export interface PlaceWordStats {
  /** in how many place names each kanji occurs */
  kanji: Map<string, number>;
  /** adjacent kanji pairs that occur in some place name, as `first code point × 0x110000 + second` */
  pairs: Set<number>;
}

/** The prior's numbers, each with its reason. */
export const PLACE_WORD_TUNING = {
  /**
   * A kanji in fewer place names than this is rare in them: 寿 is in 180, 青 527, 緑 498, 田 ~12,000; the
   * model's look-alikes for them 看 0, 育 11, 縁 9, 旧 16. The penalty is the log of how much rarer.
   */
  rareBelow: 50,
  /** a pair of kanji side by side that no place name has: this much penalty (若人葉's 若人 and 人葉) */
  unknownPair: 0.5,
} as const;

const HAN = /[\p{Script=Han}々]/u;

const built = new WeakMap<AddressMaster, PlaceWordStats>();

/** The master's place-word statistics, counted on first use and kept with the master. */
export function placeWordStats(master: AddressMaster): PlaceWordStats {
  let stats = built.get(master);
  if (!stats) built.set(master, (stats = countPlaceWords(master)));
  return stats;
}

function countPlaceWords(master: AddressMaster): PlaceWordStats {
  const kanji = new Map<string, number>();
  const pairs = new Set<number>();
  const add = (name: string): void => {
    const seen = new Set<string>();
    let prev: string | null = null;
    for (const ch of name) {
      const han = HAN.test(ch);
      if (han && !seen.has(ch)) {
        seen.add(ch);
        kanji.set(ch, (kanji.get(ch) ?? 0) + 1);
      }
      if (han && prev !== null) pairs.add(pairKey(prev, ch));
      prev = han ? ch : null;
    }
  };
  for (const p of PREFECTURES) {
    for (const m of master.municipalities(p)) {
      add(m.name);
      for (const t of master.towns(m.code)) add(t);
    }
  }
  return { kanji, pairs };
}

const pairKey = (a: string, b: string): number => a.codePointAt(0)! * 0x110000 + b.codePointAt(0)!;

/**
 * How much a text is written like a place name: 0 when every kanji is common in place names and every pair of
 * kanji side by side occurs in one, less for each rare kanji (by the log of its rarity) and each unknown pair.
 * Text without kanji scores 0: katakana and digits are not judged here.
 */
export function placeWordlikeness(text: string, stats: PlaceWordStats): number {
  const T = PLACE_WORD_TUNING;
  let score = 0;
  let prev: string | null = null;
  for (const ch of text) {
    if (!HAN.test(ch)) {
      prev = null;
      continue;
    }
    const n = stats.kanji.get(ch) ?? 0;
    if (n < T.rareBelow) score += Math.log10((1 + n) / (1 + T.rareBelow));
    if (prev !== null && !stats.pairs.has(pairKey(prev, ch))) score -= T.unknownPair;
    prev = ch;
  }
  return score;
}
