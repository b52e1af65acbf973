import type { RecognizedSymbol } from '../../common/ocr/recognized-line';
import { spelledByWord } from '../../common/address/building-words';
import { boxH, boxW, components, type Box } from './image/components';
import { crop, resize, type GrayImage } from './image/gray-image';

/**
 * パ and バ, ポ and ボ: the OCR model tells the 半濁点 (a small ring) from the 濁点 (two ticks) badly at
 * card sizes, and sometimes gives both for one glyph (コーボポ). The ring is topology: it encloses paper,
 * the ticks do not. This looks for that enclosed paper in the glyph's top-right corner.
 */
export type VoicingMark = 'handakuten' | 'dakuten';

const DAKUTEN = 'バビブベボばびぶべぼ';
const HANDAKUTEN = 'パピプペポぱぴぷぺぽ';

/** The ハ-row kana whose mark the shape test can settle, and its two forms. */
export function voicingPair(ch: string): { dakuten: string; handakuten: string } | null {
  const i = Math.max(DAKUTEN.indexOf(ch), HANDAKUTEN.indexOf(ch));
  return i < 0 ? null : { dakuten: DAKUTEN[i]!, handakuten: HANDAKUTEN[i]! };
}

/**
 * Two of `marks` beside each other, as the box around both: their rows overlap by at least 0.3 of the
 * shorter one's height (a serif font staggers its ticks: 2 of 6 rows shared), and their centres lie apart by
 * at least 0.3 of the narrower one's width. A ring's arcs, one over the other, share no row. Null when no two are.
 */
function ticksSideBySide(marks: Box[]): Box | null {
  for (const [i, a] of marks.entries()) {
    for (const b of marks.slice(i + 1)) {
      const rows = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1;
      const apart = Math.abs(a.x0 + a.x1 - b.x0 - b.x1) / 2;
      if (rows >= 0.3 * Math.min(boxH(a), boxH(b)) && apart >= 0.3 * Math.min(boxW(a), boxW(b))) {
        return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), area: a.area + b.area };
      }
    }
  }
  return null;
}

const round = (b: Box, lo: number): boolean => boxW(b) >= lo * boxH(b) && boxH(b) >= lo * boxW(b);

/** Paper enclosed by ink (a counter), at least 2 px, away from the crop's edges. */
function counters(inkMask: Uint8Array, w: number, h: number): Box[] {
  return components(inkMask.map((v) => 1 - v), w, h, 4).filter((b) => b.x0 > 0 && b.y0 > 0 && b.x1 < w - 1 && b.y1 < h - 1 && b.area >= 2);
}

/** 1 where a pixel is at or darker than `cutoff` (ink), else 0. */
function inkAt(data: Uint8Array, cutoff: number): Uint8Array {
  const m = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) m[i] = data[i]! <= cutoff ? 1 : 0;
  return m;
}

/**
 * The mark on one glyph crop (about its em box, the row's height; neighbours' ink may reach in at the
 * sides). Null when the crop is not judged: too little contrast, no ink in the corner.
 */
export function voicingMark(glyph: GrayImage): VoicingMark | null {
  // enough pixels for a ring's hole to survive thresholding
  const f = Math.max(1, Math.min(4, 72 / Math.max(1, glyph.height)));
  const g = f > 1.05 ? resize(glyph, Math.round(glyph.width * f), Math.round(glyph.height * f)) : glyph;
  const { width: w, height: h, data } = g;
  if (w < 10 || h < 10) return null;
  const sorted = Uint8Array.from(data).sort();
  const paper = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  const ink = sorted[Math.floor(0.02 * (sorted.length - 1))]!;
  const contrast = paper - ink;
  if (contrast < 50) return null;
  // both marks sit in the top-right corner, apart from the kana's body: small blobs of ink there
  const inCorner = (b: Box): boolean => (b.x0 + b.x1) / 2 >= 0.5 * w && (b.y0 + b.y1) / 2 < 0.45 * h;
  const small = (b: Box): boolean => boxW(b) <= 0.32 * h && boxH(b) <= 0.32 * h && b.area >= 0.0008 * h * h;
  let ticks: Box | null = null;
  let rings = 0;
  // a blurred ring's counter is lighter than its stroke but darker than paper: several cut-offs
  for (const k of [0.3, 0.5, 0.65, 0.8]) {
    const inkMask = inkAt(data, paper - k * contrast);
    const marks = components(inkMask, w, h, 8).filter((b) => small(b) && inCorner(b));
    if (marks.length === 0) continue;
    const holes = counters(inkMask, w, h);
    // a ring: a round blob with a round counter in its middle (ticks joined by blur enclose slits or corners)
    const ring = marks.some((m) =>
      round(m, 0.7) &&
      holes.some((o) => {
        const cx = (o.x0 + o.x1) / 2;
        const cy = (o.y0 + o.y1) / 2;
        return o.x0 > m.x0 && o.x1 < m.x1 && o.y0 > m.y0 && o.y1 < m.y1 && round(o, 0.5) && o.area >= 0.06 * boxW(m) * boxH(m) &&
          Math.abs(cx - (m.x0 + m.x1) / 2) <= 0.2 * boxW(m) && Math.abs(cy - (m.y0 + m.y1) / 2) <= 0.2 * boxH(m) && boxW(o) >= 0.2 * boxW(m);
      }),
    );
    if (ring && (k >= 0.5 || ++rings >= 2)) return 'handakuten';
    // two ticks side by side, each longer than wide in some direction: a 濁点. Side by side, not one over the
    // other: a small faint ring falls apart at this cut-off into its upper and lower arcs, each as long as a
    // tick (the ポ of コーポ on a phone photo, a 12 × 14 px ring whose counter showed only at a paler cut)
    if (k === 0.5) ticks = ticksSideBySide(marks.filter((m) => Math.max(boxW(m), boxH(m)) >= 1.3 * Math.min(boxW(m), boxH(m))));
  }
  if (!ticks || rings > 0) return null;
  // … or side by side: a ring that blur thinned at its top and bottom parts into a left and a right arc. Its
  // counter, paler than its stroke, is paper the ink encloses at a paler cut-off, round, between the two (the
  // ポ of コーポ on a camera photo, closed at 0.4); a 濁点's ticks that blur joins enclose a slit at most
  const pair = ticks;
  const between = (o: Box): boolean => (o.x0 + o.x1) / 2 > pair.x0 && (o.x0 + o.x1) / 2 < pair.x1 && (o.y0 + o.y1) / 2 > pair.y0 && (o.y0 + o.y1) / 2 < pair.y1;
  const closed = [0.3, 0.4].some((k) => counters(inkAt(data, paper - k * contrast), w, h).some((o) => between(o) && round(o, 0.5)));
  return closed ? null : 'dakuten';
}

