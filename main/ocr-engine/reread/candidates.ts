import type { RecognizedSymbol } from '../../../common/ocr/recognized-line';
import { levenshtein } from '../../../common/text/levenshtein';
import { REREAD_TUNING as T } from './tuning';

/** Where a candidate reading of a field came from. */
export type Provenance = 'first-read' | 're-read' | 'shape' | 'lexicon' | 'cross-field';

/** One reading of a field, in working-card pixels, with where it came from. */
export interface Candidate {
  text: string;
  confidence: number;
  symbols: RecognizedSymbol[];
  provenance: Provenance;
}

export interface ResolveOptions<T> {
  /** when some candidates pass it, the choice is among those (all still vote) */
  eligible?: (c: T) => boolean;
  /**
   * Agreement of a candidate with another field or a reference (フリガナ with the name's known readings,
   * the name with the name tables), in votes: added to the candidate's agreement.
   */
  support?: (c: T) => number;
  /**
   * Of reads that agree exactly (the same key), the one the print speaks for: a roman name's reads of the
   * same letters that differ in where their spaces are, and the print's word gaps (layout/word-gaps.ts).
   * Only ever decides among equal scores.
   */
  prefer?: (c: T) => boolean;
}

/**
 * The one resolver of every field's candidates: the reading that agrees most with all of them, itself included,
 * each weighted by its confidence (a minimum-risk choice, so one read's slip does not win over the others'
 * agreement), plus what the cross-checks say for it.
 */
export function resolve<T extends { text: string; confidence: number }>(cands: T[], key: (s: string) => string, opts: ResolveOptions<T> = {}): T {
  const keys = cands.map((c) => [...key(c.text)]);
  const choosable = opts.eligible && cands.some(opts.eligible) ? opts.eligible : (): boolean => true;
  let best = cands.find(choosable)!;
  let bestScore = -Infinity;
  cands.forEach((c, i) => {
    if (!choosable(c)) return;
    let s = 0;
    cands.forEach((o, j) => {
      const a = keys[i]!;
      const b = keys[j]!;
      const sim = i === j ? 1 : 1 - levenshtein(a, b) / Math.max(1, a.length, b.length);
      s += sim * (T.voteBase + o.confidence);
    });
    if (opts.support) s += opts.support(c);
    if (keys[i]!.length === 0) s = -Infinity;
    // reads that agree exactly score the same: the one the print prefers, else the surer one, speaks for them
    if (s > bestScore || (s === bestScore && speaksBefore(c, best, opts.prefer))) {
      bestScore = s;
      best = c;
    }
  });
  return best;
}

function speaksBefore<T extends { confidence: number }>(c: T, best: T, prefer: ((c: T) => boolean) | undefined): boolean {
  const p = prefer ? Number(prefer(c)) - Number(prefer(best)) : 0;
  return p !== 0 ? p > 0 : c.confidence > best.confidence;
}

/**
 * The choice with the cross-checks, marked when they changed it: its provenance is the cross-check's and its
 * confidence capped, so the clerk is asked to look (要確認). Never more than a reordering of the readings.
 */
export function resolveChecked<T extends { text: string; confidence: number; provenance: Provenance }>(cands: T[], key: (s: string) => string, opts: ResolveOptions<T> & { by: Provenance; cap: number }): T {
  const plain = resolve(cands, key, { eligible: opts.eligible, prefer: opts.prefer });
  if (!opts.support) return plain;
  const best = resolve(cands, key, opts);
  return key(best.text) === key(plain.text) ? best : { ...best, provenance: opts.by, confidence: Math.min(best.confidence, opts.cap) };
}

/** The resolver without cross-checks (kept under its old name for the tests of the vote). */
export function consensus<T extends { text: string; confidence: number }>(cands: T[], key: (s: string) => string, eligible?: (c: T) => boolean): T {
  return resolve(cands, key, { eligible });
}
