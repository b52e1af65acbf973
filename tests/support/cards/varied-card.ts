import type { Rng } from './random';
import type { Person } from './people';
import { formatWareki } from '../../../common/validation/wareki';
import { CARD_H, CARD_W } from './card-html';
import { romaji } from './romaji';

/**
 * Card faces that vary what real cards vary, for benchmarks the reader was never tuned on: where a label
 * sits against its value (beside the ruby row, the name row or between them; above the value; small or
 * large), spacing, type sizes and letter spacing, how the 住所 wraps, where the photo is, the background,
 * and several plausible next-generation designs (the final design is not public: any one guess is wrong
 * somewhere). The classic generator (card-html.ts) stays as it was for the committed fixtures and e2e tests.
 */
export const DESIGNS = {
  current: 'current',
  /** フリガナ as ruby over the name, roman name under it, one 氏名 label */
  'ng-ruby': 'next-gen',
  /** フリガナ / 氏名 / ローマ字 each its own labelled row */
  'ng-rows': 'next-gen',
  /** bilingual labels (氏名 Name …), the roman name beside the kanji name when it fits */
  'ng-bilingual': 'next-gen',
  /** the photo on the left, labels printed small above their values */
  'ng-photo-left': 'next-gen',
  foreign: 'foreign',
} as const;
export type Design = keyof typeof DESIGNS;

/** Installed Japanese fonts: gothic, mincho and IPAmj明朝 (not in the classic generator: held out). */
export const VARIED_FONTS = ['Noto Sans CJK JP', 'Noto Serif CJK JP', 'IPAexGothic', 'IPAexMincho', 'IPAmjMincho'] as const;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const FW = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

interface Style {
  font: string;
  ink: string;
  labelInk: string;
  labelSize: number;
  nameSize: number;
  nameSpacing: number;
  midSize: number;
  midSpacing: number;
  kanaSize: number;
  /** x of the label column and of the values */
  lx: number;
  vx: number;
  dates: { fullWidth: boolean; pad: 'space' | 'none' | 'zero' };
}

function style(rng: Rng, font: string): Style {
  const labelSize = rng.int(12, 20);
  const lx = rng.int(22, 52);
  return {
    font,
    ink: rng.pick(['#111', '#1a1a1a', '#222', '#2b2b33']),
    labelInk: rng.pick(['#444', '#555', '#666', '#335', '#246', '#733']),
    labelSize,
    nameSize: rng.int(30, 46),
    nameSpacing: rng.pick([0, 0, 1, 2, 4, 6, 8]),
    midSize: rng.int(20, 29),
    midSpacing: rng.pick([0, 0, 1, 2, 3]),
    kanaSize: rng.int(13, 21),
    lx,
    // the gap after the widest label of the design (see labelEm); set per design
    vx: rng.int(14, 70),
    dates: { fullWidth: rng.chance(0.5), pad: rng.pick(['space', 'space', 'none', 'zero'] as const) },
  };
}

function div(t: string, x: number, y: number, size: number, extra = ''): string {
  return `<div style="position:absolute;left:${x}px;top:${y}px;font-size:${size}px;line-height:1;white-space:nowrap;${extra}">${esc(t)}</div>`;
}
const label = (s: Style, t: string, x: number, y: number, size = s.labelSize): string => {
  // a bilingual label: the English under the Japanese, smaller
  const [ja, en] = t.split('|');
  if (en === undefined) return div(t, x, y, size, `color:${s.labelInk}`);
  return `<div style="position:absolute;left:${x}px;top:${y}px;font-size:${size}px;line-height:1.1;white-space:nowrap;color:${s.labelInk}">${esc(ja!)}<br><span style="font-size:${Math.round(size * 0.7)}px">${esc(en)}</span></div>`;
};
/** The widest label of a design in em of the label size. */
function labelEm(design: Design): number {
  if (design === 'ng-rows') return 7;
  if (design === 'ng-ruby') return 4;
  if (design === 'ng-bilingual') return 5.2;
  return 2;
}

/** How a date is printed: 和暦 or 西暦, digits half or full width, day and month padded with a space, a zero or not. */
function date(iso: string, wareki: boolean, s: Style): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const pad = (n: number): string => (s.dates.pad === 'zero' ? String(n).padStart(2, '0') : s.dates.pad === 'space' && n < 10 ? ` ${n}` : String(n));
  const year = wareki ? formatWareki(iso).replace(/年.*$/, '') : String(y);
  const t = `${year}年${pad(m)}月${pad(d)}日`;
  return s.dates.fullWidth ? FW(t) : t;
}

