/**
 * The joins of a read row's numbers (８－３２－１７, 5-21-2) as its print shows them. A printed dash is flat and
 * sits at the row's middle; no digit is. The model drops a thin dash between two digits (９－３４－２９ read
 * ９－３４２９), reads one as a digit (3-3-16 read ３３３－１６) or loses one that starts a wrapped row (-21 read
 * 21), and no re-read or master can tell where it stood: the line finder's boxes can. Each run of digits and
 * joins is laid over the boxes printed under it, and where the two disagree on a join the print wins; the
 * digits stay as read. Where the print cannot be laid over the run (a digit the read left out, a glyph where
 * the read has a join, boxes too few) the read stays as it is.
 */
import type { RecognizedLine, RecognizedSymbol } from '../../../common/ocr/recognized-line';
import type { CharBox } from '../layout/text-lines';
import { DASHES } from '../../../common/ocr/ocr-text';

/** Every length in the row's text height (glyphH). */
export const JOIN_PRINT = {
  /** a dash is flat: at most this tall (printed dashes measure 0.12–0.23 of the row; the flattest digit ~0.6) … */
  maxHeight: 0.35,
  /** … at least this wide (a half-width hyphen ~0.28–0.38; a speck of the card's pattern is smaller) … */
  minWidth: 0.25,
  /** … and centred this close to the row's middle (a full stop sits low, a 濁点 or a digit's detached bar high) */
  maxOffCentre: 0.2,
  /** a glyph box wider than this holds more than one digit (two the line finder found touching): no digit lies over it alone */
  maxDigitWidth: 1.2,
  /** a box smaller than this both ways is a speck, no glyph */
  speck: 0.2,
  /** the run's print is looked for this far beyond the model's boxes of its ends (they lie up to a character off) */
  slack: 1.5,
  /**
   * laying a token over a box this many text heights from the model's box of it costs one more (at most one):
   * where the print's ends hold a neighbour's glyph, the laying that keeps the tokens nearest their boxes wins
   */
  offCost: 0.5,
  /**
   * a digit laid over a printed join costs this (a join box no token covers, one): the digit read there is
   * dropped, a stronger claim than a join put back, and the model's boxes lie right of their glyphs as often
   * as on them (４－１５ read ４１５ with the ４'s box over the dash)
   */
  digitOverJoin: 2,
  /** a row changed by its print is the reader's judgement: its confidence is at most this, as the reader's other judgements' */
  changedConfidence: 0.75,
  /**
   * a join the print put in, or a digit it turned into one: that character's confidence, under the check
   * screen's charDoubt (0.6), so the clerk sees which character the reader set (the field's confidence is its
   * rows' mean, which one changed row may leave over fieldDoubt)
   */
  joinConfidence: 0.5,
} as const;

const DIGIT = /^[0-9０-９]$/;
/**
 * A dash as the address's normalization takes one (DASHES), 一 only between two digits (a dash read as the
 * numeral; elsewhere it is a place name's: 東一)
 */
const isJoinAt = (cs: readonly string[], i: number): boolean => DASHES.includes(cs[i]!) && (cs[i] !== '一' || (DIGIT.test(cs[i - 1] ?? '') && DIGIT.test(cs[i + 1] ?? '')));

type Mark = 'glyph' | 'join';
interface PrintBox {
  x0: number;
  x1: number;
  mark: Mark;
  /** wider than one digit (JOIN_PRINT.maxDigitWidth) */
  wide: boolean;
}

/**
 * The row's boxes left to right, each a glyph or a join: pieces that overlap across by half the narrower are
 * one glyph (a ５ whose top bar the line finder found apart), specks are left out.
 */
