import type { GrayImage } from '../image/gray-image';
import { kanaDistances } from '../kanji/kana-shape';
import { cellImage, cellsOf } from './glyph-choice';

type Rect = { x0: number; y0: number; x1: number; y1: number };

/**
 * A フリガナ part the reads could not make into any reading the name tables give for its kanji (blurred ruby:
 * ワタダ over 福田, ナオキル over 直美), with the readings of as many kana as the print shows glyphs, for the
 * shape test in the preprocessing worker: the part's print and each glyph's cell in it.
 */
export interface ReadingChoiceRequest {
  op: 'reading';
  crop: GrayImage;
  cells: Rect[];
  /** the part as read: held against the readings when it has as many kana as the print shows glyphs */
  read: string;
  readings: string[];
}

/**
 * When a reading is what a ruby's print shows. Each printed kana is ranked among every katakana by its chamfer
 * distance to their drawings (kana-shape.ts); ruby is small and a phone photo's blurred, so the nearest drawing is
 * often not the kana printed, but the printed one stays among the nearest few.
 */
export const READING_SHAPE = {
  /**
   * every kana of the reading among this many nearest katakana to its glyph (ties counted in): a tenth of the 87
   * drawn. A blurred ruby's kana is seldom the nearest (the voiced and small forms of its neighbours crowd it), but
   * stays in the nearest tenth (on four phone photos of the tuning sets its rank was 1–9); a reading the print does
   * not show puts a kana far down (リタスペ over 渡邊: its ス 74th, its リ 23rd)
   */
  maxRank: 9,
  /**
   * … and the reading's distances summed this much smaller than the next spelling's (another reading of that
   * length, or the read): two readings the print fits alike are a guess
   */
  clearOfNext: 0.9,
} as const;

/**
 * The reading the print shows (see READING_SHAPE), or the read when none clearly does. The read itself wins
 * when it has as many kana as the print shows glyphs and fits at least as well.
 */
export function settleReading(req: ReadingChoiceRequest): string {
  const n = req.cells.length;
  const dists = req.cells.map((c) => kanaDistances(cellImage(req.crop, c)));
  if (n === 0 || dists.some((d) => !d || d.size === 0)) return req.read;
  const nearest = dists.map((d) => [...d!.values()].sort((a, b) => a - b));
  const fits = (k: string, i: number): boolean => {
    const d = dists[i]!.get(k);
    return d !== undefined && d <= nearest[i]![Math.min(READING_SHAPE.maxRank, nearest[i]!.length) - 1]!;
  };
  const total = (r: string): number => [...r].reduce((s, k, i) => s + (dists[i]!.get(k) ?? Infinity), 0);
  const spellings = [...new Set([...req.readings, req.read])].filter((r) => [...r].length === n);
  const scored = spellings.map((r) => ({ r, d: total(r) })).filter((s) => Number.isFinite(s.d)).sort((a, b) => a.d - b.d);
  const [best, next] = scored;
  if (!best || best.r === req.read || !req.readings.includes(best.r)) return req.read;
  if (![...best.r].every(fits)) return req.read;
  return next && best.d >= READING_SHAPE.clearOfNext * next.d ? req.read : best.r;
}

/** A request for the glyphs in `boxes` of the card (the stretch they span copied out). */
export function readingRequest(card: GrayImage, boxes: readonly Rect[], read: string, readings: string[]): ReadingChoiceRequest {
  return { op: 'reading', ...cellsOf(card, boxes), read, readings };
}
