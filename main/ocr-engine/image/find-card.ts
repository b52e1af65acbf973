import type { DecodedImage } from './decode';
import type { Point } from './homography';
import { isCardShaped } from './card-shape';
import { dilateSquare } from './dilate';
import { quadFromOutlineLines } from './outline-lines';
import { fitLine } from './fit-line';

/** Segmentation runs on a small copy: the card outline needs no detail. */
const SEG_SIDE = 400;

/** What counts as a card in the photo. Each number with why. */
export const CARD_FINDING = {
  /**
   * Smallest card, as its long side in working-image pixels. A card's address print is ~2.5 mm high, so
   * at 400 px across 85.6 mm it is ~12 px: about the least the model reads well. The card's share of the
   * frame says nothing of that (a phone photo at arm's length shows a card in a tenth of the frame, well
   * readable). Smaller, the portrait block of a card filling the frame would pass for a card.
   */
  minLongSide: 400,
  /**
   * A warped quad with fewer text lines than this is no card front (every front prints ≥ 6: name, address,
   * dates and their labels; warped fronts of the generated sets show ≥ 7): on a card filling the frame it is
   * the portrait block (4 lines), and the whole image is read.
   */
  minTextLines: 5,
  /** Largest share of the frame: a quad over the whole frame is the frame, not a card. */
  maxCoverage: 0.985,
  /** The region must fill its quad (a card), not be a ring or a scatter of things. */
  minFill: 0.8,
  /** ID-1 is 1.586; perspective of a hand-held or document camera stays within this. */
  minAspect: 1.3,
  maxAspect: 1.95,
  /**
   * How far a photographed card's outline may stray from a rectangle: its opposite sides at least this
   * share of each other's length, and no corner further than `maxCornerSkew` degrees from square. The
   * phone and document-camera looks (tilted and hand-held) stay within 0.78 and 13°; a card tilted past
   * this is too foreshortened to read. What lies beyond is no card's outline: on a card filling the frame,
   * its watermark ring joined with the portrait (0.41–0.61, 14–32°), on a phone photo, a glare spot joined
   * with one corner (21°). The whole image is read instead.
   */
  minSideRatio: 0.7,
  maxCornerSkew: 20,
  /**
   * An image of the card's own proportions is the card alone (an exported card image, a scan cropped to
   * it): cameras and scanner beds have other frames (4:3, 3:2, 16:9, A4). An outline found inside it that
   * covers less than this share is something printed on the card (its portrait and watermark), not a card.
   */
  minCoverageOfCardShapedImage: 0.5,
  /**
   * How far (segmentation px, at 400 px across) the edges of a pale card's outline are grown to close it,
   * tried in turn. 2 keeps the outline where it is; a faint rounded corner on a white scanner bed leaves a
   * gap of 3–6 px that lets the background flood into the card, and 5 closes it (the card then comes out
   * ~1 % smaller than its rim, which the side refit corrects).
   */
  outlineGrow: [2, 5],
  /**
   * The colour distance from the background that makes the card's region, as multiples of the image's own
   * (Otsu) threshold, tried in turn until one gives a card's outline: 1 first; higher ones leave out a paler
   * region joined to the card (a glare spot's halo: on 20261228 #47 the card and the glare beside it made one
   * region no rectangle fits), while a card differs from its background by several times the threshold.
   */
  colourThresholds: [1, 1.6, 2.4],
  /**
   * The hull's quad and the straight sides' quad are the same outline when no corner is further apart than
   * this share of the diagonal (a rounded corner moves the hull's by ~1 %); further, the one with more of
   * the outline on its sides is taken
   */
  sameQuad: 0.04,
  /**
   * A hull's quad with at least this share of the region's outer outline on its sides is the card's as it
   * is: a clean card's holds 0.99 (median of 655 tuning cards), the ones a glare spot bulged 0.60–0.88
   */
  hullHolds: 0.95,
} as const;

/** The least area a card of `minLongSide` covers, in working-image pixels (ID-1 aspect). */
const MIN_CARD_AREA = CARD_FINDING.minLongSide ** 2 / 1.586;

export interface CardQuad {
  /** top-left, top-right, bottom-right, bottom-left in working-image pixels; long side horizontal */
  corners: Point[];
  /** share of the image the card covers */
  coverage: number;
}