export function printBoxes(pieces: readonly CharBox[], row: { y0: number; y1: number; glyphH: number }): PrintBox[] {
  const h = Math.max(1, row.glyphH);
  const middle = (row.y0 + row.y1) / 2;
  const merged: CharBox[] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const w = p.x1 - p.x0 + 1;
    if (w < JOIN_PRINT.speck * h && p.y1 - p.y0 + 1 < JOIN_PRINT.speck * h) continue;
    const last = merged.at(-1);
    const overlap = last ? Math.min(last.x1, p.x1) - Math.max(last.x0, p.x0) + 1 : 0;
    if (last && overlap >= Math.min(last.x1 - last.x0 + 1, w) / 2) merged[merged.length - 1] = { x0: Math.min(last.x0, p.x0), y0: Math.min(last.y0, p.y0), x1: Math.max(last.x1, p.x1), y1: Math.max(last.y1, p.y1) };
    else merged.push({ ...p });
  }
  return merged.map((b) => {
    const flat = b.y1 - b.y0 + 1 <= JOIN_PRINT.maxHeight * h && b.x1 - b.x0 + 1 >= JOIN_PRINT.minWidth * h && Math.abs((b.y0 + b.y1) / 2 - middle) <= JOIN_PRINT.maxOffCentre * h;
    return { x0: b.x0, x1: b.x1, mark: flat ? 'join' : 'glyph', wide: !flat && b.x1 - b.x0 + 1 > JOIN_PRINT.maxDigitWidth * h };
  });
}

/** One step of laying the read's tokens over the print's boxes: token `read` over box `box`, or (null) a join box no token covers. */
type Step = { read: number | null; box: number };

/**
 * The cheapest way to lay `tokens` (digits and joins) over `boxes`, or null where no way keeps every digit the
 * print shows: a digit over a glyph or a join over a join costs nothing, a digit over a join (read for it) or a
 * join box with no token (dropped) costs one; every token lies over a box, and a glyph box no digit covers can
 * only be skipped before the first token or after the last (the neighbours the slack took in).
 */
function layOver(tokens: readonly Mark[], centres: readonly number[], boxes: readonly PrintBox[], h: number): Step[] | null {
  const n = tokens.length;
  const m = boxes.length;
  const INF = 1e9;
  const overCost = (i: number, j: number): number => {
    const t = tokens[i]!;
    const b = boxes[j]!;
    const shape = b.wide ? INF : t === b.mark ? 0 : t === 'glyph' && b.mark === 'join' ? JOIN_PRINT.digitOverJoin : INF;
    return shape + Math.min(1, (JOIN_PRINT.offCost * Math.abs(centres[i]! - (b.x0 + b.x1) / 2)) / h);
  };
  // cost[i][j]: the first i tokens over the first j boxes (boxes before the first token are free); how[i][j]:
  // whether its last step laid token i-1 over box j-1 ('over') or left join box j-1 to no token ('put')
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const how = Array.from({ length: n + 1 }, () => new Array<'over' | 'put' | null>(m + 1).fill(null));
  for (let j = 0; j <= m; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      // a token over no box is never laid: a digit the print does not show, or a join the line finder did not
      // find (a faint dash), is no evidence against the read
      const over = cost[i - 1]![j - 1]! + overCost(i - 1, j - 1);
      const put = boxes[j - 1]!.mark === 'join' ? cost[i]![j - 1]! + 1 : INF;
      if (over <= put && over < INF) {
        cost[i]![j] = over;
        how[i]![j] = 'over';
      } else if (put < INF) {
        cost[i]![j] = put;
        how[i]![j] = 'put';
      }
    }
  }
  // boxes after the last token are free
  let j = 0;
  for (let k = 0; k <= m; k++) if (cost[n]![k]! < cost[n]![j]!) j = k;
  if (cost[n]![j]! >= INF) return null;
  const steps: Step[] = [];
  for (let i = n; i > 0; ) {
    const step = how[i]![j];
    if (step === 'over') steps.push({ read: --i, box: --j });
    else if (step === 'put') steps.push({ read: null, box: --j });
    else return null;
  }
  return steps.reverse();
}

/**
 * The row with the joins of its number runs as printed (see the file's comment); the row itself where the print
 * agrees, cannot be laid over a run, or the model's boxes are not one per character. A row changed loses its
 * spaces (the fields take rows without them).
 */
