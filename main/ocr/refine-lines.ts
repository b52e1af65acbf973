import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { compact, leadingLabel } from '../../common/ocr/card-labels';
import { looksLikeDate, parseCardDate } from '../../common/ocr/parse-date';
import { parseSex } from '../../common/ocr/parse-sex';
import { createGray, crop, resize, type GrayImage } from './image/gray-image';
import { inkMask } from './image/binarize';
import { boxH, components, type Box } from './image/components';
import { lineCrop } from './recognize-lines';
import { PSM, type TesseractPool } from './engine/tesseract-pool';

/** What a printed card date can contain: digits, era names, 年月日, 元(年), 生, まで有効. */
export const DATE_WHITELIST = '0123456789０１２３４５６７８９年月日明治大正昭和平成令元生まで有効 ';
const SEX_WHITELIST = '男女';

/** A date line read well enough: it parses and the model was sure of it. */
const SURE_DATE = 0.9;
const SURE_SEX = 0.85;

function dateText(text: string): string {
  return text.split(/性別|性刷/)[0]!;
}

/** Parses as a date no earlier than 1868 and no later than ~12 years from `today` (expiry of a new card). */
function plausibleDate(text: string, today: string): boolean {
  const d = parseCardDate(dateText(text));
  if (!d.ok) return false;
  const limit = `${Number(today.slice(0, 4)) + 12}${today.slice(4)}`;
  return d.iso >= '1868-01-01' && d.iso <= limit;
}

/** A date line, or what is left of one after a bad read (one digit and one of 年月日生, or まで有効). */
const dateish = (t: string): boolean =>
  looksLikeDate(t) || (/[年月日生]|まで|有効/.test(t) && /[0-9０-９]/.test(t) && !/^[住往佳][所听析]|[丁番号]/.test(t));

/**
 * Targeted second reads of the lines whose values have a small alphabet, only where the first read is
 * doubtful: dates with a character whitelist (one text line, raw), 性別 as one character (男 / 女) from the
 * box right of its label. The better-parsing read replaces the line's text.
 */
export async function refineLines(pool: TesseractPool, card: GrayImage, lines: RecognizedLine[], today: string): Promise<RecognizedLine[]> {
  const out = lines.map((l) => ({ ...l }));
  const jobs: Promise<void>[] = [];
  for (const l of out) {
    const t = compact(l.text);
    const shortLabel = t.length <= 4 && /^.?[別刷]/.test(t);
    if (leadingLabel(t) === 'sex' || /性[別刷]/.test(t) || shortLabel) {
      if (shortLabel && !/性[別刷]/.test(t)) {
        l.text = `性別${t.replace(/^.?[別刷]/, '')}`;
        l.symbols = l.symbols.length >= 2 ? [{ ...l.symbols[0]!, text: '性' }, ...l.symbols.slice(1)] : l.symbols;
      }
      const idx = compact(l.text).search(/性[別刷]/);
      const before = compact(l.text).slice(0, Math.max(0, idx));
      if (parseSex(compact(l.text).slice(Math.max(0, idx))) !== null && l.confidence >= SURE_SEX) continue;
      jobs.push(rereadSex(pool, card, l, before.length));
      if (before.length > 0 && dateish(before)) jobs.push(rereadDate(pool, card, l, today));
      continue;
    }
    if (!dateish(t)) continue;
    if (plausibleDate(l.text, today) && l.confidence >= SURE_DATE) continue;
    jobs.push(rereadDate(pool, card, l, today));
  }
  await Promise.all(jobs);
  return out;
}