/**
 * Finds a card lying on a desk: the largest region that differs from the colour at the image border, its
 * convex hull, the biggest quadrilateral inside that hull, then each side refitted to the outline so the
 * rounded corners do not pull it inwards. Returns null when nothing card-shaped is there.
 */
export function findCardQuad(img: DecodedImage): CardQuad | null {
  const { width: W, height: H } = img.gray;
  const k = Math.min(1, SEG_SIDE / Math.max(W, H));
  const w = Math.max(1, Math.round(W * k));
  const h = Math.max(1, Math.round(H * k));
  const rgb = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(H - 1, Math.floor(y / k));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(W - 1, Math.floor(x / k));
      const s = (sy * W + sx) * 3;
      const d = (y * w + x) * 3;
      rgb[d] = img.rgb[s]!;
      rgb[d + 1] = img.rgb[s + 1]!;
      rgb[d + 2] = img.rgb[s + 2]!;
    }
  }
  // background: the median colour of the image border
  const border: number[][] = [[], [], []];
  for (let x = 0; x < w; x++) for (const y of [0, 1, h - 2, h - 1]) for (let c = 0; c < 3; c++) border[c]!.push(rgb[(y * w + x) * 3 + c]!);
  for (let y = 0; y < h; y++) for (const x of [0, 1, w - 2, w - 1]) for (let c = 0; c < 3; c++) border[c]!.push(rgb[(y * w + x) * 3 + c]!);
  const bg = border.map((v) => v.sort((a, b) => a - b)[v.length >> 1]!);
  const dist = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const r = rgb[i * 3]! - bg[0]!;
    const g = rgb[i * 3 + 1]! - bg[1]!;
    const b = rgb[i * 3 + 2]! - bg[2]!;
    dist[i] = Math.sqrt(r * r + g * g + b * b);
  }
  const t = Math.max(18, otsu(dist));
  const mask = new Uint8Array(w * h);
  const cardAlone = isCardShaped(img.gray);
  const found = (q: CardQuad | null): CardQuad | null => (q && cardAlone && q.coverage < CARD_FINDING.minCoverageOfCardShapedImage ? null : q);
  // the card is the region far from the background's colour; where that region is no card's outline, a paler
  // thing may be joined to it (a glare spot's halo beside a phone photo's card): only what differs more is kept
  for (const f of CARD_FINDING.colourThresholds) {
    for (let i = 0; i < w * h; i++) mask[i] = dist[i]! > f * t ? 1 : 0;
    const byColour = found(quadFromMask(mask, w, h, k));
    if (byColour) return byColour;
  }
  // a pale card on a white scanner bed hardly differs in colour from it: its outline (edge, shadow) does
  // the edges once for every grow tried
  const edges = edgeMap(rgb, w, h);
  for (const grow of CARD_FINDING.outlineGrow) {
    const q = found(quadFromMask(enclosedByEdges(edges, w, h, grow), w, h, k));
    if (q) return q;
  }
  return null;
}

function quadFromMask(mask: Uint8Array, w: number, h: number, k: number): CardQuad | null {
  const comp = largestComponent(mask, w, h);
  // areas below are in segmentation pixels: k² of working-image ones
  const minArea = MIN_CARD_AREA * k * k;
  if (!comp || comp.count < CARD_FINDING.minFill * minArea) return null;
  const hull = convexHull(comp.points);
  if (hull.length < 4) return null;
  const quad = maxQuad(hull);
  const hullQuad = refineSides(quad, comp.edge) ?? quad;
  const byHull = cardQuad(hullQuad, comp.count, w, h, k);
  // something joined to the card (a glare spot's halo on one side) bulges the region's hull: its biggest quad
  // is then no card's, or a card's with a corner pulled out. The card's four straight sides are still in the
  // region's outline; where the two quads differ, the one whose sides run along more of the outline is the card.
  // Looked for only where the hull's quad leaves part of the region's outer outline off its sides (the search
  // costs ~7 ms of a card's preparation; a clean card's quad holds all of it)
  if (byHull && outlineOnSides(comp.outer, hullQuad) >= CARD_FINDING.hullHolds * comp.outer.length) return byHull;
  const lines = quadFromOutlineLines(comp.edge, Math.sqrt(comp.count / 1.586));
  const byLines = lines ? cardQuad(lines, comp.count, w, h, k) : null;
  if (!byHull || !byLines) return byHull ?? byLines;
  const diagonal = len(hullQuad[0]!, hullQuad[2]!);
  const apart = Math.max(...byHull.corners.map((c, i) => len(c, byLines.corners[i]!))) * k;
  if (apart <= CARD_FINDING.sameQuad * diagonal) return byHull;
  return outlineOnSides(comp.edge, lines!) > outlineOnSides(comp.edge, hullQuad) ? byLines : byHull;
}

