import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { countDigits } from '../../common/ocr/ocr-text';
import { compact, leadingLabel, misreadTwoCharLabel } from '../../common/ocr/card-labels';
import { looksLikeDate, parseCardDate } from '../../common/ocr/parse-date';
import { dateFromParts } from '../../common/ocr/date-parts';
import { parseSex } from '../../common/ocr/parse-sex';
import { crop, type GrayImage } from './image/gray-image';
import { lineImagesInline, type LineImager } from './reread/line-images';
import { SEX_INLINE, type SexPixels } from './reread/sex-value';
import { PSM, type TesseractPool } from './tesseract/tesseract-pool';
import { REREAD_TUNING } from './reread/tuning';
import type { CharBox } from './layout/text-lines';

/** What a printed card date can contain: digits, era names, 年月日, 元(年), 生, まで有効. */
export const DATE_WHITELIST = '0123456789０１２３４５６７８９年月日明治大正昭和平成令元生まで有効 ';
const SEX_WHITELIST = '男女';

/** A date line read well enough: it parses and the model was sure of it. */
const SURE_DATE = 0.9;
const SURE_SEX = 0.85;

export function dateText(text: string): string {
  return text.split(/性別|性刷/)[0]!;
}

/** Parses as a date no earlier than 1868 and no later than ~12 years from `today` (expiry of a new card). */
export function plausibleDate(text: string, today: string): boolean {
  const d = parseCardDate(dateText(text), today);
  if (!d.ok) return false;
  const limit = `${Number(today.slice(0, 4)) + 12}${today.slice(4)}`;
  return d.iso >= '1868-01-01' && d.iso <= limit;
}

/** The ISO date a line's text gives, when it is a plausible card date (see plausibleDate); else null. */
export function dateIso(text: string, today: string): string | null {
  return plausibleDate(text, today) ? (parseCardDate(dateText(text), today) as { iso: string }).iso : null;
}

/**
 * A date line, or what is left of one after a bad read (a digit next to one of 年月日, or 日生 / まで有効);
 * not a place name that holds 日 or 生 (日本大通４－３２, 生田２丁目) near its 番地.
 */
const dateish = (t: string): boolean =>
  looksLikeDate(t) || (/[0-9０-９][年月日]|[年月][0-9０-９]|日生|まで|有効/.test(t) && /[0-9０-９]/.test(t) && !/^[住往佳][所听析]|[丁番号]/.test(t));

/**
 * Targeted second reads of the lines whose values have a small alphabet, only where the first read is
 * doubtful: dates with a character whitelist (one text line, raw), 性別 as one character (男 / 女) from the
 * box right of its label. The better-parsing read replaces the line's text.
 */
