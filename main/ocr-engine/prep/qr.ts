import sharp, { type OutputInfo } from 'sharp';
import jsQR from 'jsqr';
import { OcrInputError } from '../ocr-error';

/** A QR code is searched on an image at most this big: jsQR's time grows with the pixels. */
const QR_MAX_SIDE = 1400;
/** Refuse decompression bombs before decoding (as decodeImage does). */
const MAX_INPUT_PIXELS = 120_000_000;

/** The card back: decode the image and find the QR code in it (the caller checks the 個人番号 it carries). */
export type QrOp = { op: 'qr'; bytes: Uint8Array };

/**
 * Decodes the image (EXIF-rotated, shrunk to QR_MAX_SIDE) and looks for a QR code, trying the inverted
 * image too. Pure function of its input, so it runs in the preprocessing worker thread: jsQR is tens of
 * ms of synchronous work per read. The decoded pixels and the code's bytes are zeroed before returning;
 * the caller zeroes `bytes`.
 */
export async function decodeQr(bytes: Uint8Array): Promise<{ text: string | null }> {
  let img: { data: Buffer; info: OutputInfo };
  try {
    img = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize({ width: QR_MAX_SIDE, height: QR_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new OcrInputError('not-an-image', '画像ファイルとして読み込めません（JPEG・PNG などの画像を選んでください）。');
  }
  try {
    const { width, height } = img.info;
    const code = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), width, height, { inversionAttempts: 'attemptBoth' });
    if (!code) return { text: null };
    code.binaryData.fill(0);
    return { text: code.data };
  } finally {
    img.data.fill(0);
  }
}
