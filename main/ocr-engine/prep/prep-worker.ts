/** Worker-thread entry: runs the pixel work of a read off the caller's (Electron main / UI) thread. */
import { parentPort } from 'node:worker_threads';
import { runPrep, type PrepOp, type PreparedView } from './prepare';
import { decodeQr, type QrOp } from './qr';
import { OcrInputError } from '../ocr-error';
import { settleShape, variantImages, type ShapeRequest, type VariantImagesRequest } from '../reread/variant-images';
import type { GrayImage } from '../image/gray-image';
import { settleGlyph, type GlyphChoiceRequest } from '../reread/glyph-choice';
import { sexShape, type SexShapeRequest } from '../reread/sex-shape';

parentPort?.on('message', (msg: { id: number; req: PrepOp | QrOp | VariantImagesRequest | ShapeRequest | GlyphChoiceRequest | SexShapeRequest }) => {
  const { req } = msg;
  const job: Promise<{ views: PreparedView[]; hasQuad: boolean } | { text: string | null } | { images: GrayImage[] } | { name: string }> =
    req.op === 'qr'
      ? // the image bytes were moved here: overwritten once decoded
        decodeQr(req.bytes).finally(() => req.bytes.fill(0))
      : req.op === 'variants'
        ? // a second read's crop: masked, scaled and cleaned here, the caller's thread only cuts it
          Promise.resolve().then(() => ({ images: variantImages(req) }))
        : req.op === 'shape'
          ? // the name's variant shape test (chamfer against the variants' templates)
            Promise.resolve().then(() => ({ name: settleShape(req) }))
          : req.op === 'glyph'
            ? // one character against the master's options (a 町域 one character off several)
              Promise.resolve().then(() => ({ name: settleGlyph(req) }))
            : req.op === 'sex'
              ? // the 性別 value's glyph against 男 and 女
                Promise.resolve().then(() => ({ name: sexShape(req.crop).sex ?? '' }))
              : runPrep(req);
  job.then(
    (value) => {
      const transfer = 'views' in value ? value.views.map((v) => v.card.data.buffer as ArrayBuffer) : 'images' in value ? value.images.map((i) => i.data.buffer as ArrayBuffer) : [];
      parentPort!.postMessage({ id: msg.id, value }, transfer);
    },
    (err: unknown) => {
      const e = err instanceof OcrInputError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: msg.id, error: e, input: err instanceof OcrInputError });
    },
  );
});