export async function refineLines(
  pool: TesseractPool,
  card: GrayImage,
  lines: RecognizedLine[],
  today: string,
  neighbours: readonly LineBox[] = lines,
  /** where the 性別 value is found and tested (the card reader's preprocessing worker) */
  judge: SexPixels = SEX_INLINE,
  /** where a date line's images are made (the card reader's preprocessing worker) */
  images: LineImager = lineImagesInline,
  /** whether a date line's first read is vouched for by the card's other date (vouchedByPair): then it is not read again */
  vouched: DateVouch = async () => false,
): Promise<RecognizedLine[]> {
  const out = lines.map((l) => ({ ...l }));
  const jobs: Promise<void>[] = [];
  for (const l of out) {
    const t = compact(l.text);
    // a short line that is 性別 with one of its two characters misread (生別, 性列): no other short text on a
    // card starts with 性 or has 別 second — but a second character of another label (性所) makes it that
    // label with its first character misread (住所), not 性別
    const shortLabel = t.length <= 4 && /^(?:.?[別刷]|性.)/.test(t) && !misreadTwoCharLabel(t, ['address', 'name']);
    if (leadingLabel(t) === 'sex' || /性[別刷]/.test(t) || shortLabel) {
      if (shortLabel && !/性[別刷]/.test(t)) {
        l.text = `性別${t.replace(/^(?:.?[別刷]|性.)/, '')}`;
        l.symbols = l.symbols.length >= 2 ? [{ ...l.symbols[0]!, text: '性' }, ...l.symbols.slice(1)] : l.symbols;
      }
      const idx = compact(l.text).search(/性[別刷]/);
      const before = compact(l.text).slice(0, Math.max(0, idx));
      const first = parseSex(compact(l.text).slice(Math.max(0, idx)));
      const valueH = valueHeightBeside(l, neighbours);
      jobs.push(
        (async () => {
          // a sure first read still meets the shape test (no model call): a contradiction gets the full re-read
          if (first !== null && l.confidence >= SURE_SEX) {
            const g = await sexGlyph(card, l, { index: before.length }, judge, false, valueH);
            if ((g?.shape ?? null) !== (first === 'M' ? 'F' : 'M')) return;
          }
          await Promise.all([rereadSex(pool, card, l, { index: before.length }, judge, valueH), before.length > 0 && dateish(before) ? rereadDate(pool, card, l, today, images, vouched) : undefined]);
        })(),
      );
      continue;
    }
    // a line the model could not read at all but with digits in it may be a date drowned in the card's
    // pattern: the cleaned, whitelisted re-read says (it changes nothing unless that parses as a date)
    // (or a long line it could not read at all, whatever it made of the digits: 騰9妥認首留貞庫詳可上第)
    const drowned = l.confidence < REREAD_TUNING.unreadLine && (countDigits(t) >= 2 || (l.confidence < 0.2 && [...t].length >= 8));
    if (!dateish(t) && !drowned) continue;
    if (plausibleDate(l.text, today) && l.confidence >= SURE_DATE) continue;
    jobs.push(rereadDate(pool, card, l, today, images, vouched));
  }
  await Promise.all(jobs);
  return out;
}

/**
 * Index of the first symbol of a 性別 label sharing a date's line (the current card), or -1. Only after
 * something of a date: a 性 in the noise of a misread line would cut the date short.
 */
function sexLabelAt(l: RecognizedLine): number {
  return l.symbols.findIndex(
    (s, i) => (s.text === '性' || (s.text === '別' && i > 0)) && /[年月日]/.test(l.symbols.slice(0, i).map((x) => x.text).join('')),
  );
}

/** The date part of a line: a 性別 label sharing it is cut off at its first symbol. */
export function dateBox(l: RecognizedLine): RecognizedLine {
  const sexAt = sexLabelAt(l);
  const x1 = sexAt > 0 ? l.symbols[sexAt]!.x0 - 2 : l.x1;
  return { ...l, x1: Math.max(l.x0 + 4, x1) };
}

/**
 * A line read again as a date whatever its first read was (the line where a date the card prints must stand):
 * the same targeted reads and vote as a dateish line's. Unchanged when no read gives a plausible date.
 */
export async function readAsDate(pool: TesseractPool, card: GrayImage, l: RecognizedLine, today: string, images: LineImager = lineImagesInline): Promise<RecognizedLine> {
  const out = { ...l };
  await rereadDate(pool, card, out, today, images);
  return out;
}

/** Whether a date line's first read is vouched for without reading it again (the card reader's cross-check of the two dates). */
export type DateVouch = (l: RecognizedLine) => Promise<boolean>;

