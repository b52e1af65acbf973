import type { Rng } from './random';
import type { Person } from './people';
import { printDate } from './people';
import type { CardKind } from './truth';

/** Fonts installed from Debian (fonts-noto-cjk, fonts-ipaexfont): gothic and serif. */
export const FONTS = ['Noto Sans CJK JP', 'Noto Serif CJK JP', 'IPAexGothic', 'IPAexMincho'] as const;

/** Card face in CSS px: 1 px = 0.1 mm, so 856 × 540 is ID-1 (85.60 × 53.98 mm). */
export const CARD_W = 856;
export const CARD_H = 540;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Pale guilloche-like background, different on each card, as on the real card's printed security pattern. */
function background(rng: Rng): string {
  const hue = rng.pick([350, 10, 200, 120, 40]);
  return `background:
    repeating-radial-gradient(circle at ${rng.int(20, 80)}% ${rng.int(20, 80)}%, hsla(${hue},60%,80%,0.25) 0 2px, transparent 2px ${rng.int(9, 16)}px),
    linear-gradient(${rng.int(0, 180)}deg, hsl(${hue},45%,96%), hsl(${hue + 30},40%,92%));`;
}

function photo(rng: Rng, x: number, y: number): string {
  const tone = rng.int(150, 200);
  return `<div style="position:absolute;left:${x}px;top:${y}px;width:200px;height:250px;background:rgb(${tone},${tone + 10},${tone + 20});overflow:hidden;border:1px solid #999">
    <div style="position:absolute;left:55px;top:40px;width:90px;height:110px;border-radius:50%;background:rgb(${tone - 90},${tone - 100},${tone - 110})"></div>
    <div style="position:absolute;left:15px;top:150px;width:170px;height:140px;border-radius:50% 50% 0 0;background:rgb(${tone - 110},${tone - 115},${tone - 120})"></div></div>`;
}

function label(text: string, x: number, y: number, size: number): string {
  return `<div style="position:absolute;left:${x}px;top:${y}px;font-size:${size}px;color:#444">${text}</div>`;
}
function text(t: string, x: number, y: number, size: number, extra = ''): string {
  return `<div style="position:absolute;left:${x}px;top:${y}px;font-size:${size}px;white-space:nowrap;${extra}">${esc(t)}</div>`;
}

/** Width of a printed string in em: full-width characters 1, half-width digits/letters about 0.55. */
function emWidth(t: string): number {
  return [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0);
}

/**
 * The 住所 block as printed cards set it: wrapped inside the box left of the photo (never running under
 * it), at most two rows, the type shrunk until it fits. Each given line starts a new row.
 */
function addressBlock(lines: string[], x: number, y: number, size: number, right: number): string {
  const width = right - x;
  const rows = (s: number): number => lines.reduce((n, l) => n + Math.ceil((emWidth(l) * s) / width), 0);
  let s = size;
  while (s > 16 && rows(s) > 2) s--;
  return `<div style="position:absolute;left:${x}px;top:${y}px;width:${width}px;font-size:${s}px;line-height:${s + 12}px;word-break:break-all">${lines.map(esc).join('<br>')}</div>`;
}

