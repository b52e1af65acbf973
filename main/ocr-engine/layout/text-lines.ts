import { histogram, type GrayImage } from '../image/gray-image';
import { inkMask } from '../image/binarize';
import { boxH, boxW, components, type Box } from '../image/components';

/** One character-sized group of ink blobs (a kanji's strokes, 二's two bars, a kana with its 濁点). */
export interface CharBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** median height of the line's characters: the text size, robust to dots and hyphens */
  glyphH: number;
  blobs: number;
  /** the characters, left to right (for masking neighbours out of the line's crop) */
  chars: CharBox[];
}

const cH = (b: CharBox): number => b.y1 - b.y0 + 1;
const cW = (b: CharBox): number => b.x1 - b.x0 + 1;

/**
 * Finds horizontal text lines on a card image: ink blobs are first joined into characters (strokes of one
 * kanji stacked or overlapping in x), then characters into lines by row, size and gap. Text of a clearly
 * different size on the same row (a small label before a big name) becomes a line of its own.
 * Field positions then come from what each line says, not from fixed boxes.
 * Thresholds follow the card's size (`width / 1000`).
 */
export function findTextLines(card: GrayImage, portrait: { x0: number; y0: number; x1: number; y1: number } | null = null): TextLine[] {
  const s = card.width / 1000;
  const mask = inkMask(card, Math.round(15 * s), 18);
  const maxH = 90 * s;
  // a sliver along the image's edge is the card's rim or the desk behind it after warping: it would join
  // the label and the value beside it into one line
  const rim = (b: Box): boolean =>
    (b.x0 === 0 || b.y0 === 0 || b.x1 === card.width - 1 || b.y1 === card.height - 1) && Math.min(boxW(b), boxH(b)) <= 4 * s;
  const pale = paleSpeck(card, s);
  // the portrait's pixels are no text: its edge and the sitter's outline would join the text beside it into a line
  const inPortrait = (b: Box): boolean => portrait !== null && (b.x0 + b.x1) / 2 >= portrait.x0 && (b.x0 + b.x1) / 2 <= portrait.x1 && (b.y0 + b.y1) / 2 >= portrait.y0 && (b.y0 + b.y1) / 2 <= portrait.y1;
  const blobs = components(mask, card.width, card.height).filter(
    (b) => boxH(b) <= maxH && boxW(b) <= 140 * s && b.area >= 3 && !(boxW(b) > 4 * boxH(b) && boxW(b) > 60 * s) && !rim(b) && !pale(b) && !inPortrait(b),
  );
  const chars = mergeIntoChars(blobs, s);
  return groupLines(chars, s);
}

/**
 * A speck of the card's printed security pattern (dots, fine lines' crossings): small and pale. Printed text,
 * labels in grey included, is far darker than the paper; a pattern's dot is only a little darker, yet enough
 * for the local ink mask. Specks chained along a row would join a name with the pattern beside it into one
 * line. Only small blobs are judged, so a character's stroke is never dropped for being thin.
 */
function paleSpeck(card: GrayImage, s: number): (b: Box) => boolean {
  const hist = histogram(card.data);
  const at = (q: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= q * card.data.length) return v;
    return 255;
  };
  const ink = at(TEXT_LINE_TUNING.inkPercentile);
  const paper = at(TEXT_LINE_TUNING.paperPercentile);
  const need = TEXT_LINE_TUNING.speckMinContrast * Math.max(1, paper - ink);
  const small = TEXT_LINE_TUNING.speckMaxSize * s;
  const flat = TEXT_LINE_TUNING.stripeMaxHeight * s;
  const long = TEXT_LINE_TUNING.stripeMinWidth * s;
  const hair = TEXT_LINE_TUNING.hairlineMaxHeight * s;
  return (b: Box): boolean => {
    const stripe = boxH(b) <= flat && (boxW(b) >= long || boxH(b) <= hair);
    if ((boxW(b) > small || boxH(b) > small) && !stripe) return false;
    let min = 255;
    for (let y = b.y0; y <= b.y1; y++) for (let x = b.x0, o = y * card.width; x <= b.x1; x++) min = Math.min(min, card.data[o + x]!);
    return paper - min < need;
  };
}

