/**
 * Where a character of a read is printed on the card, for a shape test of its print (glyph-choice.ts): the
 * model's symbol boxes lie up to a character off, so a character is found by count along its row where it
 * can be, else as the line finder's character under the model's box.
 */
import type { RecognizedLine } from '../../../common/ocr/recognized-line';
import type { CharBox, TextLine } from '../layout/text-lines';
import { cellsOnGrid, gridOf, pitchCells } from '../layout/pitch-cells';

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * The print of the `at`-th character of `text`: its cell counted along its row at the row's pitch; where
 * digits before it make the count unsure, the line finder's character under the model's symbol box.
 */
export function printOf(lines: RecognizedLine[], textLines: TextLine[], text: string, at: number): CharBox | null {
  const sym = glyphInContext(lines, text, at);
  return glyphCellAt(lines, textLines, text, at) ?? (sym && characterUnder(textLines, sym));
}

/**
 * The printed character under `box` (a symbol box of the model): the line finder's pieces that lie mostly
 * (half their width) inside its columns, joined, over the row's height — a small or blurred character comes as several pieces (六's dot
 * and legs), and a box a third of a character off still takes the character it mostly covers. Null when
 * no piece is there.
 */
export function characterUnder(lines: TextLine[], box: Box): CharBox | null {
  let out: CharBox | null = null;
  for (const l of lines) {
    if (l.y1 < box.y0 || l.y0 > box.y1) continue;
    for (const c of l.chars) {
      const oy = Math.min(c.y1, box.y1) - Math.max(c.y0, box.y0);
      const ox = Math.min(c.x1, box.x1) - Math.max(c.x0, box.x0);
      if (oy <= 0 || ox < (c.x1 - c.x0 + 1) / 2) continue;
      out = out ? { x0: Math.min(out.x0, c.x0), y0: Math.min(out.y0, c.y0), x1: Math.max(out.x1, c.x1), y1: Math.max(out.y1, c.y1) } : { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 };
    }
  }
  // the row's height, not only the pieces': the line finder may have left a part out (the 亠 of 六)
  const under = out && { ...out, y0: Math.min(out.y0, box.y0), y1: Math.max(out.y1, box.y1) };
  if (!under || under.x1 - under.x0 + 1 >= GLYPH_CELL.fullWidth * (under.y1 - under.y0 + 1)) return under;
  // narrower than a kanji (a digit: the model's box lies a whole character off, over the 1 after 堰): the
  // nearest full-width character on the row is the one asked about, every option being a kanji or kana
  const rowH = under.y1 - under.y0 + 1;
  const mid = (box.x0 + box.x1) / 2;
  let best: CharBox | null = null;
  for (const l of lines) {
    if (l.y1 < box.y0 || l.y0 > box.y1) continue;
    for (const c of l.chars) {
      const d = Math.abs((c.x0 + c.x1) / 2 - mid);
      if (c.x1 - c.x0 + 1 < GLYPH_CELL.fullWidth * rowH || c.y1 - c.y0 + 1 < GLYPH_CELL.minHeight * rowH || d > GLYPH_CELL.reach * rowH) continue;
      if (!best || d < Math.abs((best.x0 + best.x1) / 2 - mid)) best = c;
    }
  }
  return best ? { ...best, y0: Math.min(best.y0, box.y0), y1: Math.max(best.y1, box.y1) } : under;
}

/**
 * The print of the `at`-th character of `text`, or (`dropped`) of a character the model left out before it
 * (the 三 of 平原三丁目 read 平原丁目; the 七 ending a row, 丁目 starting the next). The model's symbol boxes lie
 * up to a character off, so the print is found by count: on the row that reads `text`, the line finder's
 * pieces are laid on a grid at the pitch its full-width characters are set at (pitchGrid, one more character
 * where one was dropped), and the cell after the characters before it is taken (a dropped one's, or one
 * found narrower than a character, over its whole column up to its neighbours' ink). Only where every
 * character before it is full width (one cell each); null when nothing of a character lies in that cell.
 */
