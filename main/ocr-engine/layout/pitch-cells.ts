import type { CharBox } from './text-lines';

/** A full-width character is at most this wide (its row's text heights): pieces joined wider are two characters. */
const CELL_WIDTH = 1.15;

/**
 * The line finder's pieces of a row joined into character cells, left to right: a piece joins the cell before
 * it while the cell stays within a full-width character (the strokes of 川, 北 come as pieces). Counting cells
 * finds a character by its place in the read, where the model's own symbol boxes lie up to a character off.
 */
export function pitchCells(pieces: CharBox[], glyphH: number): CharBox[] {
  const cells: CharBox[] = [];
  for (const c of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = cells.at(-1);
    if (last && Math.max(last.x1, c.x1) - last.x0 + 1 <= CELL_WIDTH * glyphH) cells[cells.length - 1] = { x0: last.x0, y0: Math.min(last.y0, c.y0), x1: Math.max(last.x1, c.x1), y1: Math.max(last.y1, c.y1) };
    else cells.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
  }
  return cells;
}

/** The pitch searched for a row of full-width characters, in its text heights: a character's width up to wide letter spacing. */
const PITCH = { min: 0.85, max: 1.7, step: 0.02 } as const;

/**
 * The cells of the first `count` characters of a row printed at one pitch (full-width characters: a Japanese
 * typeface sets every kanji and kana on the same advance), from the row's first piece: the pitch at which
 * the fewest piece pixels straddle a cell boundary, the smallest of those (twice the pitch straddles as little).
 * Each cell is its pieces joined, or null where it holds none. Tight spacing cannot mislead it as joining
 * pieces left to right can (the right half of 町 and the left of 小 make one character's width).
 */
export function pitchGrid(pieces: CharBox[], glyphH: number, count: number): (CharBox | null)[] | null {
  const grid = gridOf(pieces, glyphH, count);
  return grid && cellsOnGrid(pieces, grid, count);
}

/** The first `count` cells of `grid` (gridOf), each the pieces whose middle lies in it joined, or null where none does. */
export function cellsOnGrid(pieces: CharBox[], grid: { x0: number; pitch: number }, count: number): (CharBox | null)[] {
  const cells: (CharBox | null)[] = Array.from({ length: count }, () => null);
  for (const c of pieces) {
    const k = Math.floor(((c.x0 + c.x1) / 2 - grid.x0) / grid.pitch);
    if (k < 0 || k >= count) continue;
    const was = cells[k];
    cells[k] = was ? { x0: Math.min(was.x0, c.x0), y0: Math.min(was.y0, c.y0), x1: Math.max(was.x1, c.x1), y1: Math.max(was.y1, c.y1) } : { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 };
  }
  return cells;
}

/**
 * The grid pitchGrid lays a row's first `count` characters on: where its first cell starts (the row's first
 * piece) and the pitch, in card px. Null when there is nothing to lay it on.
 */
export function gridOf(pieces: CharBox[], glyphH: number, count: number): { x0: number; pitch: number } | null {
  const ps = [...pieces].sort((a, b) => a.x0 - b.x0);
  if (ps.length === 0 || count < 1 || glyphH <= 0) return null;
  const xs = ps[0]!.x0;
  let best: { p: number; straddle: number } | null = null;
  for (let f: number = PITCH.min; f <= PITCH.max + 1e-9; f += PITCH.step) {
    const p = f * glyphH;
    const end = xs + count * p;
    let straddle = 0;
    for (const c of ps) {
      if (c.x0 >= end) break;
      const k0 = Math.floor((c.x0 - xs) / p);
      const k1 = Math.floor((c.x1 - xs) / p);
      // the smaller part across each boundary it crosses
      for (let k = k0 + 1; k <= k1; k++) straddle += Math.min(xs + k * p - c.x0, c.x1 + 1 - (xs + k * p));
    }
    if (!best || straddle < best.straddle - 1e-9) best = { p, straddle };
  }
  return { x0: xs, pitch: best!.p };
}