/** How many outline points lie on the quad's sides (within 2 segmentation px). */
function outlineOnSides(edge: readonly Point[], q: Point[]): number {
  let n = 0;
  for (const p of edge) {
    for (let i = 0; i < 4; i++) {
      const a = q[i]!;
      const b = q[(i + 1) % 4]!;
      const L = Math.max(1e-6, len(a, b));
      const t = ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (L * L);
      if (t >= 0 && t <= 1 && Math.abs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) / L <= 2) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * The quad (segmentation pixels) as the card's outline in working-image pixels, or null when it is no card's:
 * too small or the whole frame, not filled by the region, of no card's proportions, or no rectangle as a
 * camera sees it.
 */
function cardQuad(q: Point[], regionCount: number, w: number, h: number, k: number): CardQuad | null {
  const minArea = MIN_CARD_AREA * k * k;
  const area = polyArea(q);
  if (area < minArea || area > CARD_FINDING.maxCoverage * w * h) return null;
  if (regionCount < CARD_FINDING.minFill * area) return null;
  const corners = orderLandscape(q.map((p) => ({ x: p.x / k, y: p.y / k })));
  const [a, b, c, d] = corners as [Point, Point, Point, Point];
  const long = (len(a, b) + len(c, d)) / 2;
  const short = (len(b, c) + len(d, a)) / 2;
  const aspect = long / Math.max(1, short);
  if (aspect < CARD_FINDING.minAspect || aspect > CARD_FINDING.maxAspect) return null;
  if (!rectangleInView(corners)) return null;
  return { corners, coverage: area / (w * h) };
}

/** Whether four corners (in order around the quad) are a rectangle as a camera sees it (CARD_FINDING). */
export function rectangleInView(corners: Point[]): boolean {
  const [a, b, c, d] = corners as [Point, Point, Point, Point];
  const ratio = (x: number, y: number): number => Math.min(x, y) / Math.max(x, y, 1e-6);
  if (ratio(len(a, b), len(c, d)) < CARD_FINDING.minSideRatio || ratio(len(b, c), len(d, a)) < CARD_FINDING.minSideRatio) return false;
  const corner = (p: Point, q: Point, r: Point): number => {
    const ux = p.x - q.x;
    const uy = p.y - q.y;
    const vx = r.x - q.x;
    const vy = r.y - q.y;
    return (Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / Math.max(1e-6, Math.hypot(ux, uy) * Math.hypot(vx, vy))))) * 180) / Math.PI;
  };
  return [corner(d, a, b), corner(a, b, c), corner(b, c, d), corner(c, d, a)].every((deg) => Math.abs(deg - 90) <= CARD_FINDING.maxCornerSkew);
}

/**
 * The edge strength of the smoothed grey image (Sobel magnitude after a 3×3 box blur against scanner noise),
 * and the threshold above which a pixel is an edge: a few times the noise floor, as most pixels are flat
 * background or flat card.
 */
export function edgeMap(rgb: Float32Array, w: number, h: number): { edge: Uint8Array } {
  const g = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) g[i] = 0.3 * rgb[i * 3]! + 0.59 * rgb[i * 3 + 1]! + 0.11 * rgb[i * 3 + 2]!;
  const s = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let acc = 0;
    let n = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
      acc += g[yy * w + xx]!;
      n++;
    }
    s[y * w + x] = acc / n;
  }
  const mag = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const p = y * w + x;
    const gx = s[p - w + 1]! + 2 * s[p + 1]! + s[p + w + 1]! - s[p - w - 1]! - 2 * s[p - 1]! - s[p + w - 1]!;
    const gy = s[p + w - 1]! + 2 * s[p + w]! + s[p + w + 1]! - s[p - w - 1]! - 2 * s[p - w]! - s[p - w + 1]!;
    // not Math.hypot: its overflow guard costs ~3× per pixel, and these sums stay far below any overflow
    mag[p] = Math.sqrt(gx * gx + gy * gy);
  }
  const hist = new Uint32Array(1024);
  for (let i = 0; i < mag.length; i++) hist[Math.min(1023, Math.round(mag[i]!))]!++;
  let floor = 0;
  for (let acc = 0; floor < 1023 && (acc += hist[floor]!) < 0.5 * mag.length; ) floor++;
  const t = Math.max(10, 4 * floor);
  const edge = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) edge[i] = mag[i]! > t ? 1 : 0;
  return { edge };
}

