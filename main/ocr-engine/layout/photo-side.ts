import type { GrayImage } from '../image/gray-image';

/** Where a portrait is looked for and how it is told apart. Each number with why. */
export const PORTRAIT_TUNING = {
  /**
   * The two side columns a portrait can sit in, as shares of the card width. Card designs differ in which
   * side (today's card and the foreign resident card: right; next-generation proposals: either), so both
   * are looked at and the side itself says nothing about which way up the card is.
   */
  columns: [
    [0.04, 0.3],
    [0.7, 0.96],
  ] as const,
  /**
   * A row belongs to the portrait when its mean is this much darker than the paper (share of 255) on a card
   * of full contrast: text rows are not. On a paler capture (a phone photo in dim light: its darkest ink ~100
   * on paper ~220) every grey difference shrinks with the contrast, so this shrinks with it.
   */
  rowDarker: 0.16,
  /**
   * The grey range (paper less the darkest ink, its 1st percentile) of a card of full contrast: a scan has
   * paper ~240 and ink ~30–50. Cards with a smaller range have their rows' threshold scaled down by it.
   */
  fullContrast: 190,
  /** A column holds a portrait only when its dark rows span this share of the card height (a photo is ~45 %). */
  minHeight: 0.25,
  /** Dark rows separated by up to this share of the card height are one portrait (a pale shirt, a light face). */
  maxGap: 0.04,
  /** The share of the portrait's height compared at its top and at its bottom. */
  band: 0.25,
  /**
   * The photo reaches beyond its dark rows (a pale backdrop above the head): its box grows up and down over
   * rows whose median across the photo is no lighter than its lightest rows inside by more than this (share
   * of 255 at full contrast) — a paper row is, a text row's median is paper too.
   */
  photoTone: 0.025,
  /** … at most this share of the card height on each side (a photo is ~45 % of it). */
  maxGrow: 0.2,
  /**
   * A score this far from 0 decides which way up the card is; below it the text geometry decides. On the
   * generated sets upright portraits score ≥ +0.14 and turned ones ≤ −0.14, with every design and look.
   */
  decides: 0.1,
} as const;

function columnRows(card: GrayImage, fx0: number, fx1: number): Float64Array {
  const x0 = Math.round(fx0 * card.width);
  const x1 = Math.round(fx1 * card.width);
  const rows = new Float64Array(card.height);
  for (let y = 0; y < card.height; y++) {
    let s = 0;
    for (let x = x0; x < x1; x++) s += card.data[y * card.width + x]!;
    rows[y] = s / Math.max(1, x1 - x0);
  }
  return rows;
}

/** The paper's grey, a high percentile of the card (most of a card is pale print-free paper), and its darkest ink (1st percentile). */
function paperAndInk(card: GrayImage): { paper: number; ink: number } {
  const hist = new Uint32Array(256);
  for (let i = 0; i < card.data.length; i += 7) hist[card.data[i]!]!++;
  const total = hist.reduce((a, b) => a + b, 0);
  let acc = 0;
  let paper = 255;
  for (let g = 255; g >= 0; g--) if ((acc += hist[g]!) >= 0.3 * total) {
    paper = g;
    break;
  }
  acc = 0;
  let ink = 0;
  for (let g = 0; g < 256; g++) if ((acc += hist[g]!) >= 0.01 * total) {
    ink = g;
    break;
  }
  return { paper, ink };
}

/** The longest run of dark rows, gaps up to `maxGap` bridged: the portrait's top and bottom. */
function darkRun(rows: Float64Array, limit: number, maxGap: number): { y0: number; y1: number } | null {
  let best: { y0: number; y1: number } | null = null;
  let start = -1;
  let last = -1;
  for (let y = 0; y <= rows.length; y++) {
    const dark = y < rows.length && rows[y]! < limit;
    if (dark) {
      if (start < 0 || y - last > maxGap) start = y;
      last = y;
    }
    if (start >= 0 && (!dark || y === rows.length) && (y - last > maxGap || y === rows.length)) {
      if (!best || last - start > best.y1 - best.y0) best = { y0: start, y1: last + 1 };
      start = -1;
    }
  }
  return best;
}

const mean = (rows: Float64Array, y0: number, y1: number): number => {
  let s = 0;
  for (let y = y0; y < y1; y++) s += rows[y]!;
  return s / Math.max(1, y1 - y0);
};