export function glyphCellAt(lines: RecognizedLine[], textLines: TextLine[], text: string, at: number, dropped = false): CharBox | null {
  const cs = [...text];
  for (const l of lines) {
    const read = [...l.text.replace(/[\s\u3000]+/g, '')];
    // the row that reads all of `text` (a dropped character's: the characters before it, then the one after
    // it or the row's end); the text may hold a character the print settled already, the row still reading it
    // as the model did (川茂上耳目 on the row 川誌上耳目, a character off)
    const start = dropped ? findRead(read, cs.slice(0, at), -1) : findRead(read, cs, at);
    const k = start < 0 ? -1 : start + at;
    if (k < 0 || (dropped && k < read.length && read[k] !== cs[at]) || read.slice(0, k).some((c) => HALF_WIDTH.test(c))) continue;
    // (the row's pieces, at least half of each within it: a piece of the row above reaching into it is no cell of its)
    const pieces = textLines.flatMap((t) => t.chars).filter((c) => Math.min(c.y1, l.y1) - Math.max(c.y0, l.y0) >= (c.y1 - c.y0 + 1) / 2 && c.x0 >= l.x0 - 1 && c.x1 <= l.x1 + 1);
    // the row's full-width characters as read (up to its first digit), one more where the model dropped one
    const fullWidth = read.findIndex((c) => HALF_WIDTH.test(c));
    // (the character asked about is printed full width whatever it was read as: a faint 三 read ~)
    const count = Math.max((fullWidth < 0 ? read.length : fullWidth) + (dropped ? 1 : 0), k + 1);
    const grid = k < count ? gridOf(pieces, l.glyphH, count) : null;
    const cells = grid && cellsOnGrid(pieces, grid, count);
    const cell = cells?.[k];
    if (!grid || !cells || !cell) continue;
    const box = { ...cell, y0: Math.min(cell.y0, l.y0), y1: Math.max(cell.y1, l.y1) };
    // a character read is judged by the ink found where that is a character's width: between look-alikes
    // (釿 or 新) a sliver of a neighbour would weigh more than a faint stroke
    if (!dropped && cell.x1 - cell.x0 + 1 >= GLYPH_CELL.fullWidth * l.glyphH) return box;
    // a dropped character (the model may have left it out for being faint), or one found narrower than a
    // character, the line finder may have found in part only (the top bar of a 三 whose lower bars are paler,
    // read ~ or not at all; the left end of 七's bar): the cell reaches over its whole column of the grid, up
    // to its neighbours' ink, and the shape test judges all that is printed there
    const left = Math.max(grid.x0 + k * grid.pitch, (cells[k - 1]?.x1 ?? -Infinity) + 1);
    const right = Math.min(grid.x0 + (k + 1) * grid.pitch - 1, (cells[k + 1]?.x0 ?? Infinity) - 1);
    return { ...box, x0: Math.min(cell.x0, Math.round(left)), x1: Math.max(cell.x1, Math.round(right)) };
  }
  return null;
}

/**
 * The print of a character the model dropped before the `at`-th of `text` (第寿荘 for 第二寿荘): counted along
 * its row where it can be (glyphCellAt), else found beside the character before it, where digits before that
 * make the count unsure (1第寿荘 on its row) or the context runs over two rows (号 | 第寿荘, 第 | 寿荘): on the row
 * that reads the characters either side of it together (or ends with the one before), the line finder's cell nearest the model's box of the
 * character before, and after it the next cell (the dropped character's when the line finder found it, else its
 * neighbour's, which the shape test tells apart), or the room between them where a character fits (its ink
 * the line finder left out). Null when the row or the character before is not found.
 */
