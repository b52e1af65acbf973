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