/** Printed width of a string in px (full-width 1 em, half-width about 0.55 em) with letter spacing. */
/**
 * How many rows the browser breaks `t` into in a box `boxW` wide (word-break: break-all: a row ends before the
 * character that would overflow it), with half-width characters taken as wide as the widest card typeface
 * draws digits (0.62 em). The rows below the 住所 are placed by this count: the estimate of the type size
 * (width / box, rounded up) may count a row too few, and the 住所's last character was printed over the birth date.
 */
export function wrappedRows(t: string, size: number, spacing: number, boxW: number): number {
  let rows = 1;
  let x = 0;
  for (const ch of t) {
    const w = (ch.charCodeAt(0) < 0x2000 ? 0.62 : 1) * size + spacing;
    if (x > 0 && x + w > boxW) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function width(t: string, size: number, spacing = 0): number {
  return [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.55 : 1) * size + spacing, 0);
}

/** Background: a security pattern of one of several kinds, its colour and strength varied. */
function background(rng: Rng): string {
  const hue = rng.pick([350, 10, 200, 120, 40, 270, 180]);
  const a = rng.range(0.12, 0.35);
  const base = `linear-gradient(${rng.int(0, 180)}deg, hsl(${hue},${rng.int(30, 50)}%,${rng.int(93, 97)}%), hsl(${hue + rng.int(-40, 40)},40%,${rng.int(88, 94)}%))`;
  const kind = rng.int(0, 4);
  const pattern =
    kind === 0 ? `repeating-radial-gradient(circle at ${rng.int(10, 90)}% ${rng.int(10, 90)}%, hsla(${hue},60%,75%,${a}) 0 2px, transparent 2px ${rng.int(8, 16)}px)`
      : kind === 1 ? `repeating-linear-gradient(${rng.int(-60, 60)}deg, hsla(${hue},50%,70%,${a}) 0 1px, transparent 1px ${rng.int(5, 11)}px)`
        : kind === 2 ? `radial-gradient(hsla(${hue},50%,65%,${a}) 1.2px, transparent 1.6px) 0 0/${rng.int(6, 12)}px ${rng.int(6, 12)}px`
          : kind === 3 ? `radial-gradient(circle at ${rng.int(30, 70)}% ${rng.int(30, 70)}%, transparent 0 ${rng.int(60, 120)}px, hsla(${hue},50%,70%,${a}) ${rng.int(121, 130)}px ${rng.int(131, 150)}px, transparent ${rng.int(151, 160)}px)`
            : `linear-gradient(transparent, transparent)`;
  return `background:${pattern}, ${base};`;
}

function photo(rng: Rng, x: number, y: number, w: number): string {
  const h = Math.round(w * 1.25);
  const tone = rng.int(140, 210);
  return `<div style="position:absolute;left:${x}px;top:${y}px;width:${w}px;height:${h}px;background:rgb(${tone},${tone + 8},${tone + 16});overflow:hidden;border:1px solid #999">
    <div style="position:absolute;left:${0.27 * w}px;top:${0.16 * h}px;width:${0.45 * w}px;height:${0.44 * h}px;border-radius:50%;background:rgb(${tone - 90},${tone - 100},${tone - 110})"></div>
    <div style="position:absolute;left:${0.07 * w}px;top:${0.6 * h}px;width:${0.86 * w}px;height:${0.56 * h}px;border-radius:50% 50% 0 0;background:rgb(${tone - 110},${tone - 115},${tone - 120})"></div></div>`;
}

/**
 * The 住所 as printed: the given lines, re-wrapped one of several ways (one row; broken after the 市区町村;
 * the building on its own row; the box's own wrap at a narrower width), the type shrunk until it fits in two
 * or three rows. Returns the html and the block's height.
 */
function addressBlock(rng: Rng, lines: string[], x: number, y: number, s: Style, right: number): { html: string; h: number } {
  const whole = lines.join('');
  const wrap = rng.int(0, 3);
  let rows: string[];
  if (wrap === 0) rows = [whole];
  else if (wrap === 1) {
    const at = whole.search(/(?<=[市区町村郡])(?=[^市区町村郡])/u);
    rows = at > 3 && at < whole.length - 2 ? [whole.slice(0, at), whole.slice(at)] : lines;
  } else rows = lines;
  const boxW = wrap === 3 ? Math.round((right - x) * rng.range(0.7, 1)) : right - x;
  let size = s.midSize;
  const count = (sz: number): number => rows.reduce((n, l) => n + Math.ceil(width(l, sz, s.midSpacing) / boxW), 0);
  while (size > 15 && count(size) > 2 + (lines.length > 1 ? 1 : 0)) size--;
  const lh = size + rng.int(6, 16);
  const html = `<div style="position:absolute;left:${x}px;top:${y}px;width:${boxW}px;font-size:${size}px;line-height:${lh}px;letter-spacing:${s.midSpacing}px;word-break:break-all">${rows.map(esc).join('<br>')}</div>`;
  // the height as printed: the rows after the block go below its last row
  return { html, h: rows.reduce((n, l) => n + wrappedRows(l, size, s.midSpacing, boxW), 0) * lh };
}

/** Where the 氏名 label stands against a name block of ruby (top..mid) and name (mid..bottom). */
function nameLabelY(rng: Rng, s: Style, kanaY: number | null, nameY: number): number {
  const at = kanaY === null ? rng.pick(['kanji', 'kanji', 'top'] as const) : rng.pick(['kana', 'kanji', 'between'] as const);
  if (at === 'kana' && kanaY !== null) return kanaY + (s.kanaSize - s.labelSize) / 2;
  if (at === 'between' && kanaY !== null) return (kanaY + s.kanaSize + nameY) / 2 - s.labelSize / 2;
  if (at === 'top') return nameY;
  return nameY + (s.nameSize - s.labelSize) * rng.range(0.2, 0.8);
}

export interface VariedFace {
  html: string;
  /** the expiry printed on the card (next-generation designs may end a month after the birthday) */
  expiryIso: string;
}

export function variedCardHtml(design: Design, p: Person, font: string, rng: Rng): VariedFace {
  const s = style(rng, font);
  const body: string[] = [];
  const layout = DESIGNS[design];
  let expiryIso = p.expiryIso;
  // drafts say the next card ends a month after the birthday; the rule is not final, so both occur
  if (layout === 'next-gen' && rng.chance(0.5)) {
    const [y, m, d] = expiryIso.split('-').map(Number) as [number, number, number];
    const nm = m === 12 ? 1 : m + 1;
    expiryIso = `${m === 12 ? y + 1 : y}-${String(nm).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
  }
  const photoW = rng.int(165, 215);
  const photoLeft = design === 'ng-photo-left';
  const px = photoLeft ? rng.int(26, 60) : rng.int(600, 640);
  const py = rng.int(photoLeft ? 60 : 110, photoLeft ? 140 : 200);
  body.push(photo(rng, px, Math.min(py, CARD_H - 40 - Math.round(photoW * 1.25)), photoW));
  const lx = photoLeft ? px + photoW + rng.int(20, 40) : s.lx;
  const vx = photoLeft ? lx : s.lx + Math.round(labelEm(design) * s.labelSize) + s.vx;
  const right = photoLeft ? CARD_W - 30 : px - rng.int(10, 30);
  const above = design === 'ng-photo-left';
  const bi = design === 'ng-bilingual';
  const lab = (ja: string, en: string): string => (bi ? `${ja}|${en}` : ja);
  const nameText = p.latin ? `${p.family} ${p.given}` : `${p.family}　${p.given}`;
  const roman = p.latin ? nameText : `${romaji(p.familyKana ?? '', rng.chance(0.7) ? 'drop' : 'keep')} ${romaji(p.givenKana ?? '', 'drop')}`;
  const nameSize = p.latin ? Math.round(s.nameSize * 0.8) : s.nameSize;
  let y = rng.int(18, 40);

  // 氏名 block
  if (above) {
    body.push(label(s, '氏名', lx, y));
    y += s.labelSize + rng.int(4, 10);
  }
  if (layout === 'next-gen') {
    if (design === 'ng-rows') {
      body.push(label(s, 'フリガナ', lx, y + (s.kanaSize - s.labelSize) / 2), div(`${p.familyKana}　${p.givenKana}`, vx, y, s.kanaSize, `color:${s.ink};letter-spacing:${rng.int(0, 3)}px`));
      y += s.kanaSize + rng.int(8, 18);
      body.push(label(s, '氏名', lx, y + (nameSize - s.labelSize) / 2), div(nameText, vx, y, nameSize, `color:${s.ink};letter-spacing:${s.nameSpacing}px`));
      y += nameSize + rng.int(8, 18);
      body.push(label(s, rng.pick(['ローマ字', 'Name', '氏名(ローマ字)']), lx, y + (s.kanaSize - s.labelSize) / 2), div(roman, vx, y, s.kanaSize + 1, `color:${s.ink};letter-spacing:1px`));
      y += s.kanaSize + 1;
    } else {
      const kanaY = y;
      const nameY = kanaY + s.kanaSize + rng.int(2, 10);
      body.push(div(`${p.familyKana}　${p.givenKana}`, vx + rng.int(0, 6), kanaY, s.kanaSize, `color:${s.ink};letter-spacing:${rng.int(0, 4)}px`));
      body.push(div(nameText, vx, nameY, nameSize, `color:${s.ink};letter-spacing:${s.nameSpacing}px`));
      if (!above) body.push(label(s, lab('氏名', 'Name'), lx, nameLabelY(rng, s, kanaY, nameY)));
      const nameEnd = vx + width(nameText, nameSize, s.nameSpacing);
      const romanSize = rng.int(14, 20);
      if (bi && nameEnd + 24 + width(roman, romanSize, 1) < right) {
        body.push(div(roman, nameEnd + rng.int(20, 40), nameY + nameSize - romanSize - rng.int(0, 4), romanSize, `color:${s.ink};letter-spacing:1px`));
        y = nameY + nameSize;
      } else {
        const ry = nameY + nameSize + rng.int(4, 12);
        body.push(div(roman, vx, ry, romanSize, `color:${s.ink};letter-spacing:1px`));
        y = ry + romanSize;
      }
    }
  } else {
    const nameY = y;
    body.push(div(nameText, vx, nameY, nameSize, `color:${s.ink};letter-spacing:${p.latin ? 1 : s.nameSpacing}px`));
    body.push(label(s, '氏名', lx, nameLabelY(rng, s, null, nameY)));
    y = nameY + nameSize;
  }

  // 住所
  y += rng.int(16, 40);
  if (above) {
    body.push(label(s, '住所', lx, y));
    y += s.labelSize + rng.int(4, 10);
  }
  const addr = addressBlock(rng, p.addressLines, vx, y, s, right);
  body.push(addr.html);
  if (!above) body.push(label(s, lab('住所', 'Address'), lx, y + rng.int(0, Math.max(1, s.midSize - s.labelSize))));
  y += addr.h + rng.int(14, 36);

  // dates (and 性別 on the current and foreign cards)
  const wareki = layout === 'current';
  const birth = date(p.birthIso, wareki, s);
  const expiry = date(expiryIso, false, s);
  const mid = (t: string, x: number, yy: number): string => div(t, x, yy, s.midSize, `color:${s.ink};letter-spacing:${s.midSpacing}px`);
  if (layout === 'next-gen') {
    const dx = vx + rng.int(0, 40);
    if (above) {
      body.push(label(s, '生年月日', lx, y), mid(birth, dx, y + s.labelSize + 4));
      y += s.labelSize + s.midSize + rng.int(14, 26);
      body.push(label(s, '有効期限', lx, y), mid(rng.chance(0.5) ? `${expiry}まで有効` : expiry, dx, y + s.labelSize + 4));
    } else {
      body.push(label(s, lab('生年月日', 'Date of birth'), lx, y + (s.midSize - s.labelSize) / 2), mid(birth, dx, y));
      y += s.midSize + rng.int(14, 30);
      body.push(label(s, lab('有効期限', 'Valid until'), lx, y + (s.midSize - s.labelSize) / 2), mid(rng.chance(0.5) ? `${expiry}まで有効` : expiry, dx, y));
    }
  } else {
    const bx = vx + rng.int(-20, 40);
    const bt = `${birth}生`;
    body.push(mid(bt, bx, y));
    const sx = Math.min(right - s.labelSize * 2 - s.midSize - 10, bx + width(bt, s.midSize, s.midSpacing) + rng.int(20, 70));
    const sy = y + rng.int(-4, 4);
    body.push(label(s, '性別', sx, sy + (s.midSize - s.labelSize) / 2), mid(p.sex === 'M' ? '男' : '女', sx + 2 * s.labelSize + rng.int(6, 24), sy));
    y += s.midSize + rng.int(14, 34);
    body.push(mid(`${expiry}まで有効`, vx + rng.int(-20, 60), y));
  }

  // bottom band: title, issuer, the electronic certificate box
  const by = rng.int(455, 485);
  const title = layout === 'next-gen' ? rng.pick(['マイナンバーカード', '個人番号カード', 'マイナンバーカード Individual Number Card']) : '個人番号カード';
  const titleX = photoLeft ? lx : rng.int(20, 50);
  const titleSize = rng.int(18, 26);
  body.push(div(title, titleX, by, titleSize, `font-weight:bold;color:${rng.pick(['#c33', '#247', '#333'])}`));
  body.push(div(rng.pick(['千代田区長', '世田谷区長', '横浜市長', '札幌市長', '那覇市長', '三重県津市長', '軽井沢町長']), Math.max(titleX + width(title, titleSize) + 30, rng.int(380, 470)), by + rng.int(0, 10), rng.int(14, 20), 'color:#333'));
  if (layout === 'current') body.push(label(s, '電子証明書の有効期限', 620, rng.int(410, 430), 13));
  const html = `<div class="card" style="position:relative;width:${CARD_W}px;height:${CARD_H}px;border-radius:32px;overflow:hidden;font-family:'${font}';color:${s.ink};${background(rng)}">${body.join('')}</div>`;
  return { html, expiryIso };
}
