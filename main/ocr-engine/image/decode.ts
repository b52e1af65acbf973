import os from 'node:os';
import sharp, { type Metadata } from 'sharp';
import type { GrayImage } from './gray-image';
import { OcrInputError } from '../ocr-error';

/** Larger photos are shrunk on load: a card needs ~1000 px across, more only costs time. */
const WORK_MAX_SIDE = 1600;
/**
 * libvips threads per image. sharp defaults to one on glibc Linux (fewer malloc arenas, less fragmentation in
 * long-running servers); a card read decodes one image at a time while the OCR workers wait for it, so a second
 * thread is idle time put to use: 22 → 16 ms per 1280 × 960 JPEG on this project's 2-core VM. Two threads
 * add at most one arena.
 */
const DECODE_THREADS = Math.min(2, os.availableParallelism());
sharp.concurrency(DECODE_THREADS);

/** Refuse decompression bombs before decoding; 50 MP camera photos are well inside this. */
const MAX_INPUT_PIXELS = 120_000_000;

export interface DecodedImage {
  /** RGB, 3 bytes per pixel, at working size */
  rgb: Uint8Array;
  /** each pixel's brightest channel (see decodeImage) */
  gray: GrayImage;
  /** size of the original image */
  sourceWidth: number;
  sourceHeight: number;
}

/**
 * An HEIC photo (iPhone and some document cameras): an ISO-BMFF `ftyp` box with an HEVC image brand.
 * libvips as shipped with sharp has no HEVC decoder (the codec is patent-encumbered), so it is refused
 * with advice instead of a generic "not an image".
 */
export function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const ascii = (a: number, b: number): string => String.fromCharCode(...bytes.subarray(a, b));
  return ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(ascii(8, 12));
}

const HEIC_MESSAGE = 'HEIC 形式（iPhone などの写真）は読み込めません。JPEG で保存し直すか、カメラの設定を「互換性優先」にして撮影してください。';

export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    if (isHeic(bytes)) throw new OcrInputError('heic', HEIC_MESSAGE);
    throw new OcrInputError('not-an-image', '画像ファイルとして読み込めません（JPEG・PNG などの画像を選んでください）。');
  }
  // sharp reads the HEIF container (AVIF) but not HEVC pixels: refuse before decoding fails obscurely
  if (meta.format === 'heif' && meta.compression !== 'av1') throw new OcrInputError('heic', HEIC_MESSAGE);
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > MAX_INPUT_PIXELS) throw new OcrInputError('too-large', `画像が大きすぎます（${Math.round((w * h) / 1e6)} メガピクセル）。`);
  if (w < 200 || h < 120) throw new OcrInputError('too-small', '画像が小さすぎて文字が読めません。');
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .rotate() // EXIF orientation from phones and document cameras
      .resize({ width: WORK_MAX_SIDE, height: WORK_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const n = info.width * info.height;
    const rgb = new Uint8Array(data.buffer, data.byteOffset, n * 3);
    const gray = new Uint8Array(n);
    // the brightest channel, not the luma: the card's ink is dark in all three channels, while its printed
    // security pattern (and a label printed in colour on some designs) is a pale colour, bright in at least one.
    // Taking the brightest channel drops the pattern from everything the reader sees and keeps the text: on
    // the tuning seeds 20261206 and 7301 (96 cards), 氏名 0.865 → 0.917, 住所 0.771 → 0.802, 性別 0.917 → 0.927
    for (let i = 0, j = 0; i < n; i++, j += 3) gray[i] = Math.max(rgb[j]!, rgb[j + 1]!, rgb[j + 2]!);
    return { rgb, gray: { width: info.width, height: info.height, data: gray }, sourceWidth: w, sourceHeight: h };
  } catch (err) {
    const msg = err instanceof Error ? err.message : '';
    if (/premature|truncat|end of (file|input)|corrupt/i.test(msg)) {
      throw new OcrInputError('truncated', '画像ファイルが途中で切れているか壊れています。もう一度撮影・スキャンしてください。');
    }
    throw new OcrInputError('not-an-image', '画像を読み込めませんでした（ファイルが壊れている可能性があります）。');
  }
}