export function droppedPrintAt(lines: RecognizedLine[], textLines: TextLine[], text: string, at: number): CharBox | null {
  const counted = glyphCellAt(lines, textLines, text, at, true);
  if (counted || at < 1) return counted;
  const cs = [...text];
  for (const l of lines) {
    const read = [...l.text.replace(/[\s\u3000]+/g, '')];
    // (the model's boxes one per character: the character before is placed by its box)
    if (l.symbols.length !== read.length) continue;
    // the index of the character after the dropped one, found with as much context before it as the row holds;
    // or the row's end, where the row ends with that context (the dropped character ended its row: 第 | 寿荘,
    // the 二 after 第 at the row's end, the row under it starting with 寿)
    let k = -1;
    for (let from = 0; from < at && k < 0; from++) {
      const i = indexOf(read, cs.slice(from, at));
      if (i >= 0 && (read[i + at - from] === cs[at] || i + at - from === read.length)) k = i + at - from;
    }
    if (k < 1) continue;
    const h = l.glyphH;
    // the row's pieces, at least half of each within it: the nearest cell is taken here, and a piece of the
    // row above merged into it would move it (on 1第寿荘, any overlap took in the row above's pieces: 141–227
    // for a row at 190–227)
    const pieces = textLines.flatMap((t) => t.chars).filter((c) => Math.min(c.y1, l.y1) - Math.max(c.y0, l.y0) >= (c.y1 - c.y0 + 1) / 2 && c.x0 >= l.x0 - 1 && c.x1 <= l.x1 + 1);
    const cells = pitchCells(pieces, h);
    const sym = l.symbols[k - 1]!;
    // a box over more than the character and the one it swallowed is no place (a reread's symbols may each span the whole row)
    if (sym.x1 - sym.x0 > GLYPH_CELL.swallowing * h) continue;
    const mid = (sym.x0 + sym.x1) / 2;
    const centre = (c: CharBox): number => Math.abs((c.x0 + c.x1) / 2 - mid);
    // a character's cell, full width and of a character's height (a lone bar of 二 is as wide, and flat)
    const full = cells.filter((c) => c.x1 - c.x0 + 1 >= GLYPH_CELL.fullWidth * h && c.y1 - c.y0 + 1 >= GLYPH_CELL.minHeight * h && centre(c) <= GLYPH_CELL.reach * h);
    const before = full.sort((a, b) => centre(a) - centre(b))[0];
    if (!before) continue;
    const next = cells[cells.indexOf(before) + 1];
    const room = (next ? next.x0 : l.x1 + 1) - before.x1 - 1;
    // room for a character between them: its ink the line finder left out is there
    if (room >= GLYPH_CELL.fullWidth * h) return { x0: before.x1 + 1, y0: l.y0, x1: before.x1 + room, y1: l.y1 };
    // else the next cell (the dropped character's, or its neighbour's, for the shape test to tell)
    return next ? { ...next, y0: Math.min(next.y0, l.y0), y1: Math.max(next.y1, l.y1) } : null;
  }
  return null;
}

/**
 * The print of the `at`-th character of `text` only where it can be counted along the row that reads it
 * (GlyphChoice.countedOnly: the numeral after 第, whose box and its neighbour's lie up to a character off):
 * glyphCellAt, with the context before cut back to what that row reads (地 | 第一寿荘). Null where the row
 * holds digits before it or does not read it.
 */
export function countedPrintAt(lines: RecognizedLine[], textLines: TextLine[], text: string, at: number): CharBox | null {
  const cs = [...text];
  // (the context always keeps the character before: a row reading 一寿荘 alone is not known to be this one)
  for (let from = 0; from < at; from++) {
    const counted = glyphCellAt(lines, textLines, cs.slice(from).join(''), at - from);
    if (counted) return counted;
  }
  return null;
}

/** Characters printed half width (a cell may hold two of them): no count of cells goes past one. */
const HALF_WIDTH = /^[\x21-\x7e]$/;

