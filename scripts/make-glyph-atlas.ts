/**
 * Regenerates assets/glyphs/kanji-glyphs.bin: the JIS level-1 kanji and every kanji that a name in the name
 * tables (assets/names) or a place in the address master (assets/address) is written with, drawn in three typefaces of different design
 * (IPAex明朝, IPAexゴシック, Noto Serif CJK JP), cut to its ink box, scaled to GLYPH × GLYPH and thresholded.
 * With them the reader can ask of any printed character whether it looks more like the model's read or like
 * the character a known name or place has there (glyph-atlas.ts). Format: see GlyphAtlas in glyph-atlas.ts.
 * Also assets/glyphs/kana-glyphs.bin, the same for katakana (the フリガナ's kana, kana-atlas.ts), in those typefaces
 * and a sans one, as ruby is often set in one: kept apart so that no kanji's shape test meets a kana drawing.
 *   npx tsx scripts/make-glyph-atlas.ts [kanji|kana]        (both by default; needs the Debian fonts the CI installs)
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { GLYPH, normalizedGlyph, packBits } from '../main/ocr-engine/kanji/glyph-bits';
import { ATLAS_FILE, ATLAS_MAGIC, KANA_ATLAS_FILE } from '../main/ocr-engine/kanji/glyph-atlas-format';
import { KATAKANA } from '../main/ocr-engine/kanji/kana-shape';

const FONTS = ['IPAexMincho', 'IPAexGothic', 'Noto Serif CJK JP'];
const KANA_FONTS = [...FONTS, 'Noto Sans CJK JP'];
const root = path.resolve(import.meta.dirname, '..');

async function draw(ch: string, font: string): Promise<{ width: number; height: number; data: Uint8Array }> {
  const size = 96;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size * 1.5}" height="${size * 1.5}"><rect width="100%" height="100%" fill="#fff"/><text x="${size * 0.25}" y="${size * 1.13}" font-family="${font}" font-size="${size}" fill="#000">${ch}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

const sources = ['names/ipadic-person-names.tsv', 'names/supplement-names.tsv', 'address/municipalities.tsv', 'address/towns.tsv'];
const text = sources.map((f) => fs.readFileSync(path.join(root, 'assets', f), 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n')).join('\n');
/**
 * JIS X 0208 level 1 (第一水準, the 2,965 common kanji): the characters the model reads are mostly among them,
 * and a read character must be drawn to be compared with the known name's.
 */
function jisLevel1(): string[] {
  const sjis = new TextDecoder('shift_jis');
  const out: string[] = [];
  for (let lead = 0x88; lead <= 0x98; lead++)
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const c = sjis.decode(Uint8Array.of(lead, trail));
      if (/^\p{Script=Han}$/u.test(c)) out.push(c);
    }
  return out;
}
const kanji = [...new Set([...jisLevel1(), ...(text.match(/[\p{Script=Han}々]/gu) ?? [])])].sort();

async function writeAtlas(file: string, chars: string[], fonts: string[]): Promise<void> {
  const out = path.join(root, 'assets', 'glyphs', file);
  const packed: Uint8Array[] = [];
  const aspects: number[] = [];
  for (const ch of chars) {
    for (const font of fonts) {
      const g = normalizedGlyph(await draw(ch, font));
      // a character a typeface lacks is drawn as nothing (or tofu): kept blank, never matched
      packed.push(g ? packBits(g.bits) : new Uint8Array(Math.ceil((GLYPH * GLYPH) / 8)));
      aspects.push(g ? Math.round(g.aspect * 100) / 100 : 0);
    }
  }
  const header = Buffer.from(JSON.stringify({ glyph: GLYPH, fonts, chars: chars.join(''), aspects }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.concat([Buffer.from(ATLAS_MAGIC, 'ascii'), len, header, ...packed]));
  process.stdout.write(`${JSON.stringify({ file, characters: chars.length, fonts: fonts.length, bytes: fs.statSync(out).size })}\n`);
}

const which = process.argv[2];
if (which !== 'kana') await writeAtlas(ATLAS_FILE, kanji, FONTS);
if (which !== 'kanji') await writeAtlas(KANA_ATLAS_FILE, KATAKANA, KANA_FONTS);