async function rereadDate(pool: TesseractPool, card: GrayImage, l: RecognizedLine, today: string): Promise<void> {
  // the date part only: a 性別 label sharing the line is cut off at its first symbol
  const sexAt = l.symbols.findIndex((s, i) => s.text === '性' || (s.text === '別' && i > 0));
  const x1 = sexAt > 0 ? l.symbols[sexAt]!.x0 - 2 : l.x1;
  // the model is sensitive to scale and segmentation mode: a few variants, then a vote
  const box = { ...l, x1: Math.max(l.x0 + 4, x1) };
  const a = lineCrop(card, box, 40).image;
  const b = lineCrop(card, box, 48).image;
  const reads = await Promise.all([
    pool.recognize({ image: a, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST }),
    pool.recognize({ image: b, psm: PSM.RAW_LINE, whitelist: DATE_WHITELIST }),
  ]);
  // two whitelisted reads giving the same date settle it; otherwise a third one votes
  const isoOf = (t: string): string | null => (plausibleDate(t, today) ? (parseCardDate(dateText(t)) as { iso: string }).iso : null);
  const [i0, i1] = reads.map((r) => isoOf(r.text));
  if (i0 === null || i0 !== i1) reads.push(await pool.recognize({ image: b, psm: PSM.SINGLE_LINE, whitelist: DATE_WHITELIST }));
  const orig = plausibleDate(l.text, today) ? [{ text: dateText(l.text), confidence: l.confidence }] : [];
  const cands = [...orig, ...reads.filter((r) => plausibleDate(r.text, today)).map((r) => ({ text: r.text, confidence: r.confidence }))];
  if (cands.length === 0) return;
  // reads that agree win; otherwise the most confident
  const iso = (s: string): string => (parseCardDate(s) as { iso: string }).iso;
  const votes = new Map<string, number>();
  for (const c of cands) votes.set(iso(c.text), (votes.get(iso(c.text)) ?? 0) + 1 + c.confidence);
  const bestIso = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const best = cands.filter((c) => iso(c.text) === bestIso).sort((a, b) => b.confidence - a.confidence)[0]!;
  const rest = sexAt > 0 ? l.text.slice(l.text.search(/性[別刷]/)) : '';
  const keepSuffix = /生/.test(compact(l.text)) && !/生/.test(best.text) ? '生' : /まで|有効/.test(compact(l.text)) && !/まで|有効/.test(best.text) ? 'まで有効' : '';
  l.text = `${best.text}${keepSuffix}${rest ? ` ${rest}` : ''}`;
  l.confidence = Math.max(l.confidence, best.confidence);
}

async function rereadSex(pool: TesseractPool, card: GrayImage, l: RecognizedLine, labelIndex: number): Promise<void> {
  // the label's symbols (性 別) when the model gave them; else the label is assumed at the line's start
  const syms = l.symbols;
  const lab = syms.findIndex((s, i) => i >= labelIndex && /性/.test(s.text));
  const labEnd = lab >= 0 && syms[lab + 1] ? syms[lab + 1]!.x1 : l.x0 + 2 * l.glyphH;
  const h = l.y1 - l.y0;
  // the value: the first character-sized ink right of the label, within about three label heights
  const area = crop(card, labEnd + 0.1 * h, l.y0 - 0.4 * h, 3.5 * h, 1.8 * h);
  const ch = findGlyph(area, h);
  if (!ch) return;
  const glyph = crop(area, ch.x0 - 2, ch.y0 - 2, ch.x1 - ch.x0 + 5, ch.y1 - ch.y0 + 5);
  const shape = sexByShape(glyph);
  // the LSTM model reads one lone CJK character badly; the same glyph three times is a line it can read
  const k = 40 / Math.max(1, glyph.height);
  const big = resize(glyph, Math.max(1, Math.round(glyph.width * k)), Math.max(1, Math.round(glyph.height * k)));
  const strip = tile(big, 3, Math.round(0.2 * big.height));
  const reads = await Promise.all([
    pool.recognize({ image: strip, psm: PSM.SINGLE_LINE, whitelist: SEX_WHITELIST }),
    pool.recognize({ image: strip, psm: PSM.RAW_LINE, whitelist: SEX_WHITELIST }),
  ]);
  let m = 0;
  let f = 0;
  for (const r of reads) for (const c of compact(r.text)) {
    if (c === '男') m += r.confidence;
    else if (c === '女') f += r.confidence;
  }
  if (shape === 'M') m += 2;
  if (shape === 'F') f += 2;
  if (m === f) return;
  const value = m > f ? '男' : '女';
  const conf = Math.min(1, Math.abs(m - f) / (m + f + 1e-9));
  const head = l.text.slice(0, l.text.search(/性[別刷]/) + 2);
  const cx0 = labEnd + 0.1 * h + ch.x0;
  l.text = `${head} ${value}`;
  l.symbols = [...l.symbols.filter((s) => s.x1 <= labEnd + 1), { text: value, confidence: conf, x0: cx0, x1: cx0 + ch.x1 - ch.x0 }];
  l.confidence = Math.max(l.confidence * 0.5, conf);
}