/** Where `part` (code points) first occurs in `read`, -1 when it does not. */
function indexOf(read: string[], part: string[]): number {
  for (let i = 0; i + part.length <= read.length; i++) if (startsWith(read, part, i)) return i;
  return -1;
}

/**
 * Where `part` first occurs in `read`; else where it occurs but for one character other than its `skip`-th
 * (when it is at least three long, so the others still place it). -1 when neither.
 */
function findRead(read: string[], part: string[], skip: number): number {
  const exact = indexOf(read, part);
  if (exact >= 0 || part.length < 3) return exact;
  for (let i = 0; i + part.length <= read.length; i++) {
    let off = 0;
    for (let j = 0; j < part.length && off <= 1; j++) if (read[i + j] !== part[j]) off += j === skip ? 2 : 1;
    if (off <= 1) return i;
  }
  return -1;
}

/** Whether `read` holds `part` (code points) from index `i` on. */
function startsWith(read: string[], part: string[], i: number): boolean {
  return i >= 0 && i + part.length <= read.length && part.every((c, j) => read[i + j] === c);
}

/** Where the print of a character the address master or the 番地's grammar leaves to a few is cut. */
const GLYPH_CELL = {
  /** a kanji or kana is about as wide as its row is tall; what the line finder found narrower is a digit or a piece */
  fullWidth: 0.7,
  /** … and at least this tall (a dash is as wide, and flat) */
  minHeight: 0.5,
  /** the model's box lies up to a character off its glyph: a full-width character is looked for this far (row heights) */
  reach: 1.5,
  /** the model's box of a character beside one it dropped often covers both (第 over 第二): up to this wide (row heights) */
  swallowing: 2,
} as const;

/**
 * Where the `at`-th character of `text` is printed, found with all of its context, else with the context
 * on one side only (a line of the address may end or begin at the character: 15史 | コーポ).
 */
export function glyphInContext(lines: RecognizedLine[], text: string, at: number): Box | null {
  const cs = [...text];
  const left = cs.slice(0, at + 1).join('');
  const right = cs.slice(at).join('');
  // a line ending or beginning there first; then the context anywhere, and the character alone only where no
  // other line has it (０３区 | 号 read ０３区 | 区: the 区 of 中野区 on the row above is no 号)
  const anywhere = (context: string, k: number): Box | null => ([...context].length > 1 ? glyphBoxOf(lines, context, k) : null);
  return (
    glyphBoxOf(lines, text, at) ??
    glyphBoxOf(lines, left, at, 'end') ??
    glyphBoxOf(lines, right, 0, 'start') ??
    anywhere(left, at) ??
    anywhere(right, 0) ??
    onlyOne(lines, cs[at]!)
  );
}

/** Where a character is printed when exactly one symbol of all the lines reads as it; null otherwise. */
function onlyOne(lines: RecognizedLine[], ch: string): Box | null {
  const hits = lines.flatMap((l) => l.symbols.filter((s) => s.text === ch).map((s) => ({ x0: s.x0, x1: s.x1, y0: l.y0, y1: l.y1 })));
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * Where the `at`-th character of `text` is printed: the first line whose symbols spell `text` in a row
 * (one symbol per character; `edge`: as the line's last or first symbols), that symbol's columns and the
 * line's rows.
 */
export function glyphBoxOf(lines: RecognizedLine[], text: string, at: number, edge?: 'start' | 'end'): Box | null {
  const want = [...text];
  for (const l of lines) {
    const texts = l.symbols.map((s) => s.text);
    const k = edge === undefined ? indexOf(texts, want) : edge === 'start' ? (startsWith(texts, want, 0) ? 0 : -1) : startsWith(texts, want, texts.length - want.length) ? texts.length - want.length : -1;
    if (k < 0) continue;
    const s = l.symbols[k + at]!;
    return { x0: s.x0, x1: s.x1, y0: l.y0, y1: l.y1 };
  }
  return null;
}