/** The numbers of the speck test (paleSpeck), each with its reason. */
export const TEXT_LINE_TUNING = {
  /** the darkest 1 % of the card is printed ink (text covers several %) */
  inkPercentile: 0.01,
  /** the median is paper (text covers far less than half of the card) */
  paperPercentile: 0.5,
  /** a speck this much less dark than the ink is the pattern: grey labels (#777 on white) have ~0.55 */
  speckMinContrast: 0.35,
  /** only blobs this small (card px per 1000 of width) are judged: a dakuten is bigger than a pattern dot */
  speckMaxSize: 7,
  /**
   * … and blobs this flat and at least this long: a pattern of fine horizontal lines comes out of the ink mask
   * as stripes. A printed bar (一, ー, a dash) is as flat but dark, except on a blurred phone photo of small
   * print, where 三's bars are pale too: they are shorter than this (a character of such print is ~15 px)
   */
  stripeMaxHeight: 2.5,
  stripeMinWidth: 30,
  /**
   * … or of any length, when no taller than this: a wavy hairline pattern comes out of the ink mask as dashes one
   * row tall (~10 px long, at ~0.15 of the ink's contrast) that chain along a name's row into one line with it
   * (渡邊 香織 read as noise on a scanned next-generation card); a printed bar is thicker, even a pale one of
   * small print (blur widens it), and a dark hairline stays ink
   */
  hairlineMaxHeight: 1,
  /**
   * Parts of a character this close above one another (share of the taller one's height, at least 1 card px
   * per 1000) touch: one character, whatever their sizes. Ruby is printed apart from its name (≥ 0.1 of the
   * name's height on every design seen), so it never counts as touching.
   */
  touchingGap: 0.05,
  /**
   * A character standing alone is at least this wide for its height: a full-width １ is ~0.35 (a mincho one
   * with its foot ~0.5), and the last digit of a 番地 wrapped onto a row of its own (３－３０－ | １) is such a
   * line; a speck or a stroke of the pattern that tall and narrower is no character
   */
  loneMinAspect: 0.2,
  /**
   * Two parts apart above one another are of one character's scale only when the narrower is at least this share
   * of the wider's width: 二's and 三's bars (~0.55–0.7), 亠 over 京's body, 刀 over 口; a ruby kana over the
   * top of its name's kanji is a third to a half as wide (ミ's bar over 恵's flat top, 17 and 52 px; a bar of グ
   * over it, 15 and 48 px; ミ whole, 21 and 48 px), another row, which stacked read 意. Also the share that
   * makes two flat parts 二's bars in mergeIntoChars (a wider gap allowed). Parts that touch are joined whatever
   * their sizes (touchingGap)
   */
  stackedWidthShare: 0.45,
} as const;

/**
 * A box taller than one character may be: two stacked (kana over a name, two text rows) are taller than wide,
 * and nothing on a card is printed taller than 90 px per 1000 of its width.
 */
function tooTallForOne(u: CharBox, s: number): boolean {
  return cH(u) > 1.35 * cW(u) + 3 * s || cH(u) > 90 * s;
}

/** Union of blobs that overlap in x and sit close above one another, while the union stays character-shaped. */
export function mergeIntoChars(blobs: Box[], s: number): CharBox[] {
  const boxes: CharBox[] = blobs.map((b) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }));
  boxes.sort((a, b) => a.x0 - b.x0);
  let changed = true;
  let pass = 0;
  while (changed && pass++ < 4) {
    changed = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (b.x0 > a.x1) break;
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1;
        if (ox < 0.5 * Math.min(cW(a), cW(b))) continue;
        const gapY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1);
        const u = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        // the bars of 二 and 三 are far apart for their thickness, not for their length; they are of a length
        // (ruby ニ's short lower bar over 西's long top one is two rows, not one character)
        const flatA = cH(a) < 0.35 * cW(a);
        const flatB = cH(b) < 0.35 * cW(b);
        const bars = flatA && flatB && Math.min(cW(a), cW(b)) >= TEXT_LINE_TUNING.stackedWidthShare * Math.max(cW(a), cW(b));
        // a bar of a character is about as wide as the rest of it (三's last bar) or close to it (亠 in 京); a
        // short bar far above is another row's (ruby ニ over 西)
        const [bar, body] = flatA ? [a, b] : [b, a];
        const shortBarAfar = flatA !== flatB && cW(bar) < 0.7 * cW(body);
        const maxGap = bars ? 0.5 * Math.max(cW(a), cW(b)) : shortBarAfar ? 0.3 * Math.max(cH(a), cH(b)) : 0.6 * Math.max(cH(a), cH(b), 6 * s);
        if (gapY > maxGap) continue;
        // two characters stacked (kana over a name, two text rows) are taller than wide: keep them apart
        if (tooTallForOne(u, s)) continue;
        // only parts of one scale stack into a character (二's bars, 刀 over 口); a small glyph over a big one
        // is ruby kana over a name, a narrow one over a bar the next row: lines sort those out
        // — unless they touch: ruby is set apart from its name, while 恵's 心 and 森's upper 木 touch (or
        // overlap) the rest of their character, whatever their size
        const touching = gapY <= Math.max(s, TEXT_LINE_TUNING.touchingGap * Math.max(cH(a), cH(b)));
        if (gapY > -0.5 * Math.min(cH(a), cH(b)) && !touching && !sameScale(a, b)) continue;
        boxes[i] = u;
        boxes.splice(j, 1);
        j = i;
        changed = true;
      }
      boxes.sort((p, q) => p.x0 - q.x0);
    }
  }
  return boxes;
}