/** Box of the first glyph-sized ink in `area` (label height `h`), in `area` pixels. */
function findGlyph(area: GrayImage, h: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const mask = inkMask(area, Math.max(4, Math.round(0.6 * h)), 14);
  const blobs = components(mask, area.width, area.height).filter((b) => boxH(b) >= 0.15 * h && boxH(b) <= 2.2 * h && b.area >= 4 && b.x0 > 0);
  if (blobs.length === 0) return null;
  blobs.sort((a, b) => a.x0 - b.x0);
  const main = blobs.find((b) => boxH(b) >= 0.5 * h) ?? blobs[0]!;
  const parts = blobs.filter((b) => b.x0 < main.x0 + 1.4 * h && b.x1 > main.x0 - 0.3 * h && b.y1 > main.y0 - 0.5 * h && b.y0 < main.y1 + 0.5 * h);
  const box = { x0: Math.min(...parts.map((b) => b.x0)), y0: Math.min(...parts.map((b) => b.y0)), x1: Math.max(...parts.map((b) => b.x1)), y1: Math.max(...parts.map((b) => b.y1)) };
  return box.y1 - box.y0 >= 0.5 * h ? box : null;
}

/**
 * 男 and 女 by topology, in any typeface: 男's 田 encloses four counters, 女 one small one (or none once
 * blurred). Returns null when the count is in between.
 */
export function sexByShape(glyph: GrayImage): 'M' | 'F' | null {
  const { width: w, height: hgt } = glyph;
  if (w < 6 || hgt < 6) return null;
  // Otsu threshold on the glyph crop
  const hist = new Float64Array(256);
  for (const v of glyph.data) hist[v]!++;
  const n = glyph.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let t = 128;
  for (let i = 0; i < 256; i++) {
    wB += hist[i]!;
    if (!wB) continue;
    const wF = n - wB;
    if (!wF) break;
    sumB += i * hist[i]!;
    const d = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (d > best) {
      best = d;
      t = i;
    }
  }
  const paper = new Uint8Array(n);
  for (let i = 0; i < n; i++) paper[i] = glyph.data[i]! > t ? 1 : 0;
  const holes = components4(paper, w, hgt).filter((b) => b.x0 > 0 && b.y0 > 0 && b.x1 < w - 1 && b.y1 < hgt - 1 && b.area >= Math.max(2, 0.004 * n));
  if (holes.length >= 3) return 'M';
  if (holes.length <= 1) return 'F';
  return null;
}

/** 4-connected components of a 0/1 mask (paper regions: 4-connectivity keeps counters apart). */
function components4(mask: Uint8Array, w: number, h: number): Box[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const out: Box[] = [];
  for (let s0 = 0; s0 < w * h; s0++) {
    if (!mask[s0] || seen[s0]) continue;
    let sp = 0;
    stack[sp++] = s0;
    seen[s0] = 1;
    const b: Box = { x0: w, y0: h, x1: 0, y1: 0, area: 0 };
    while (sp > 0) {
      const p = stack[--sp]!;
      const x = p % w;
      const y = (p - x) / w;
      b.area++;
      b.x0 = Math.min(b.x0, x);
      b.x1 = Math.max(b.x1, x);
      b.y0 = Math.min(b.y0, y);
      b.y1 = Math.max(b.y1, y);
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q >= 0 && mask[q] && !seen[q]) {
          seen[q] = 1;
          stack[sp++] = q;
        }
      }
    }
    out.push(b);
  }
  return out;
}

/** `n` copies of `g` side by side on its paper colour. */
function tile(g: GrayImage, n: number, gap: number): GrayImage {
  let paper = 0;
  for (const v of g.data) paper = Math.max(paper, v);
  const o = createGray(g.width * n + gap * (n + 1), g.height + 2 * gap, paper);
  for (let i = 0; i < n; i++) for (let y = 0; y < g.height; y++) o.data.set(g.data.subarray(y * g.width, (y + 1) * g.width), (y + gap) * o.width + gap + i * (g.width + gap));
  return o;
}
