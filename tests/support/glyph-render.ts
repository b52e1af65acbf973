import sharp from 'sharp';
import { crop, type GrayImage } from '../../main/ocr-engine/image/gray-image';

/**
 * Glyphs drawn with the installed fonts the card generator uses (gothic and mincho), sharp and degraded
 * like a scan or a document-camera photo: for the OCR shape tests (性別, 濁点/半濁点).
 */
export const FONTS = ['Noto Sans CJK JP', 'Noto Serif CJK JP', 'IPAexGothic', 'IPAexMincho'];
export interface Look {
  name: string;
  size: number;
  blur?: number;
  /** ink grey, 0 = black */
  ink?: number;
  jpeg?: number;
  /** rendered at 2× the size then shrunk (soft thin strokes) */
  shrink?: boolean;
}
export const LOOKS: Look[] = [
  { name: 'flat', size: 26 },
  { name: 'small', size: 22, ink: 40 },
  { name: 'scanner', size: 24, blur: 0.6, ink: 60, jpeg: 70 },
  { name: 'camera', size: 20, blur: 0.9, ink: 70, jpeg: 60, shrink: true },
];

/** An SVG body on card-like paper, degraded as `look` says; `__K__` in the body is the supersampling scale. */
export async function render(svgBody: string, w: number, h: number, look: Look): Promise<GrayImage> {
  const k = look.shrink ? 2 : 1;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w * k}" height="${h * k}"><rect width="100%" height="100%" fill="rgb(236,238,232)"/>${svgBody.replace(/__K__/g, String(k))}</svg>`;
  let img = sharp(Buffer.from(svg));
  if (k !== 1) img = sharp(await img.png().toBuffer()).resize(w, h);
  if (look.blur) img = sharp(await img.png().toBuffer()).blur(look.blur);
  if (look.jpeg) img = sharp(await sharp(await img.png().toBuffer()).jpeg({ quality: look.jpeg }).toBuffer());
  const { data, info } = await img.grayscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

export const svgText = (ch: string, x: number, y: number, size: number, font: string, ink: number): string =>
  `<text x="${x}" y="${y}" transform="scale(__K__)" font-family="${font}" font-size="${size}" fill="rgb(${ink},${ink},${ink})">${ch}</text>`;

/** One glyph, cropped to its ink box with a 2 px margin as the reader crops it. */
export async function glyph(ch: string, font: string, look: Look): Promise<GrayImage> {
  const s = look.size;
  const img = await render(svgText(ch, 8, 8 + 0.88 * s, s, font, look.ink ?? 17), s + 16, s + 16, look);
  let x0 = img.width;
  let y0 = img.height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    if (img.data[y * img.width + x]! > 150) continue;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return crop(img, x0 - 2, y0 - 2, x1 - x0 + 5, y1 - y0 + 5);
}