async function rereadDate(pool: TesseractPool, card: GrayImage, l: RecognizedLine, today: string, images: LineImager, vouched: DateVouch = async () => false): Promise<void> {
  // a first read that parses and that the card's other date vouches for is not read again to confirm it
  if (dateIso(l.text, today) !== null && (await vouched(l))) {
    l.confidence = Math.max(l.confidence, REREAD_TUNING.datePair.vouchedConfidence);
    return;
  }
  // the model is sensitive to scale and segmentation mode: a few variants, then a vote
  const box = dateBox(l);
  // the card's guilloche behind widely spaced digits turns whole dates to noise: cleaned crops first, the
  // raw one only as the tie-breaker
  const [raw, a, b] = (await images(card, box, [
    { glyph: 48, clean: false },
    { glyph: 40, clean: true },
    { glyph: 48, clean: true },
  ])) as [GrayImage, GrayImage, GrayImage];
  const isoOf = (t: string): string | null => dateIso(t, today);
  const first = isoOf(l.text);
  // a first read that parses only needs one cleaned, whitelisted read to agree with it
  const reads = first !== null ? [await pool.recognize({ image: a, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST, symbols: false })] : [];
  if (first === null || isoOf(reads[0]!.text) !== first) {
    reads.push(
      ...(await Promise.all([
        ...(reads.length === 0 ? [pool.recognize({ image: a, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST, symbols: false })] : []),
        pool.recognize({ image: b, psm: PSM.RAW_LINE, whitelist: DATE_WHITELIST, symbols: false }),
      ])),
    );
    // two whitelisted reads giving the same date settle it; otherwise a third one votes
    const [i0, i1] = reads.map((r) => isoOf(r.text));
    if (i0 === null || i0 !== i1) reads.push(await pool.recognize({ image: raw, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST, symbols: false }));
  }
  const orig = plausibleDate(l.text, today) ? [{ text: dateText(l.text), confidence: l.confidence }] : [];
  const cands = [...orig, ...reads.filter((r) => plausibleDate(r.text, today)).map((r) => ({ text: r.text, confidence: r.confidence }))];
  if (cands.length === 0) {
    // no read gives the whole date: its parts as the reads show them, capped as a cross-check's choice is
    // (要確認: the reader put it together)
    const parts = dateFromParts([{ text: dateText(l.text), confidence: l.confidence }, ...reads]);
    if (parts === null || !plausibleDate(parts, today)) return;
    putDate(l, { text: parts });
    l.confidence = Math.min(Math.max(...reads.map((r) => r.confidence), l.confidence), REREAD_TUNING.cross.changedConfidence);
    return;
  }
  // reads that agree win; otherwise the most confident
  const iso = (s: string): string => dateIso(s, today)!;
  const votes = new Map<string, number>();
  for (const c of cands) votes.set(iso(c.text), (votes.get(iso(c.text)) ?? 0) + 1 + c.confidence);
  const bestIso = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const best = cands.filter((c) => iso(c.text) === bestIso).sort((a, b) => b.confidence - a.confidence)[0]!;
  putDate(l, best);
  l.confidence = Math.max(l.confidence, best.confidence);
}

/** The line's date replaced by a re-read's, keeping what followed it (生, まで有効, a 性別 label and value). */
export function putDate(l: RecognizedLine, read: { text: string }): void {
  const sexAt = sexLabelAt(l);
  const rest = sexAt > 0 ? l.text.slice(l.text.search(/性[別刷]/)) : '';
  const keepSuffix = /生/.test(compact(l.text)) && !/生/.test(read.text) ? '生' : /まで|有効/.test(compact(l.text)) && !/まで|有効/.test(read.text) ? 'まで有効' : '';
  l.text = `${read.text}${keepSuffix}${rest ? ` ${rest}` : ''}`;
}

/**
 * How tall the 性別 value beside a label line may be printed: a label given a line of its own is small, and the
 * value after it (a line of its own too, whatever the model made of it) may be twice its size. The tallest
 * line starting just right of the label on its row, or the label line's own height.
 */
function valueHeightBeside(l: RecognizedLine, lines: readonly LineBox[]): number {
  const h = l.y1 - l.y0;
  const cy = (l.y0 + l.y1) / 2;
  const beside = lines.filter((o) => !(o.x0 === l.x0 && o.y0 === l.y0) && o.y0 < cy && o.y1 > cy && o.x0 >= l.x1 - 2 && o.x0 <= l.x1 + SEX_VALUE.reachGlyphs * h && o.y1 - o.y0 <= SEX_VALUE.maxGrowth * h);
  return Math.max(h, ...beside.map((o) => o.y1 - o.y0));
}

/** A line's box on the card (a recognized line's, or the line finder's before it is read). */
export interface LineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How far a 性別 value is looked for beside its label line. */
const SEX_VALUE = {
  /** the value starts within this many label heights of the label's end */
  reachGlyphs: 3,
  /** and is at most this many times the label's height: anything taller is the photo or another block */
  maxGrowth: 3,
} as const;