function sameScale(a: CharBox, b: CharBox): boolean {
  // parts of one character stacked apart are of its width (二's bars, 亠 over 京's body, 刀 over 口, 山 over 石);
  // a ruby kana over the top of its name's kanji is a third to a half as wide (TEXT_LINE_TUNING.stackedWidthShare),
  // however tall or flat each is: two rows, which stacked read 意 for ミ over 恵
  if (Math.min(cW(a), cW(b)) < TEXT_LINE_TUNING.stackedWidthShare * Math.max(cW(a), cW(b))) return false;
  const flatA = cH(a) < 0.6 * cW(a);
  const flatB = cH(b) < 0.6 * cW(b);
  if (flatA && flatB) return true;
  if (flatA !== flatB) {
    const [bar, glyph] = flatA ? [a, b] : [b, a];
    return cW(glyph) >= 0.6 * cW(bar) && cH(glyph) <= 2 * cW(bar);
  }
  return Math.max(cH(a), cH(b)) <= 1.6 * Math.min(cH(a), cH(b));
}

interface Acc {
  chars: CharBox[];
  x1: number;
}

/** The box of a line being grouped. */
const accBox = (l: Acc): CharBox => ({ x0: Math.min(...l.chars.map((c) => c.x0)), y0: Math.min(...l.chars.map((c) => c.y0)), x1: l.x1, y1: Math.max(...l.chars.map((c) => c.y1)) });

const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)] ?? 0;
};

/**
 * Height and centre of the line near its right end (the last few full-size characters), so slant is followed:
 * the centre where the next character stands (`atX`), along the slope of those characters (the median of
 * their pairs' slopes, so one character set high or low does not tilt it). A scan straightened a degree or
 * two short climbs a character's height over a long date line: a centre taken without the slope lags behind,
 * and the line's last characters fall out of its band (平成２５年２月１ | ４日生).
 * A line of nothing but dashes so far (the －１ of a 番地 wrapped onto a second row) has no glyph height: a
 * dash is about as long as the text is tall, so its length stands in.
 */
function lineShape(l: Acc, atX?: number): { h: number; cy: number } {
  if (l.chars.every((c) => cH(c) < 0.35 * cW(c))) return { h: median(l.chars.map(cW)), cy: median(l.chars.map((c) => (c.y0 + c.y1) / 2)) };
  const hs = l.chars.map(cH);
  const big = Math.max(...hs) * 0.5;
  const recent = l.chars.filter((c) => cH(c) >= big).slice(-6);
  const h = median(recent.map(cH));
  const centre = (c: CharBox): { x: number; y: number } => ({ x: (c.x0 + c.x1) / 2, y: (c.y0 + c.y1) / 2 });
  const flat = { h, cy: median(recent.map((c) => centre(c).y)) };
  // the slope from full-size characters only (a kana's or a character's piece sits high or low), spread far
  // enough along the row, and from pairs at least a character apart
  const full = recent.filter((c) => cH(c) >= SLANT.fullSize * h).map(centre);
  if (atX === undefined || full.length < SLANT.minChars || full.at(-1)!.x - full[0]!.x < SLANT.minSpan * h) return flat;
  const slopes: number[] = [];
  for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) if (full[j]!.x - full[i]!.x >= h) slopes.push((full[j]!.y - full[i]!.y) / (full[j]!.x - full[i]!.x));
  if (slopes.length === 0) return flat;
  const slope = Math.max(-SLANT.maxSlope, Math.min(SLANT.maxSlope, median(slopes)));
  return { h, cy: median(full.map((p) => p.y + slope * (atX - p.x))) };
}

/** How a line's slant is followed (lineShape). */
const SLANT = {
  /** characters at least this share of the line's height are full-size: their centres lie on the row's axis */
  fullSize: 0.8,
  /** a slope from fewer full-size characters than this is not trusted … */
  minChars: 4,
  /** … nor from characters spread over fewer text heights than this (３０号's pieces tilted a short row) */
  minSpan: 3,
  /** at most this steep (~6°): the card is straightened before; anything steeper is characters of another row */
  maxSlope: 0.1,
} as const;