export function joinsByPrint(line: RecognizedLine, pieces: readonly CharBox[]): RecognizedLine {
  const chars = [...line.text];
  // the symbols one per character, spaces aside
  const kept = chars.map((c, i) => ({ c, i })).filter(({ c }) => !/[\s\u3000]/.test(c));
  if (kept.length !== line.symbols.length || kept.length === 0) return line;
  const h = Math.max(1, line.glyphH);
  const boxes = printBoxes(pieces, line);
  if (!boxes.some((b) => b.mark === 'join')) return line;
  const text = kept.map((k) => k.c);
  const symbols = line.symbols;
  let out: { c: string; s: RecognizedSymbol }[] = text.map((c, i) => ({ c, s: symbols[i]! }));
  let changed = false;
  // each run of digits and joins (with a digit), right to left so earlier indices stay put
  const runs: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    if (!DIGIT.test(text[i]!) && !isJoinAt(text, i)) {
      i++;
      continue;
    }
    let e = i;
    while (e < text.length && (DIGIT.test(text[e]!) || isJoinAt(text, e))) e++;
    if (text.slice(i, e).some((c) => DIGIT.test(c))) runs.push([i, e]);
    i = e;
  }
  for (const [s, e] of runs.reverse()) {
    const from = symbols[s]!.x0 - JOIN_PRINT.slack * h;
    const to = symbols[e - 1]!.x1 + JOIN_PRINT.slack * h;
    const under = boxes.filter((b) => (b.x0 + b.x1) / 2 >= from && (b.x0 + b.x1) / 2 <= to);
    const tokens: Mark[] = text.slice(s, e).map((c) => (DIGIT.test(c) ? 'glyph' : 'join'));
    const readJoin = text.slice(s, e).find((c, k) => c !== '一' && isJoinAt(text, s + k));
    const steps = layOver(tokens, symbols.slice(s, e).map((x) => (x.x0 + x.x1) / 2), under, h);
    if (!steps) continue;
    // a join printed before the run's first digit (or after its last) with no box beyond it on the row: the
    // row starts (or ends) with that join, where a number wraps (-21 | コーポ); elsewhere it is a neighbour's
    const before0 = under[steps[0]!.box - 1];
    const after0 = under[steps.at(-1)!.box + 1];
    const lead = s === 0 && before0?.mark === 'join' && !boxes.some((b) => b.x1 < before0.x0) ? before0 : null;
    const tail = e === text.length && after0?.mark === 'join' && !boxes.some((b) => b.x0 > after0.x1) ? after0 : null;
    // the join as the read writes its others, else as wide as its digits
    const joinChar = readJoin ?? (text.slice(s, e).some((c) => /[０-９]/.test(c)) ? '－' : '-');
    const joinAt = (b: PrintBox): { c: string; s: RecognizedSymbol } => ({ c: joinChar, s: { text: joinChar, confidence: JOIN_PRINT.joinConfidence, x0: b.x0, x1: b.x1 } });
    const run: { c: string; s: RecognizedSymbol }[] = lead ? [joinAt(lead)] : [];
    for (const st of steps) {
      if (st.read === null) run.push(joinAt(under[st.box]!));
      else if (tokens[st.read] === 'glyph' && under[st.box]!.mark === 'join') run.push(joinAt(under[st.box]!));
      else run.push(out[s + st.read]!);
    }
    if (tail) run.push(joinAt(tail));
    // (the laying keeps the digits as read, in order: only joins move)
    if (run.map((x) => x.c).join('') === out.slice(s, e).map((x) => x.c).join('')) continue;
    out = [...out.slice(0, s), ...run, ...out.slice(e)];
    changed = true;
  }
  if (!changed) return line;
  return { ...line, text: out.map((x) => x.c).join(''), symbols: out.map((x) => x.s), confidence: Math.min(line.confidence, JOIN_PRINT.changedConfidence) };
}

/**
 * The line finder's pieces of a read row: those lying at least half in its rows, from a text height before its
 * start to one after its end (a dash that starts a wrapped row may stand apart from the line found).
 */
export function rowPieces(row: RecognizedLine, lines: readonly { chars: readonly CharBox[] }[]): CharBox[] {
  const h = Math.max(1, row.glyphH);
  return lines.flatMap((t) => t.chars).filter((c) => Math.min(c.y1, row.y1) - Math.max(c.y0, row.y0) + 1 >= (c.y1 - c.y0 + 1) / 2 && c.x0 >= row.x0 - h && c.x1 <= row.x1 + h);
}
