import type { GrayImage } from '../image/gray-image';

/** Binary PGM (P5): Leptonica reads it directly, and it costs no compression time unlike PNG. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
