import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { countDigits } from '../../common/ocr/ocr-text';
import type { Extracted } from '../../common/ocr/extract-fields';
import { insideSource, startsSource, type FieldSource } from '../../common/ocr/card-result';
import { expiryFitsBirthday } from '../../common/ocr/birthday-expiry';
import { layoutOf } from '../../common/ocr/card-layouts';
import type { GrayImage } from './image/gray-image';
import { lineImagesInline, type LineImager } from './reread/line-images';
import { DATE_WHITELIST, dateBox, dateIso, dateText, putDate } from './refine-lines';
import { PSM, type TesseractPool } from './tesseract/tesseract-pool';
import { compact } from '../../common/ocr/card-labels';
import { REREAD_TUNING } from './reread/tuning';

/** Scales and modes the earlier date reads did not use: the model's slips (１１ read as １) differ between them. */
const PAIR_VARIANTS = [
  { glyph: 52, psm: PSM.SINGLE_LINE },
  { glyph: 52, psm: PSM.RAW_LINE },
  { glyph: 30, psm: PSM.SINGLE_LINE },
];

/**
 * How much the reads count for a date none of them gave, but each would give with one of its １s written twice
 * (see restoredOnes). Half: a read as printed counts for more than one explained by a slip.
 */
export const DROPPED_ONE_WEIGHT = 0.5;

interface Votes {
  /** ISO date → summed weight of the reads that give it */
  weight: Map<string, number>;
  /** ISO date → its surest read; `restored` when no read gave it as printed */
  read: Map<string, { text: string; confidence: number; restored?: boolean }>;
}

function vote(v: Votes, text: string, confidence: number, today: string): void {
  const iso = dateIso(text, today);
  if (!iso) return;
  v.weight.set(iso, (v.weight.get(iso) ?? 0) + 1 + confidence);
  if ((v.read.get(iso)?.confidence ?? -1) < confidence) v.read.set(iso, { text: dateText(text).trim(), confidence });
}

/**
 * The dates a line's reads would all give with a １ they lost put back. The model drops one of two narrow １s
 * (its usual slip on these lines) and does not add one, so reads that all say 1月 may be of a printed 11月:
 * such a date is a candidate too (20270101 #10: four reads of 2007年1月1日 beside three of 2036年11月1日), but
 * only when it explains every read of its line (a read of 3月 among them is no lost １, and the pair is left
 * to the clerk as before), and at DROPPED_ONE_WEIGHT of their votes.
 */
function restoredOnes(v: Votes, reads: readonly { text: string; confidence: number }[], today: string): void {
  const dated = reads.filter((r) => dateIso(r.text, today) !== null);
  // each read's dates with a １ put back (ISO date → that reading)
  const restorable = dated.map((r) => new Map(onesDoubled(r.text, today).map((t) => [dateIso(t, today)!, dateText(t).trim()])));
  const weight = DROPPED_ONE_WEIGHT * dated.reduce((s, r) => s + 1 + r.confidence, 0);
  for (const iso of new Set(restorable.flatMap((m) => [...m.keys()]))) {
    if (v.weight.has(iso) || !restorable.every((m) => m.has(iso))) continue;
    // the surest read it came from gives its text
    const i = dated.reduce((b, r, k) => (r.confidence > dated[b]!.confidence ? k : b), 0);
    v.weight.set(iso, weight);
    v.read.set(iso, { text: restorable[i]!.get(iso)!, confidence: dated[i]!.confidence, restored: true });
  }
}