/**
 * Where a 性別 label is on its line: from its first symbol's index on, the model's 性 別 (when it gave them: else
 * assumed at the line's start), or its end in card x where the line finder found it by its glyphs.
 */
type LabelAt = { index: number } | { end: number };

/**
 * The 性別 value right of the label on line `l`, found and tested in the preprocessing worker (sexValue): its
 * box in card x, its shape, and with `strip` the glyph tiled for the reads. Null when there is no glyph.
 * @param valueH how tall the value may be (valueHeightBeside): the search area and the glyph test follow it
 */
async function sexGlyph(
  card: GrayImage,
  l: RecognizedLine,
  label: LabelAt,
  reader: SexPixels,
  strip: boolean,
  valueH = l.y1 - l.y0,
): Promise<{ shape: 'M' | 'F' | null; strip: GrayImage | null; x0: number; x1: number; labEnd: number } | null> {
  // the label's symbols (性 別) when the model gave them; else the label is assumed at the line's start
  const syms = l.symbols;
  const lab = 'end' in label ? -1 : syms.findIndex((s, i) => i >= label.index && /性/.test(s.text));
  const labEnd = 'end' in label ? label.end : lab >= 0 && syms[lab + 1] ? syms[lab + 1]!.x1 : l.x0 + 2 * l.glyphH;
  const h = l.y1 - l.y0;
  // the model's symbol boxes are loose (別's box often runs into the value): search from a label height
  // before its end, and take the glyph by its ink, not by the box
  const ax = labEnd - 1.2 * h;
  const H = Math.max(h, valueH);
  // the row's band, as tall as the value may be, around the label's middle
  const top = (l.y0 + l.y1) / 2 - 0.9 * H;
  // only the area is cut here: the glyph is found, tested and tiled in the preprocessing worker; it reaches as far
  // as a value may (SEX_VALUE: starting within reachGlyphs label heights of the label's end, and as wide as it is
  // tall), wherever the label's end was put: a label known by its print ends at its ink, not at a loose box
  const area = crop(card, ax, top, Math.max(1.2 * h + 3.5 * H, labEnd - ax + SEX_VALUE.reachGlyphs * h + H), 1.8 * H);
  const v = await reader.value({ op: 'sex-value', crop: area, h: H, labEnd: labEnd - ax, strip });
  if (!v.box) return null;
  return { shape: v.shape, strip: v.strip, x0: Math.floor(Math.max(0, ax)) + v.box.x0, x1: Math.floor(Math.max(0, ax)) + v.box.x1, labEnd };
}

/**
 * 性別 where no line's text names it. On the current and the foreign resident's card the 性別 label and value
 * follow the 生年月日 on its row; a label misread beyond recognition (に 且 ], or swallowed into the date's line,
 * or never found as a line on a small, blurred photo of the card) leaves the field empty. The ink right of the
 * birth date on that row is then tested as a labelled 性別 line is (sexGlyph's shape test and the whitelisted
 * reads, decideSex), and kept only when both agree: anything else there (a photo's edge, the pattern) stays
 * unread, the field empty, for the clerk.
 * @param birth the birth date line's box, as the extraction found it
 */
