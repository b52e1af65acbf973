import { crop, type GrayImage } from '../image/gray-image';
import { chooseKnownName, KNOWN_NAME_SHAPE } from '../kanji/known-name-shape';
import { glyphDistances } from '../kanji/variant-shape';
import { KANA_FOR_NUMERAL } from '../../../common/address/block-grammar';

/**
 * One printed character and the characters it may be besides the model's read (a 町域 one character off
 * several of the master's: 在 of 在田南 could be 荏 or 勝), for the shape test in the preprocessing worker.
 */
export interface GlyphChoiceRequest {
  op: 'glyph';
  crop: GrayImage;
  read: string;
  options: string[];
  /** with read '' (a character the model dropped): the characters beside it, which the print may be instead */
  neighbours?: string[];
}

/**
 * The option the print clearly shows, by the same test and margins as a known name's character; else, as the
 * read is what cannot stand there, the option the print is no further from than from the read and clearly
 * closer to than to the next option (a read the atlas has no glyph for, katakana ハ where only a kanji numeral
 * may stand: the options among themselves); else the read.
 */
export function settleGlyph(req: GlyphChoiceRequest): string {
  if (req.read === '') return droppedGlyph(req);
  const chosen = chooseKnownName([req.crop], [req.read], req.options.map((c) => [c]))?.[0];
  if (chosen) return chosen;
  const d = glyphDistances(req.crop, [req.read, ...req.options]);
  if (!d) return req.read;
  const { best, clear, alone } = closest(d, req.options);
  if (!best) return req.read;
  // the read is what the master or the grammar says cannot stand there (横田 is no 町域 of 君田町): an option the
  // print is at least as close to as to the read is taken, when it is clearly closer than the other options
  const own = d.get(req.read);
  if (own !== undefined && own < d.get(best)!) return req.read;
  // a kana read where only a kanji may stand, with the print leaving the options close: the option that kana is
  // drawn like (し for a blurred 七 whose bar is faint), unless the print is clearly closer to another
  const like = KANA_FOR_NUMERAL[req.read];
  const likeD = like !== undefined && req.options.includes(like) ? d.get(like) : undefined;
  if (!clear && likeD !== undefined && d.get(best)! >= KNOWN_NAME_SHAPE.clearOfNext * likeD) return like!;
  // one option the atlas has: taken only against a read the atlas could judge
  return (alone ? own !== undefined : clear) ? best : req.read;
}

/**
 * Of `chars`, the one the print is closest to (those the atlas lacks left out); whether it is clearly closer
 * than the next (by the known names' margin), and whether there is no next to compare it with.
 */
function closest(d: Map<string, number>, chars: string[]): { best: string | undefined; clear: boolean; alone: boolean } {
  const [best, next] = chars.filter((c) => Number.isFinite(d.get(c))).sort((a, b) => d.get(a)! - d.get(b)!);
  return { best, clear: best !== undefined && next !== undefined && d.get(best)! < KNOWN_NAME_SHAPE.clearOfNext * d.get(next)!, alone: next === undefined };
}

/**
 * The character a print the model left out shows ('' when none clearly): the option clearly closer than
 * anything else it may be, another option or a neighbour (the cell found may be the character before or after).
 */
function droppedGlyph(req: GlyphChoiceRequest): string {
  const all = [...new Set([...req.options, ...(req.neighbours ?? [])])];
  const d = glyphDistances(req.crop, all);
  const { best, clear } = d ? closest(d, all) : { best: undefined, clear: false };
  return best && clear && req.options.includes(best) ? best : '';
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

/**
 * A stretch of characters the model misread in several places (a 町域: 笠目 read 等中) and the spellings it may
 * be (the master's 町域 as long as it), for the shape test in the preprocessing worker: the stretch's print,
 * and each character's cell in it.
 */
export interface WordChoiceRequest {
  op: 'word';
  crop: GrayImage;
  cells: Rect[];
  read: string;
  words: string[];
}

/** How a spelling chosen by its print, not read by the model, is marked. */
export const WORD_CHOICE = {
  /** the field's confidence at most this: below CHECK_TUNING.fieldDoubt (0.8), so the clerk is asked to look (要確認) */
  fieldConfidence: 0.75,
  /**
   * how a spelling is held against the read: its changed characters together, fitting the print at least as well
   * as the read's. The read is no spelling the master knows there, so the question is which of the master's the
   * print shows (clear of the others, as for names), not whether to keep the read. Judged character by character
   * with the names' 0.8, 笠目 read 等日 stayed 等日 (笠 0.80 of 等, but 目 1.03 of 日: drawn alike on a phone photo)
   */
  test: { margin: 1, by: 'whole-spelling' },
} as const;

/**
 * The spelling the print clearly shows, by the known names' test: every character it changes fits its cell
 * clearly better than the model's character, and the spelling clearly better than any other; else the read.
 */
export function settleWord(req: WordChoiceRequest): string {
  const cells = req.cells.map((b) => cellImage(req.crop, b));
  return chooseKnownName(cells, [...req.read], req.words.map((w) => [...w]), WORD_CHOICE.test)?.join('') ?? req.read;
}

/** The margin around a character's box in the crops of its shape test, px. */
const GLYPH_PAD = 2;

/** `box` grown by GLYPH_PAD to whole pixels, within the card. */
function padded(card: GrayImage, box: Rect): Rect {
  return {
    x0: Math.max(0, Math.floor(box.x0) - GLYPH_PAD),
    y0: Math.max(0, Math.floor(box.y0) - GLYPH_PAD),
    x1: Math.min(card.width - 1, Math.ceil(box.x1) + GLYPH_PAD),
    y1: Math.min(card.height - 1, Math.ceil(box.y1) + GLYPH_PAD),
  };
}

const cut = (card: GrayImage, r: Rect): GrayImage => crop(card, r.x0, r.y0, r.x1 - r.x0 + 1, r.y1 - r.y0 + 1);

/** A request for the characters in `boxes` of the card (the stretch they span copied out, each cell as a glyph request's). */
export function wordRequest(card: GrayImage, boxes: readonly Rect[], read: string, words: string[]): WordChoiceRequest {
  return { op: 'word', ...cellsOf(card, boxes), read, words };
}

/** The stretch of the card `boxes` span, copied out, and each box (with the shape tests' margin) within it. */
export function cellsOf(card: GrayImage, boxes: readonly Rect[]): { crop: GrayImage; cells: Rect[] } {
  const cells = boxes.map((b) => padded(card, b));
  const span = { x0: Math.min(...cells.map((c) => c.x0)), y0: Math.min(...cells.map((c) => c.y0)), x1: Math.max(...cells.map((c) => c.x1)), y1: Math.max(...cells.map((c) => c.y1)) };
  const within = cells.map((c) => ({ x0: c.x0 - span.x0, y0: c.y0 - span.y0, x1: c.x1 - span.x0, y1: c.y1 - span.y0 }));
  return { crop: cut(card, span), cells: within };
}

/** One cell of a request made by cellsOf, as its own image. */
export function cellImage(crop: GrayImage, cell: Rect): GrayImage {
  return cut(crop, cell);
}

/** A request for the glyph in `box` of the card (its pixels copied out, a small margin around). */
export function glyphRequest(card: GrayImage, box: Rect, read: string, options: string[]): GlyphChoiceRequest {
  return { op: 'glyph', crop: cut(card, padded(card, box)), read, options };
}
