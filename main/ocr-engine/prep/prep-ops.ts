import { runPrep, type PrepOp, type PreparedView } from './prepare';
import { decodeQr, type QrOp } from './qr';
import { settleShape, variantImages, type ShapeRequest, type VariantImagesRequest } from '../reread/variant-images';
import { settleGlyph, settleWord, type GlyphChoiceRequest, type WordChoiceRequest } from '../reread/glyph-choice';
import { firstInk, sexValue, type FirstInkRequest, type SexValue, type SexValueRequest } from '../reread/sex-value';
import { voicingMark, type VoicingRequest } from '../voicing-mark';
import { inkOfCrop, type InkRequest } from '../reread/ink-mask-request';
import type { GrayImage } from '../image/gray-image';
import { lineImages, type LineImagesRequest } from '../reread/line-images';
import { settleReading, type ReadingChoiceRequest } from '../reread/reading-choice';

/** Every job the preprocessing worker runs. */
export type PrepJob = PrepOp | QrOp | VariantImagesRequest | LineImagesRequest | ShapeRequest | GlyphChoiceRequest | WordChoiceRequest | ReadingChoiceRequest | SexValueRequest | FirstInkRequest | VoicingRequest | InkRequest;

export type PrepJobResult = { views: PreparedView[]; hasQuad: boolean } | { text: string | null } | { images: GrayImage[] } | { name: string } | { sexValue: SexValue } | { mask: Uint8Array } | { at: number | null };

/**
 * One job of the preprocessing worker, as the worker runs it and as the client runs it inline when no worker
 * can be started: decode, find and warp the card (`runPrep`), the card back's QR code, a second read's
 * images (masked, scaled, cleaned), a date line's images, the name's variant shape test, one character against
 * its options, a misread stretch against its spellings, a フリガナ part against its known readings, the 性別 value found, tested against 男 and 女 and
 * tiled for its reads.
 */
export async function runPrepJob(req: PrepJob): Promise<PrepJobResult> {
  switch (req.op) {
    case 'qr':
      return decodeQr(req.bytes);
    case 'variants':
      return { images: variantImages(req) };
    case 'line-images':
      return { images: lineImages(req) };
    case 'shape':
      return { name: settleShape(req) };
    case 'glyph':
      return { name: settleGlyph(req) };
    case 'word':
      return { name: settleWord(req) };
    case 'reading':
      return { name: settleReading(req) };
    case 'sex-value':
      return { sexValue: sexValue(req) };
    case 'voicing':
      return { name: voicingMark(req.crop) ?? '' };
    case 'ink':
      return { mask: inkOfCrop(req) };
    case 'first-ink':
      return { at: firstInk(req) };
    default:
      return runPrep(req);
  }
}