/** Where a card's portrait is (card px, inclusive), and which way up it shows the card (see photoSideScore). */
export interface Portrait {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** > 0: upright; < 0: upside down (a share of the grey range) */
  score: number;
}

/**
 * The card's portrait: the darker of the two side columns' runs of dark rows (designs put it on either
 * side), narrowed to the columns that are dark over those rows. Its top and bottom say which way up the
 * card is: a head and shoulders photo has its background at the top and the sitter's shoulders across its
 * whole width at the bottom, so the bottom is darker than the top — on the pale backgrounds ID photos are
 * taken against, and on the silhouettes of sample cards. Null when neither column holds one.
 */
export function findPortrait(card: GrayImage): Portrait | null {
  const T = PORTRAIT_TUNING;
  const { paper, ink } = paperAndInk(card);
  const contrast = Math.min(1, Math.max(0, paper - ink) / T.fullContrast);
  const limit = paper - T.rowDarker * 255 * contrast;
  let best: { rows: Float64Array; run: { y0: number; y1: number }; darkness: number; column: readonly [number, number] } | null = null;
  for (const column of T.columns) {
    const rows = columnRows(card, column[0], column[1]);
    const run = darkRun(rows, limit, Math.round(T.maxGap * card.height));
    if (!run || run.y1 - run.y0 < T.minHeight * card.height) continue;
    const darkness = paper - mean(rows, run.y0, run.y1);
    if (!best || darkness > best.darkness) best = { rows, run, darkness, column };
  }
  if (!best) return null;
  const { rows, run, column } = best;
  const band = Math.max(1, Math.round(T.band * (run.y1 - run.y0)));
  const score = (mean(rows, run.y0, run.y0 + band) - mean(rows, run.y1 - band, run.y1)) / 255;
  // the photo's columns: from the column's middle outwards while the run's rows are dark there
  const colMean = (x: number): number => {
    let sum = 0;
    for (let y = run.y0; y < run.y1; y++) sum += card.data[y * card.width + x]!;
    return sum / Math.max(1, run.y1 - run.y0);
  };
  const mid = Math.round(((column[0] + column[1]) / 2) * card.width);
  const gap = Math.round(T.maxGap * card.height);
  let x0 = mid;
  let x1 = mid;
  for (let x = mid, miss = 0; x >= 0 && miss <= gap; x--) {
    if (colMean(x) >= limit) miss++;
    else {
      x0 = x;
      miss = 0;
    }
  }
  for (let x = mid, miss = 0; x < card.width && miss <= gap; x++) {
    if (colMean(x) >= limit) miss++;
    else {
      x1 = x;
      miss = 0;
    }
  }
  const { y0, y1 } = photoRows(card, x0, x1, run.y0, run.y1 - 1, paper, T.photoTone * 255 * contrast);
  return { x0, y0, x1, y1, score };
}

/** A row's median grey across [x0, x1] (every other pixel). */
function rowMedian(card: GrayImage, y: number, x0: number, x1: number): number {
  const v: number[] = [];
  for (let x = x0; x <= x1; x += 2) v.push(card.data[y * card.width + x]!);
  v.sort((a, b) => a - b);
  return v[v.length >> 1] ?? 255;
}

/**
 * The photo's top and bottom: its dark rows [y0, y1] grown over the rows beyond them that are no lighter
 * than the photo's lightest rows at that end (its backdrop) by more than `tone` — a frame line or hair is
 * darker and belongs to it; the paper is lighter and ends it. An end whose lightest rows are nearly the
 * paper (the dark run went on past the photo, beside it) does not grow.
 */
function photoRows(card: GrayImage, x0: number, x1: number, y0: number, y1: number, paper: number, tone: number): { y0: number; y1: number } {
  const T = PORTRAIT_TUNING;
  const band = Math.max(1, Math.round(0.1 * (y1 - y0 + 1)));
  const reach = Math.round(T.maxGrow * card.height);
  const grow = (from: number, step: 1 | -1): number => {
    let ref = 0;
    for (let k = 0; k < band; k++) ref = Math.max(ref, rowMedian(card, from - step * k, x0, x1));
    if (ref > paper - 2 * tone) return from;
    let y = from;
    while (Math.abs(y + step - from) <= reach && y + step >= 0 && y + step < card.height && rowMedian(card, y + step, x0, x1) <= ref + tone) y += step;
    return y;
  };
  return { y0: grow(y0, -1), y1: grow(y1, 1) };
}