/** The front (or back / passport) of one card as an absolutely positioned 856 × 540 block. */
export function cardHtml(kind: CardKind, p: Person, font: string, rng: Rng): string {
  const j = (): number => rng.int(-8, 8); // layouts vary a little between cards
  const fw = rng.chance(0.5);
  const body: string[] = [];
  const nameSize = rng.int(34, 42);
  const small = rng.int(17, 20);
  const mid = rng.int(24, 28);
  const lx = 30 + j();
  const vx = lx + rng.int(62, 80);
  if (kind === 'current' || kind === 'foreign') {
    const name = p.latin ? `${p.family} ${p.given}` : `${p.family}　${p.given}`;
    body.push(label('氏名', lx, 44 + j(), small), text(name, vx, 30 + j(), p.latin ? nameSize - 6 : nameSize, 'letter-spacing:2px'));
    const ay = 110 + j();
    const px = 620 + j();
    body.push(label('住所', lx, ay + 4, small), addressBlock(p.addressLines, vx, ay, mid, px - 12));
    const by = 220 + j();
    body.push(text(`${printDate(p.birthIso, kind === 'current', fw)}生`, vx + rng.int(-20, 30), by, mid));
    body.push(label('性別', 500 + j(), by + 4, small), text(p.sex === 'M' ? '男' : '女', 555 + j(), by, mid));
    body.push(text(`${printDate(p.expiryIso, false, fw)}まで有効`, vx + rng.int(-20, 40), by + rng.int(48, 60), mid, 'color:#333'));
    body.push(photo(rng, px, 150 + j()));
    body.push(text('個人番号カード', lx, 470 + j(), 26, 'font-weight:bold;color:#c33'));
    body.push(text(`${rng.pick(['千代田区長', '世田谷区長', '横浜市長', '札幌市長'])}`, 420 + j(), 470 + j(), small));
    body.push(label('電子証明書の有効期限', 620, 420, 13), label('', 620, 440, 13));
  } else if (kind === 'next-gen') {
    // フリガナ, name and roman name are one block of the card's template: they move together and never
    // touch (line-height 1: each row's glyphs fill its em box), only the gaps between them vary a little
    const ny = 50 + j();
    const kanaSize = small + 2;
    body.push(label('氏名', lx, ny + 10 + rng.int(-4, 4), small));
    body.push(text(`${p.familyKana}　${p.givenKana}`, vx, ny - kanaSize - rng.int(2, 8), kanaSize, 'color:#333;line-height:1'));
    body.push(text(`${p.family}　${p.given}`, vx, ny, nameSize, 'letter-spacing:2px;line-height:1'));
    body.push(text(`${romaji(p)}`, vx, ny + nameSize + rng.int(4, 12), small, 'letter-spacing:1px;color:#333;line-height:1'));
    const ay = 150 + j();
    const px = 620 + j();
    body.push(label('住所', lx, ay + 4, small), addressBlock(p.addressLines, vx, ay, mid, px - 12));
    const by = 260 + j();
    body.push(label('生年月日', lx, by + 4, small), text(printDate(p.birthIso, false, fw), vx + 40, by, mid));
    body.push(label('有効期限', lx, by + 52, small), text(`${printDate(p.expiryIso, false, fw)}まで有効`, vx + 40, by + 48, mid));
    body.push(photo(rng, px, 120 + j()));
    body.push(text('マイナンバーカード', lx, 470 + j(), 26, 'font-weight:bold;color:#247'));
  } else if (kind === 'back') {
    body.push(label('個人番号', 40, 40, small), text('1234 5678 9018', 160, 24, 52, 'letter-spacing:4px;font-family:monospace'));
    body.push(label('氏名', 40, 140, small), text(`${p.family}　${p.given}`, 120, 130, 30));
    body.push(label('生年月日', 40, 200, small), text(printDate(p.birthIso, true, false), 160, 192, 26));
    body.push(`<div style="position:absolute;left:600px;top:250px;width:200px;height:200px;background:
      repeating-conic-gradient(#000 0 25%, #fff 0 50%) 0 0/20px 20px"></div>`);
    body.push(`<div style="position:absolute;left:60px;top:300px;width:140px;height:110px;border-radius:12px;background:linear-gradient(#d9b45a,#a8862f)"></div>`);
  } else if (kind === 'passport') {
    body.push(text('日本国 旅券 PASSPORT', 40, 30, 30, 'font-weight:bold'));
    body.push(label('Type / 型', 300, 90, 14), text('P', 300, 108, 24), label('Surname / 姓', 300, 150, 14), text(p.latin ? p.family : 'YAMADA', 300, 168, 26));
    body.push(label('Given name / 名', 300, 210, 14), text('TARO', 300, 228, 26), label('Nationality / 国籍', 300, 270, 14), text('JAPAN', 300, 288, 24));
    body.push(photo(rng, 50, 90));
    body.push(text('P<JPNYAMADA<<TARO<<<<<<<<<<<<<<<<<<<<<<<<<<', 30, 420, 26, 'font-family:monospace'));
    body.push(text('TR12345670JPN8503031M3003031<<<<<<<<<<<<<<04', 30, 460, 26, 'font-family:monospace'));
  }
  return `<div class="card" style="position:relative;width:${CARD_W}px;height:${CARD_H}px;border-radius:32px;overflow:hidden;font-family:'${font}';color:#111;${background(rng)}">${body.join('')}</div>`;
}

function romaji(p: Person): string {
  const map: Record<string, string> = {
    ヤマダ: 'YAMADA', サトウ: 'SATO', スズキ: 'SUZUKI', タナカ: 'TANAKA', タロウ: 'TARO', ハナコ: 'HANAKO',
  };
  return `${map[p.familyKana ?? ''] ?? 'MYNA'} ${map[p.givenKana ?? ''] ?? 'TARO'}`;
}