/**
 * A "line" of a few small pieces right before a big character, all within its height: the separate strokes
 * of that character's left part (氵, 亻), not a line of their own.
 */
function radicalPieces(l: Acc, c: CharBox, gap: number): boolean {
  const h = cH(c);
  if (l.chars.length > 4 || gap > 0.25 * h) return false;
  const y0 = Math.min(...l.chars.map((x) => x.y0));
  const y1 = Math.max(...l.chars.map((x) => x.y1));
  return y0 >= c.y0 - 0.15 * h && y1 <= c.y1 + 0.15 * h && Math.min(...l.chars.map((x) => x.x0)) >= c.x0 - 1.5 * h;
}

export function groupLines(chars: CharBox[], s: number): TextLine[] {
  const sorted = [...chars].sort((a, b) => a.x0 - b.x0);
  const lines: Acc[] = [];
  for (const c of sorted) {
    const h = cH(c);
    const cy = (c.y0 + c.y1) / 2;
    let best: Acc | null = null;
    let bestD = Infinity;
    for (const l of lines) {
      const shape = lineShape(l, (c.x0 + c.x1) / 2);
      const gap = c.x0 - l.x1;
      if (gap > 1.25 * shape.h + 3 * s) continue;
      const dy = Math.abs(cy - shape.cy);
      if (h <= shape.h) {
        // a hyphen, 長音, dot, small kana or a piece of a character: inside the line's band, close by (a
        // mincho digit stands a little above the kanji beside it: 0.7 of the line's height either way)
        const band0 = shape.cy - 0.7 * shape.h;
        const band1 = shape.cy + 0.7 * shape.h;
        if (c.y0 < band0 || c.y1 > band1) continue;
        if (h < 0.6 * shape.h && gap > 0.9 * shape.h) continue;
        // small text a space after big (a roman name printed after the kanji name, a third its height): its own
        // line; a flat mark (a dash) may stand further off
        if (h < SMALL_TEXT.height * shape.h && h >= SMALL_TEXT.flat * cW(c) && gap > SMALL_TEXT.gap * shape.h) continue;
      } else {
        if (dy > 0.3 * h) continue;
        // a big character after small text is a different line (a label and its value), unless the small
        // "text" was this character's own left-hand strokes, or the line has characters of its size and the
        // small ones were a kana broken into strokes (ハ's two, which drag the line's height down)
        if (h > 1.6 * shape.h && !radicalPieces(l, c, gap) && !l.chars.slice(-4).some((x) => cH(x) >= 0.75 * h)) continue;
      }
      if (dy + Math.max(0, gap) * 0.05 < bestD) {
        bestD = dy + Math.max(0, gap) * 0.05;
        best = l;
      }
    }
    if (best) {
      best.chars.push(c);
      best.x1 = Math.max(best.x1, c.x1);
    } else lines.push({ chars: [c], x1: c.x1 });
  }
  return joinStacked(joinFragments(lines), s)
    .map((l) => {
      const hs = l.chars.map(cH);
      const big = Math.max(...hs) * 0.45;
      const glyphH = median(hs.filter((x) => x >= big));
      return {
        x0: Math.min(...l.chars.map((c) => c.x0)),
        y0: Math.min(...l.chars.map((c) => c.y0)),
        x1: Math.max(...l.chars.map((c) => c.x1)),
        y1: Math.max(...l.chars.map((c) => c.y1)),
        glyphH,
        blobs: l.chars.length,
        chars: l.chars,
      };
    })
    .filter((l) => l.glyphH >= 8 * s && (l.blobs >= 2 ? l.x1 - l.x0 >= 14 * s : loneCharacter(l.chars[0]!, s)))
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Smaller text after a line's characters, that starts a line of its own (groupLines). */
const SMALL_TEXT = {
  /** at most this share of the line's text height: roman capitals beside a kanji name are ~0.4, small kana ~0.6 */
  height: 0.5,
  /** … and not flat: a dash is as long as the text is tall, a mark wider than tall */
  flat: 0.6,
  /** … after a gap of more than this many of the line's text heights (a space between words, not letter spacing) */
  gap: 0.5,
} as const;

/** When a few pieces left of a line are its first character, broken apart (see joinFragments). */
export const FRAGMENT_TUNING = {
  /** at most this many pieces (石 blurred into 丆, 口 and a speck; 奈 into the halves of 大 and of 示) */
  maxPieces: 4,
  /**
   * ending at most this many of the line's text heights before it starts (less than a character's width; an
   * address set letter-spaced leaves ~0.6 between characters: 岩 of 岩手県 in two pieces 15 px before 手, its
   * row 24 px tall, was read 手県周手郡 with 0.5)
   */
  maxGap: 0.75,
  /** lying within the line's rows, widened by this share of its text height each way */
  bandSlack: 0.15,
  /**
   * together at least this share of the text height tall: a character of the line's size, not a label in
   * smaller type before the value (氏名 at 0.4 of the name's height) or a stretch of a portrait's edge
   */
  minHeight: 0.7,
} as const;

/**
 * "Lines" of a few pieces that end right before a line and lie within its rows: the line's first character,
 * which blur broke into pieces the character merge could not put together (a half of 大 over a half of 示 is
 * no character-shaped stack) and each a line of its own — so the row began at its second character (川県 for
 * 石川県). They are joined to the line. Judged against the lines as grouped, so the order of the pieces does
 * not matter; a label is further away and a ruby row above the line's rows. radicalPieces does the same
 * while the line is grouped, for strokes a big character then joins (氵 before 可); this pass also takes the
 * pieces that had already become lines of their own, and checks that together they make a character.
 */
function joinFragments(lines: Acc[]): Acc[] {
  const F = FRAGMENT_TUNING;
  const into = new Map<Acc, Acc>();
  for (const frag of lines) {
    if (frag.chars.length > F.maxPieces) continue;
    const f = accBox(frag);
    let target: Acc | null = null;
    for (const l of lines) {
      if (l === frag || l.chars.length <= frag.chars.length) continue;
      const b = accBox(l);
      const h = lineShape(l).h;
      const gap = b.x0 - f.x1;
      if (f.x0 >= b.x0 || gap > F.maxGap * h || cH(f) > h * (1 + 2 * F.bandSlack)) continue;
      if (f.y0 < b.y0 - F.bandSlack * h || f.y1 > b.y1 + F.bandSlack * h) continue;
      if (!target || b.x0 - f.x1 < accBox(target).x0 - f.x1) target = l;
    }
    if (target) into.set(frag, target);
  }
  // the pieces before one line, together, must make a character of its size
  for (const l of new Set(into.values())) {
    const frags = [...into].filter(([, t]) => t === l).map(([f]) => f);
    const u = accBox({ chars: frags.flatMap((f) => f.chars), x1: Math.max(...frags.map((f) => f.x1)) });
    const h = lineShape(l).h;
    if (cH(u) < F.minHeight * h) for (const f of frags) into.delete(f);
  }
  for (const [frag, l] of into) l.chars.unshift(...frag.chars);
  for (const l of into.values()) l.chars.sort((a, b) => a.x0 - b.x0);
  return lines.filter((l) => !into.has(l));
}

/**
 * "Lines" of a few pieces whose boxes overlap each other (across and down): one character blur broke into
 * parts stacked and side by side, that no part of which overlaps another enough for the character merge (a
 * camera's 号 alone on its row, the last of a wrapped 住所: 口 in two halves, its foot under them, found as two
 * lines and read 見 and [ /, the rows after it then never joined to the address). Text lines never overlap: a
 * ruby row is set apart from its name, a label beside its value. They become one line of one character when
 * together they are character-shaped, as the character merge requires of a stack.
 */
function joinStacked(lines: Acc[], s: number): Acc[] {
  const F = FRAGMENT_TUNING;
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i]!;
      const b = out[j]!;
      if (a.chars.length > F.maxPieces || b.chars.length > F.maxPieces) continue;
      const p = accBox(a);
      const q = accBox(b);
      if (Math.min(p.x1, q.x1) < Math.max(p.x0, q.x0) || Math.min(p.y1, q.y1) < Math.max(p.y0, q.y0)) continue;
      const u = { x0: Math.min(p.x0, q.x0), y0: Math.min(p.y0, q.y0), x1: Math.max(p.x1, q.x1), y1: Math.max(p.y1, q.y1) };
      if (tooTallForOne(u, s) || cW(u) > 1.35 * cH(u) + 3 * s) continue;
      out[i] = { chars: [u], x1: u.x1 };
      out.splice(j, 1);
      j = i;
    }
  }
  return out;
}

/**
 * A single character standing alone (性別's 男 / 女 printed apart from its label, a 番地's last digit wrapped
 * onto a row of its own), or a blurred short label.
 */
function loneCharacter(c: CharBox, s: number): boolean {
  const h = cH(c);
  const w = cW(c);
  // up to a few characters run together by blur (a label printed small)
  return h >= 14 * s && h <= 60 * s && w >= TEXT_LINE_TUNING.loneMinAspect * h && w <= 3.2 * h;
}