export async function sexRightOfBirthDate(
  pool: TesseractPool,
  card: GrayImage,
  birth: { x: number; y: number; width: number; height: number },
  glyphH: number,
  judge: SexPixels = SEX_INLINE,
  /** the line finder's glyphs of the birth date's row, when it found them (smallLabelAtRowEnd) */
  rowGlyphs: readonly CharBox[] | null = null,
): Promise<RecognizedLine | null> {
  const row = { y0: birth.y, y1: birth.y + birth.height, glyphH };
  const kept = (line: RecognizedLine): RecognizedLine | null => (parseSex(compact(line.text)) !== null && line.confidence >= SEX_ON_DATE_ROW.minConfidence ? line : null);
  const after = birth.x + birth.width + SEX_ON_DATE_ROW.gapGlyphs * glyphH;
  if (after < card.width - glyphH) {
    // the label starts where the ink does: designs set it a space to several characters after the date
    const x0 = (await firstInkRight(card, after, Math.min(card.width, after + SEX_ON_DATE_ROW.reachGlyphs * glyphH), birth.y, birth.y + birth.height, glyphH, judge)) ?? after;
    if (x0 < card.width - glyphH) {
      const line: RecognizedLine = { ...row, x0, x1: Math.min(card.width, x0 + SEX_ON_DATE_ROW.spanGlyphs * glyphH), text: '性別', confidence: 0, symbols: [] };
      await rereadSex(pool, card, line, { index: 0 }, judge);
      if (kept(line)) return line;
    }
  }
  // the label inside the date's box (the model's box of 生 ran over it, or no 生 was read to cut the box at):
  // the line finder saw it, printed smaller than the value that ends the row; the value is looked for after it
  const label = smallLabelAtRowEnd(rowGlyphs);
  if (!label) return null;
  const line: RecognizedLine = { ...row, x0: label.x0, x1: Math.min(card.width, label.x1 + SEX_ON_DATE_ROW.spanGlyphs * glyphH), text: '性別', confidence: 0, symbols: [] };
  await rereadSex(pool, card, line, { end: label.x1 }, judge);
  return kept(line);
}

/**
 * The 性別 label on the birth date's row as the line finder found its glyphs (a foreign resident's card prints
 * it smaller than the date and the value): the run of small glyphs right before the row's last one, when that
 * last one is of the value's size. Null when the row does not end so.
 */
export function smallLabelAtRowEnd(glyphs: readonly CharBox[] | null): { x0: number; x1: number } | null {
  if (!glyphs || glyphs.length < 3) return null;
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  const height = (g: CharBox): number => g.y1 - g.y0;
  const value = sorted.at(-1)!;
  const before = sorted.slice(0, -1).map(height).sort((a, b) => a - b);
  if (height(value) < SEX_ON_DATE_ROW.valueOfDate * before[before.length >> 1]!) return null;
  let first = sorted.length - 1;
  while (first > 0 && height(sorted[first - 1]!) <= SEX_ON_DATE_ROW.labelOfValue * height(value)) first--;
  // no small glyph before the value, or nothing but small ones (a row of the label alone is no date's)
  if (first === sorted.length - 1 || first === 0) return null;
  const label = sorted.slice(first, -1);
  return { x0: label[0]!.x0, x1: Math.max(...label.map((g) => g.x1)) };
}

/**
 * Card x of the first ink of the row [y0, y1) between x0 and x1 as tall as a label's character (the dots
 * of a printed pattern are smaller), with the pattern cleaned away; null when there is none.
 */
async function firstInkRight(card: GrayImage, x0: number, x1: number, y0: number, y1: number, h: number, pixels: SexPixels): Promise<number | null> {
  const ax = Math.max(0, Math.floor(x0));
  const ay = Math.max(0, Math.floor(y0));
  // only the area is cut here: the ink is found in the preprocessing worker
  const at = await pixels.firstInk({ op: 'first-ink', crop: crop(card, ax, ay, Math.max(1, x1 - ax), Math.max(1, y1 - ay)), h, minH: SEX_ON_DATE_ROW.minInkGlyphs * h });
  return at === null ? null : ax + at;
}

/**
 * The birth date's box cut at its 生: whatever its line holds after it (a 性別 label and value misread into the
 * date's line: 日生 内女) is where 性別 is looked for. The whole box when the line has no 生 symbol.
 */
export function birthDateOnly(birth: { x: number; y: number; width: number; height: number }, line: RecognizedLine | undefined): { x: number; y: number; width: number; height: number } {
  const sei = line?.symbols.findLast((sym) => sym.text === '生');
  return sei && sei.x1 > birth.x && sei.x1 < birth.x + birth.width ? { ...birth, width: Math.round(sei.x1 - birth.x) } : birth;
}