/**
 * Everything enclosed by a closed outline of edges (`edgeMap`): a card's rim and its shadow close it even
 * where card and background have the same colour. What the image border cannot reach without crossing an
 * edge is marked 1. Edges are grown by `grow` px so a faint stretch of the outline (a rounded corner) leaves
 * no gap, and the background is grown back by as much afterwards.
 */
export function enclosedByEdges(edges: { edge: Uint8Array }, w: number, h: number, grow: number): Uint8Array {
  const edge = dilateSquare(edges.edge, w, h, grow);
  // flood the background in from the border
  const out = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let sp = 0;
  const push = (p: number): void => {
    if (edge[p] || out[p]) return;
    out[p] = 1;
    stack[sp++] = p;
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  while (sp > 0) {
    const p = stack[--sp]!;
    const x = p % w;
    if (x > 0) push(p - 1);
    if (x < w - 1) push(p + 1);
    if (p >= w) push(p - w);
    if (p < w * (h - 1)) push(p + w);
  }
  // the background grown back by what the dilation took from it, so the outline sits where the edge is
  const background = dilateSquare(out, w, h, grow);
  for (let i = 0; i < w * h; i++) background[i] = background[i] ? 0 : 1;
  return background;
}

const len = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);

function otsu(v: Float32Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < v.length; i++) hist[Math.min(255, Math.round(v[i]!))]!++;
  const n = v.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestT = 0;
  for (let i = 0; i < 256; i++) {
    wB += hist[i]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += i * hist[i]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      bestT = i;
    }
  }
  return bestT;
}

/** Largest 4-connected region; `points` are its row extremes (enough for the hull), `edge` its outline pixels. */
function largestComponent(mask: Uint8Array, w: number, h: number): { count: number; points: Point[]; edge: Point[]; outer: Point[] } | null {
  const n = w * h;
  const label = new Int32Array(n);
  const stack = new Int32Array(n);
  let bestId = 0;
  let bestCount = 0;
  let id = 0;
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || label[s]) continue;
    id++;
    let sp = 0;
    let count = 0;
    stack[sp++] = s;
    label[s] = id;
    while (sp > 0) {
      const p = stack[--sp]!;
      count++;
      const x = p % w;
      // the four neighbours, inline: this loop runs for every pixel of the mask
      if (x > 0 && mask[p - 1] && !label[p - 1]) {
        label[p - 1] = id;
        stack[sp++] = p - 1;
      }
      if (x < w - 1 && mask[p + 1] && !label[p + 1]) {
        label[p + 1] = id;
        stack[sp++] = p + 1;
      }
      if (p >= w && mask[p - w] && !label[p - w]) {
        label[p - w] = id;
        stack[sp++] = p - w;
      }
      if (p + w < n && mask[p + w] && !label[p + w]) {
        label[p + w] = id;
        stack[sp++] = p + w;
      }
    }
    if (count > bestCount) {
      bestCount = count;
      bestId = id;
    }
  }
  if (!bestId) return null;
  const points: Point[] = [];
  const edge: Point[] = [];
  // the outer outline alone (no hole's, as the text inside the card leaves): each row's and each column's
  // first and last pixel of the region, where a side of the card lies
  const outer: Point[] = [];
  const top = new Int32Array(w).fill(-1);
  const bottom = new Int32Array(w).fill(-1);
  for (let y = 0; y < h; y++) {
    let minX = -1;
    let maxX = -1;
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] !== bestId) continue;
      if (minX < 0) minX = x;
      maxX = x;
      if (top[x]! < 0) top[x] = y;
      bottom[x] = y;
      const p = y * w + x;
      const onEdge = x === 0 || x === w - 1 || y === 0 || y === h - 1 || label[p - 1] !== bestId || label[p + 1] !== bestId || label[p - w] !== bestId || label[p + w] !== bestId;
      if (onEdge) edge.push({ x: x + 0.5, y: y + 0.5 });
    }
    if (minX >= 0) {
      points.push({ x: minX, y }, { x: maxX + 1, y }, { x: minX, y: y + 1 }, { x: maxX + 1, y: y + 1 });
      outer.push({ x: minX + 0.5, y: y + 0.5 }, { x: maxX + 0.5, y: y + 0.5 });
    }
  }
  for (let x = 0; x < w; x++) if (top[x]! >= 0) outer.push({ x: x + 0.5, y: top[x]! + 0.5 }, { x: x + 0.5, y: bottom[x]! + 0.5 });
  return { count: bestCount, points, edge, outer };
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

