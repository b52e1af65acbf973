import { variantMatchKey } from '../kanji/variants';
import { katakanaToHiragana } from '../validation/kana';
import { READING_PATTERN, type ReadingEntry, type ReadingKind } from './reading-table';

/**
 * Likely readings (ひらがな) of a family or given name, for the clerk to offer as one-click choices.
 * Never a decision: the clerk confirms the reading with the resident.
 *
 * Order: the name's own entries of its kind (exact code points first, then entries equal up to kanji
 * variants, so 髙橋 finds 高橋); without any, entries of the other kind, then readings composed from
 * pieces that each have an entry (崎子 → さき + こ). A name written in kana reads as itself.
 * The stored name is never changed: variants are folded only for the lookup.
 */
export type NameKind = '姓' | '名';

export const MAX_SUGGESTIONS = 6;
/** longer names are not composed (a name is rarely more than 5 characters) */
const MAX_COMPOSE_CHARS = 12;
const MAX_PIECE_CHARS = 4;
const READINGS_PER_PIECE = 3;
const MAX_SEGMENTATIONS = 4;

const KANA_NAME = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC\u30FD\u30FE]+$/u;
const VOICED = 'がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ';
const UNVOICED = 'かきくけこさしすせそたちつてとはひふへほはひふへほ';

class KindIndex {
  private readonly exact = new Map<string, string[]>();
  private readonly folded = new Map<string, string[]>();

  add(surface: string, readings: readonly string[]): void {
    addAll(this.exact, surface, readings);
    addAll(this.folded, variantMatchKey(surface), readings);
  }

  get(s: string): string[] {
    return unique([...(this.exact.get(s) ?? []), ...(this.folded.get(variantMatchKey(s)) ?? [])]);
  }

  get size(): number {
    return this.exact.size;
  }

  /** surface with one character blanked → the surfaces that have it; built on the first call (~30k names) */
  private blanks: Map<string, string[]> | null = null;

  /** The listed surfaces of the same length that differ from `s` in exactly one character. */
  oneOff(s: string): string[] {
    if (!this.blanks) {
      const m = new Map<string, string[]>();
      for (const surface of this.exact.keys()) {
        const cs = [...surface];
        for (let i = 0; i < cs.length; i++) {
          const key = blankAt(cs, i);
          const list = m.get(key);
          if (list) list.push(surface);
          else m.set(key, [surface]);
        }
      }
      this.blanks = m;
    }
    const cs = [...s];
    const out = new Set<string>();
    for (let i = 0; i < cs.length; i++) for (const n of this.blanks.get(blankAt(cs, i)) ?? []) if (n !== s) out.add(n);
    return [...out];
  }
}

/** The characters with the i-th one replaced by a character no name holds. */
function blankAt(cs: readonly string[], i: number): string {
  return [...cs.slice(0, i), '\u0000', ...cs.slice(i + 1)].join('');
}

function addAll(m: Map<string, string[]>, key: string, readings: readonly string[]): void {
  const cur = m.get(key);
  if (!cur) m.set(key, [...readings]);
  else for (const r of readings) if (!cur.includes(r)) cur.push(r);
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** ざき when さき is also a reading of the piece: a 連濁 form, not how a name starts. */
function isVoicedFormOfAnother(r: string, all: readonly string[]): boolean {
  const i = VOICED.indexOf(r[0]!);
  return i >= 0 && all.includes(UNVOICED[i]! + r.slice(1));
}

export interface NameReadings {
  suggest(name: string, kind: NameKind): string[];
  /** whether the tables list this surface as a family (姓) or given (名) name (variants match their common form) */
  known(name: string, kind: NameKind): boolean;
  /**
   * The family (姓) or given (名) names the tables list that are one character away from `name` (same
   * length, exactly one character different): what a name misread in one character may have been.
   */
  oneOff(name: string, kind: NameKind): string[];
  /** surfaces per kind, for the start-up log */
  readonly counts: { family: number; given: number; pieces: number };
}

/** Builds the lookup from tables in priority order (IPADIC first, then the supplement). */
export function buildNameReadings(tables: readonly (readonly ReadingEntry[])[]): NameReadings {
  const idx: Record<ReadingKind, KindIndex> = { 姓: new KindIndex(), 名: new KindIndex(), 部品: new KindIndex() };
  for (const t of tables) for (const e of t) idx[e.kind].add(e.surface, e.readings);

  const pieceReadings = (seg: string, kind: NameKind): string[] => {
    if (KANA_NAME.test(seg)) return [katakanaToHiragana(seg)].filter((r) => READING_PATTERN.test(r));
    return unique([...idx.部品.get(seg), ...idx[kind].get(seg), ...idx[other(kind)].get(seg)]);
  };

  const compose = (chars: readonly string[], kind: NameKind): string[] => {
    const n = chars.length;
    if (n === 0 || n > MAX_COMPOSE_CHARS) return [];
    // fewest pieces from position i to the end (Infinity: cannot be covered)
    const piecesOf = new Map<string, string[]>();
    const readingsAt = (i: number, j: number) => {
      const key = `${i}:${j}`;
      let r = piecesOf.get(key);
      if (!r) piecesOf.set(key, (r = pieceReadings(chars.slice(i, j).join(''), kind)));
      return r;
    };
    const best: number[] = Array(n + 1).fill(Infinity);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = Math.min(n, i + MAX_PIECE_CHARS); j > i; j--) {
        if (best[j]! + 1 < best[i]! && readingsAt(i, j).length > 0) best[i] = best[j]! + 1;
      }
    }
    if (best[0] === Infinity) return [];
    // the segmentations with that fewest number of pieces, longer first pieces first
    const segs: [number, number][][] = [];
    const walk = (i: number, acc: [number, number][]) => {
      if (segs.length >= MAX_SEGMENTATIONS) return;
      if (i === n) return void segs.push(acc);
      for (let j = Math.min(n, i + MAX_PIECE_CHARS); j > i; j--) {
        if (best[j]! + 1 === best[i] && readingsAt(i, j).length > 0) walk(j, [...acc, [i, j]]);
      }
    };
    walk(0, []);
    const out: string[] = [];
    for (const seg of segs) {
      let partial = [''];
      seg.forEach(([i, j], k) => {
        const all = readingsAt(i, j);
        const rs = (k === 0 ? all.filter((r) => !isVoicedFormOfAnother(r, all)) : all).slice(0, READINGS_PER_PIECE);
        partial = partial.flatMap((p) => rs.map((r) => p + r)).slice(0, MAX_SUGGESTIONS);
      });
      out.push(...partial);
    }
    return unique(out);
  };

  return {
    counts: { family: idx.姓.size, given: idx.名.size, pieces: idx.部品.size },
    known: (name, kind) => idx[kind].get(name.trim()).length > 0,
    oneOff: (name, kind) => idx[kind].oneOff(name.trim()),
    suggest(name, kind) {
      const s = name.trim();
      if (s === '') return [];
      if (KANA_NAME.test(s)) return pieceReadings(s, kind);
      const own = idx[kind].get(s);
      if (own.length > 0) return own.slice(0, MAX_SUGGESTIONS);
      return unique([...idx[other(kind)].get(s), ...compose([...s], kind)]).slice(0, MAX_SUGGESTIONS);
    },
  };
}

function other(kind: NameKind): NameKind {
  return kind === '姓' ? '名' : '姓';
}