async function readDates(pool: TesseractPool, card: GrayImage, l: RecognizedLine, today: string, images: LineImager, glyphs: number | null): Promise<Votes> {
  const v: Votes = { weight: new Map(), read: new Map() };
  // the print shows one glyph more than the line's read has: the model dropped one of two narrow １s (its
  // usual slip), so the dates its reads can be are the read with one of its １s doubled, and only those
  const doubled = glyphs !== null && glyphs === [...compact(l.text)].length + 1 ? onesDoubled(l.text, today) : [];
  const allowed = doubled.length > 0 ? new Set(doubled.map((t) => dateIso(t, today))) : null;
  if (allowed) for (const t of doubled) vote(v, t, l.confidence, today);
  else vote(v, l.text, l.confidence, today);
  const box = dateBox(l);
  const crops = await images(card, box, PAIR_VARIANTS.map((pv) => ({ glyph: pv.glyph, clean: true })));
  const reads = await Promise.all(PAIR_VARIANTS.map((pv, i) => pool.recognize({ image: crops[i]!, psm: pv.psm, whitelist: DATE_WHITELIST, symbols: false })));
  for (const r of reads) if (!allowed || allowed.has(dateIso(r.text, today))) vote(v, r.text, r.confidence, today);
  if (!allowed) restoredOnes(v, [{ text: l.text, confidence: l.confidence }, ...reads], today);
  return v;
}