function convexHull(pts: Point[]): Point[] {
  const p = [...pts].sort((a, b) => a.x - b.x || a.y - b.y);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function polyArea(p: Point[]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[(i + 1) % p.length]!;
    a += p[i]!.x * q.y - q.x * p[i]!.y;
  }
  return Math.abs(a) / 2;
}

/** Largest-area quadrilateral with corners on the hull: O(n³) over diagonals. */
function maxQuad(hull: Point[]): Point[] {
  let pts = hull;
  // thin the hull so the cubic search stays fast
  while (pts.length > 80) pts = pts.filter((_, i) => i % 2 === 0);
  const n = pts.length;
  let best = -1;
  let bq: Point[] = pts.slice(0, 4);
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      let a1 = -1;
      let k1 = -1;
      for (let k = i + 1; k < j; k++) {
        const a = Math.abs(cross(pts[i]!, pts[j]!, pts[k]!));
        if (a > a1) {
          a1 = a;
          k1 = k;
        }
      }
      let a2 = -1;
      let k2 = -1;
      for (let k = j + 1; k < n + i; k++) {
        const a = Math.abs(cross(pts[i]!, pts[j]!, pts[k % n]!));
        if (a > a2) {
          a2 = a;
          k2 = k % n;
        }
      }
      if (k1 < 0 || k2 < 0) continue;
      if (a1 + a2 > best) {
        best = a1 + a2;
        bq = [pts[i]!, pts[k1]!, pts[j]!, pts[k2]!];
      }
    }
  }
  return bq;
}

/** Refit each side to outline points near its middle, then intersect neighbouring sides. */
function refineSides(quad: Point[], edge: Point[]): Point[] | null {
  const lines: { p: Point; d: Point }[] = [];
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const L = len(a, b);
    if (L < 4) return null;
    const ux = (b.x - a.x) / L;
    const uy = (b.y - a.y) / L;
    const sel = edge.filter((p) => {
      const t = (p.x - a.x) * ux + (p.y - a.y) * uy;
      const dn = Math.abs((p.x - a.x) * uy - (p.y - a.y) * ux);
      return t > 0.15 * L && t < 0.85 * L && dn < 3;
    });
    if (sel.length < 5) return null;
    const { mean, angle } = fitLine(sel);
    lines.push({ p: mean, d: { x: Math.cos(angle), y: Math.sin(angle) } });
  }
  const out: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const l1 = lines[(i + 3) % 4]!;
    const l2 = lines[i]!;
    const den = l1.d.x * l2.d.y - l1.d.y * l2.d.x;
    if (Math.abs(den) < 1e-6) return null;
    const t = ((l2.p.x - l1.p.x) * l2.d.y - (l2.p.y - l1.p.y) * l2.d.x) / den;
    out.push({ x: l1.p.x + t * l1.d.x, y: l1.p.y + t * l1.d.y });
  }
  // a refit that moved a corner far is a bad fit: keep the hull corners then
  return out.every((p, i) => len(p, quad[i]!) < 0.15 * Math.max(len(quad[0]!, quad[2]!), 1)) ? out : null;
}

/** Clockwise from the top-left, rotated so the first side is a long side (the card is landscape). */
function orderLandscape(q: Point[]): Point[] {
  const c = { x: q.reduce((s, p) => s + p.x, 0) / 4, y: q.reduce((s, p) => s + p.y, 0) / 4 };
  const cw = [...q].sort((a, b) => Math.atan2(a.y - c.y, a.x - c.x) - Math.atan2(b.y - c.y, b.x - c.x));
  // start at the corner nearest the top-left
  let start = 0;
  for (let i = 1; i < 4; i++) if (cw[i]!.x + cw[i]!.y < cw[start]!.x + cw[start]!.y) start = i;
  let o = [...cw.slice(start), ...cw.slice(0, start)];
  if (len(o[0]!, o[1]!) + len(o[2]!, o[3]!) < len(o[1]!, o[2]!) + len(o[3]!, o[0]!)) o = [o[1]!, o[2]!, o[3]!, o[0]!];
  return o;
}