/** One glyph's crop for the mark test in the preprocessing worker. */
export interface VoicingRequest {
  op: 'voicing';
  crop: GrayImage;
}

/** Tests one glyph crop's mark (voicingMark), in the preprocessing worker or inline. */
export type VoicingJudge = (req: VoicingRequest) => Promise<VoicingMark | null>;

/** On the calling thread (tests; the preprocessing worker's own fallback). */
export const voicingInline: VoicingJudge = (req) => Promise.resolve(voicingMark(req.crop));

/** Card-pixel crop around one symbol: the row's band, a little wider than the symbol's (loose) box. */
function glyphCrop(card: GrayImage, s: { x0: number; x1: number }, band: { y0: number; y1: number }): GrayImage {
  const h = band.y1 - band.y0 + 1;
  const x0 = Math.max(0, Math.floor(s.x0 - 0.08 * h));
  const x1 = Math.min(card.width - 1, Math.ceil(Math.max(s.x1, s.x0 + 0.8 * h) + 0.12 * h));
  const y0 = Math.max(0, Math.floor(band.y0 - 0.1 * h));
  const y1 = Math.min(card.height - 1, Math.ceil(band.y1 + 0.05 * h));
  return crop(card, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
}

/**
 * A read of one row with its ハ-row kana settled by shape: a pair of the same kana with both marks, side
 * by side where one glyph stands (ボポ), becomes one; each such kana gets the mark its pixels show.
 * `symbols` must spell the read's text without its spaces, or the read is returned unchanged.
 */
export async function settleVoicing<T extends { text: string; symbols: RecognizedSymbol[] }>(
  read: T,
  card: GrayImage,
  band: { y0: number; y1: number },
  words?: readonly string[],
  /** where each glyph's mark is tested (the card reader's preprocessing worker); only its crop is cut here */
  judge: VoicingJudge = voicingInline,
  /** what follows the row (the next row's read): a word may go on there (…２０号バ | ークハウス) */
  after = '',
): Promise<T> {
  const chars = [...read.text.replace(/[\s\u3000]/g, '')];
  if (chars.join('') !== read.symbols.map((s) => s.text).join('') || !chars.some((c) => voicingPair(c))) return read;
  const h = band.y1 - band.y0 + 1;
  const syms: RecognizedSymbol[] = [];
  // which kept symbol each read symbol became
  const owner: number[] = [];
  for (const s of read.symbols) {
    const prev = syms.at(-1);
    const pp = prev && voicingPair(prev.text);
    const sp = voicingPair(s.text);
    if (prev && pp && sp && pp.dakuten === sp.dakuten && prev.text !== s.text && Math.max(s.x1, prev.x1) - Math.min(s.x0, prev.x0) < 1.3 * h) {
      syms[syms.length - 1] = { ...prev, x0: Math.min(prev.x0, s.x0), x1: Math.max(prev.x1, s.x1), confidence: Math.min(prev.confidence, s.confidence) };
    } else syms.push(s);
    owner.push(syms.length - 1);
  }
  const settled = await Promise.all(
    syms.map(async (s) => {
      const pair = voicingPair(s.text);
      if (!pair) return s;
      const mark = await judge({ op: 'voicing', crop: glyphCrop(card, s, band) });
      return mark ? { ...s, text: pair[mark] } : s;
    }),
  );
  // marks the shape left undecided (a ring too small or blurred to show its hole): the spelling that makes a
  // known word, when exactly one does, the row's end read on into the next row's start
  if (words) {
    settled.forEach((s, i) => {
      const pair = voicingPair(s.text);
      if (!pair || s !== syms[i]) return;
      const spell = (ch: string): string => settled.map((x, j) => (j === i ? ch : x.text)).join('') + after;
      const pick = spelledByWord(spell(pair.dakuten), spell(pair.handakuten), i, words);
      if (pick) settled[i] = { ...s, text: pick === 'a' ? pair.dakuten : pair.handakuten };
    });
  }
  // the read's spaces kept where they were
  let text = '';
  let j = 0;
  for (const c of read.text) {
    if (/[\s\u3000]/.test(c)) {
      text += c;
      continue;
    }
    if (j === 0 || owner[j] !== owner[j - 1]) text += settled[owner[j]!]!.text;
    j++;
  }
  return { ...read, text, symbols: settled };
}