/** The read with one of its date's １s written twice, each way that still gives a date (平成4年1月23日 → 平成4年11月23日). */
export function onesDoubled(text: string, today: string): string[] {
  const cs = [...text];
  const end = dateText(text).length;
  const out: string[] = [];
  for (let i = 0, at = 0; i < cs.length; at += cs[i]!.length, i++) {
    if (at >= end || !/[1１]/.test(cs[i]!)) continue;
    const t = [...cs.slice(0, i + 1), cs[i]!, ...cs.slice(i + 1)].join('');
    if (dateIso(t, today) && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * How many glyphs the line finder saw in a line: its character boxes, one inside another's span counted once
 * (a stroke's box within its character's). Narrow boxes side by side stay two: １１ is two glyphs.
 */
export function glyphCount(boxes: readonly { x0: number; x1: number }[]): number {
  let n = 0;
  let reach = -Infinity;
  for (const b of [...boxes].sort((a, c) => a.x0 - c.x0 || c.x1 - a.x1)) {
    if (b.x1 <= reach) continue;
    n++;
    reach = b.x1;
  }
  return n;
}

const lineAt = (lines: RecognizedLine[], s: FieldSource | undefined): number => lines.findIndex((l) => startsSource(l, s));

/**
 * A Japanese national's card whose 生年月日 and 有効期限 were read so that they break its layout's rule (on a
 * birthday; on the next card, on it or a month after): one of them is misread (the model drops one of two
 * narrow １s). Both lines are read a few more ways, and the pair of dates that fits the rule with the most
 * votes between them is taken (a date with a lost １ put back among them: restoredOnes). Null when the dates
 * fit already, the card is a foreign resident's, a date line is missing, or no fitting pair was read (the clerk
 * is then warned by the field check).
 */
export async function settleDatePair(
  pool: TesseractPool,
  card: GrayImage,
  lines: RecognizedLine[],
  ex: Extracted,
  today: string,
  /** where the date lines' images are made (the card reader's preprocessing worker) */
  images: LineImager = lineImagesInline,
  /** the line finder's character boxes of a read line (its glyphs as printed), when known */
  boxesOf: (l: RecognizedLine) => readonly { x0: number; x1: number }[] | null = () => null,
): Promise<RecognizedLine[] | null> {
  const { birthDate, expiryDate } = ex.fields;
  // the layout's rule, as the field check applies it: a next-generation card may end a month after the birthday
  const rule = layoutOf(ex.layout)?.expiry ?? 'any';
  if (rule === 'any' || !birthDate.value || !expiryDate.value) return null;
  if (expiryFitsBirthday(rule, birthDate.value, expiryDate.value)) return null;
  const bi = lineAt(lines, ex.sources.birthDate);
  const ei = lineAt(lines, ex.sources.expiryDate);
  if (bi < 0 || ei < 0 || bi === ei) return null;
  const glyphs = (l: RecognizedLine): number | null => {
    const boxes = boxesOf(l);
    return boxes && boxes.length > 0 ? glyphCount(boxes) : null;
  };
  const [bv, ev] = await Promise.all([readDates(pool, card, lines[bi]!, today, images, glyphs(lines[bi]!)), readDates(pool, card, lines[ei]!, today, images, glyphs(lines[ei]!))]);
  let best: { b: string; e: string; w: number } | null = null;
  for (const [b, wb] of bv.weight) {
    for (const [e, we] of ev.weight) {
      if (b < e && expiryFitsBirthday(rule, b, e) && (!best || wb + we > best.w)) best = { b, e, w: wb + we };
    }
  }
  if (!best) return null;
  const out = lines.map((l) => ({ ...l }));
  for (const [i, v, iso] of [[bi, bv, best.b], [ei, ev, best.e]] as const) {
    const read = v.read.get(iso)!;
    putDate(out[i]!, read);
    // a date no read gave as printed is the reader's judgement: the clerk is asked to look
    out[i]!.confidence = read.restored ? Math.min(read.confidence, REREAD_TUNING.cross.changedConfidence) : read.confidence;
  }
  return out;
}

/**
 * Whether a date line's first read is vouched for by the card's other date (REREAD_TUNING.datePair): it is the
 * 生年月日 or 有効期限 of a national's card, both were read at least `minConfidence` sure, and they fit the layout's
 * rule. The years are the model's alone: only a month and a day are checked against each other.
 */
export function vouchedByPair(l: { x0: number; y0: number }, ex: Extracted): boolean {
  const { birthDate, expiryDate } = ex.fields;
  const rule = layoutOf(ex.layout)?.expiry ?? 'any';
  if (rule === 'any' || !birthDate.value || !expiryDate.value || birthDate.value >= expiryDate.value) return false;
  if (Math.min(birthDate.confidence, expiryDate.confidence) < REREAD_TUNING.datePair.minConfidence) return false;
  if (!expiryFitsBirthday(rule, birthDate.value, expiryDate.value)) return false;
  return startsSource(l, ex.sources.birthDate) || startsSource(l, ex.sources.expiryDate);
}

/** The share of a read's characters (spaces aside) that are digits. */
function digitShare(text: string): number {
  const cs = [...compact(text)];
  return cs.length === 0 ? 0 : countDigits(cs.join('')) / cs.length;
}

/**
 * The line where a missing 生年月日 or 有効期限 must stand, when the other was found: unread, or read as mostly digits (REREAD_TUNING.missingDate),
 * no field's, in the found date's column, on the nearest row after it (before it, for the birth date). Null
 * when both or neither were found, or no such line is there.
 */
export function missingDateLine(lines: RecognizedLine[], ex: Extracted): RecognizedLine | null {
  const M = REREAD_TUNING.missingDate;
  const { birthDate, expiryDate } = ex.fields;
  if (!!birthDate.value === !!expiryDate.value) return null;
  const found = birthDate.value ? ex.sources.birthDate : ex.sources.expiryDate;
  if (!found) return null;
  const after = !!birthDate.value;
  const taken = Object.values(ex.sources).filter((s): s is FieldSource => !!s);
  const rows = (l: RecognizedLine): number => (after ? l.y0 - (found.y + found.height) : found.y - l.y1) / Math.max(1, found.height);
  const overlap = (l: RecognizedLine): number => Math.min(l.x1, found.x + found.width) - Math.max(l.x0, found.x);
  return (
    lines
      .filter((l) => (l.confidence < REREAD_TUNING.unreadLine || digitShare(l.text) >= M.minDigitShare) && [...compact(l.text)].length >= M.minChars && !taken.some((s) => insideSource(l, s, 2)))
      .filter((l) => rows(l) >= 0 && rows(l) <= M.maxRows && overlap(l) >= M.columnOverlap * Math.min(l.x1 - l.x0, found.width))
      .sort((a, b) => rows(a) - rows(b))[0] ?? null
  );
}