/** Where 性別 is looked for right of the birth date when no line names it (sexRightOfBirthDate). */
const SEX_ON_DATE_ROW = {
  /** the label starts at least a space after the date ends: the search begins there (glyph heights) */
  gapGlyphs: 0.2,
  /**
   * … and the label is the first ink after that, up to this many glyph heights on (designs set it from a
   * space to ~4 characters after the date: the value was cut off by a search that assumed it close)
   */
  reachGlyphs: 6,
  /** ink at least this many glyph heights tall is a character (the label's are ~0.6): smaller is pattern */
  minInkGlyphs: 0.3,
  /** 性別, a gap and the value fit in this many glyph heights */
  spanGlyphs: 6,
  /** decideSex's confidence when the shape test and the reads agree: nothing weaker is kept from bare ink */
  minConfidence: 0.85,
  /**
   * a label's glyphs are at most this share of the value's height (the labels are printed at ~0.6 of the
   * value; the date's digits at 0.8 and more of it, its kanji as tall)
   */
  labelOfValue: 0.7,
  /** … and the value at least this share of the date's median glyph height (a speck or a stroke's end is no value) */
  valueOfDate: 0.9,
} as const;

async function rereadSex(pool: TesseractPool, card: GrayImage, l: RecognizedLine, label: LabelAt, reader: SexPixels, valueH?: number): Promise<void> {
  const found = await sexGlyph(card, l, label, reader, true, valueH);
  const sure = (c: number): void => {
    // no usable glyph: whatever the first read said stays, but not as a sure answer
    l.confidence = Math.min(l.confidence, c);
    for (const s of l.symbols) if (s.text === '男' || s.text === '女') s.confidence = Math.min(s.confidence, c);
  };
  if (!found?.strip) return sure(0.5);
  const { shape, strip, labEnd } = found;
  // the LSTM model reads one lone CJK character badly: the strip holds the same glyph three times
  const reads = await Promise.all([
    pool.recognize({ image: strip, psm: PSM.SINGLE_LINE, whitelist: SEX_WHITELIST, symbols: false }),
    pool.recognize({ image: strip, psm: PSM.RAW_LINE, whitelist: SEX_WHITELIST, symbols: false }),
  ]);
  const decided = decideSex(shape, reads);
  if (!decided) return sure(0.5);
  const value = decided.sex === 'M' ? '男' : '女';
  const conf = decided.confidence;
  const head = l.text.slice(0, l.text.search(/性[別刷]/) + 2);
  l.text = `${head} ${value}`;
  l.symbols = [...l.symbols.filter((s) => s.x1 <= labEnd + 1 && s.x1 <= found.x0 + 1 && s.text !== '男' && s.text !== '女'), { text: value, confidence: conf, x0: found.x0, x1: found.x1 }];
  l.confidence = conf;
}

/**
 * 性別 from the shape test and the whitelisted reads (each `男男男`-like, with the model's confidence), with a
 * confidence that says how much to trust it: high only when both agree; the shape alone or the reads alone
 * stay below the clerk's check threshold (0.8); a disagreement is a coin the clerk must look at.
 */
export function decideSex(shape: 'M' | 'F' | null, reads: { text: string; confidence: number }[]): { sex: 'M' | 'F'; confidence: number } | null {
  let m = 0;
  let f = 0;
  let chars = 0;
  for (const r of reads) for (const c of compact(r.text)) {
    chars++;
    if (c === '男') m += r.confidence;
    else if (c === '女') f += r.confidence;
  }
  // how strongly and how unanimously the reads lean one way, 0..1; a read that gave nothing is no evidence
  // either way (one mode often returns nothing for the tiled glyph) and does not thin out the others
  const answered = reads.filter((r) => compact(r.text).length > 0).length;
  const lean = chars === 0 ? 0 : Math.abs(m - f) / Math.max(chars, 3 * answered);
  const read = m > f ? 'M' : f > m ? 'F' : null;
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  if (shape && read === shape) return { sex: shape, confidence: r2(Math.min(0.99, 0.85 + 0.15 * lean)) };
  if (shape && read === null) return { sex: shape, confidence: 0.7 };
  if (!shape && read) return { sex: read, confidence: r2(Math.min(0.7, 0.7 * lean)) };
  if (shape && read) return { sex: lean >= 0.6 ? read : shape, confidence: 0.3 };
  return null;
}

