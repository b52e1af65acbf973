import { z } from 'zod';
import { FIELD_NAMES } from '../ocr/card-result';
import { CARD_READ_WARNING_CODES } from '../card/card-warnings';

/**
 * Schemas of the card-reading operations (My Number card by OCR, card back by QR code).
 * Card images are personal data: they cross in memory only (base64 in the call, the warped card
 * image in the answer), the services keep no copy after answering, and nothing of them is logged.
 */
const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);

/** 20 MB of image bytes as base64 (4 characters per 3 bytes). */
export const MAX_CARD_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_CARD_IMAGE_BASE64 = Math.ceil(MAX_CARD_IMAGE_BYTES / 3) * 4;

export const CARD_SIDES = ['front', 'back'] as const;
export type CardSide = (typeof CARD_SIDES)[number];

export const ReadCardInput = z.strictObject({
  /** chosen by the UI, so it can ask for progress while the read runs */
  readId: Id,
  image: z.string().min(16).max(MAX_CARD_IMAGE_BASE64).regex(/^[A-Za-z0-9+/]+=*$/),
  side: z.enum(CARD_SIDES),
});

const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const CardFieldView = z.object({
  value: z.string().nullable(),
  confidence: z.number(),
  /** the raw OCR text of the line(s) and the confidence of each of its characters */
  raw: z.string(),
  charConfidence: z.array(z.number()),
  /** where in `image` the field was read, in its pixels; null when the field was not found */
  crop: Rect.nullable(),
  /** why a field the card prints has no value (Japanese, for the clerk); absent when read or not printed */
  reason: z.string().optional(),
});

export const CardImage = z.object({
  mimeType: z.enum(['image/jpeg', 'image/png']),
  /** base64 */
  data: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** What a read warns of: decided by `code` (common/card/card-warnings), `message` is for display only. */
export const CardReadWarningCode = z.enum(CARD_READ_WARNING_CODES);
export const CardReadWarningView = z.object({ code: CardReadWarningCode, message: z.string() });

const FieldsView = z.object(Object.fromEntries(FIELD_NAMES.map((f) => [f, CardFieldView])) as Record<(typeof FIELD_NAMES)[number], typeof CardFieldView>);

export const CardFrontView = z.object({
  side: z.literal('front'),
  layout: z.enum(['current', 'next-gen', 'foreign', 'unknown']),
  fields: FieldsView,
  nameParts: z.object({ family: z.string(), given: z.string() }).nullable(),
  address: z
    .object({
      original: z.string(),
      normalized: z.string(),
      prefecture: z.string().nullable(),
      municipality: z.string().nullable(),
      town: z.string().nullable(),
      block: z.string().nullable(),
      building: z.string().nullable(),
    })
    .nullable(),
  /** notes for the clerk (有効期限切れ …): the code decides, the Japanese message is shown as it is */
  warnings: z.array(CardReadWarningView),
  /** the 有効期限 is before today */
  expired: z.boolean(),
  rotation: z.number(),
  ms: z.number(),
  /** the card as it was read: found, warped to the ID-1 aspect, turned upright */
  image: CardImage,
});

export const CardBackView = z.object({
  side: z.literal('back'),
  /** 12 digits with a valid check digit, or null when no such QR code was found */
  myNumber: z.string().nullable(),
  /** Japanese, when the number could not be read */
  message: z.string().nullable(),
  ms: z.number(),
});

export const ReadCardOutput = z.discriminatedUnion('side', [CardFrontView, CardBackView]);

export const OcrStatusInput = z.strictObject({ readId: Id.optional() });
export const OcrStatusOutput = z.object({
  /** the OCR engine: being started in the background, ready, or failed to start */
  state: z.enum(['starting', 'ready', 'failed']),
  /** how long start-up took (or has taken so far), ms */
  startupMs: z.number(),
  /** Japanese, when it failed */
  message: z.string().nullable(),
  /** progress of the read named by readId, null when none runs under that id */
  progress: z.object({ stage: z.enum(['queued', 'decode', 'find-card', 'recognize', 'parse', 'qr']), fraction: z.number() }).nullable(),
  /** a scanner drop folder is configured (config.json scannerDropDir) */
  scannerConfigured: z.boolean(),
});

export const ScannerImage = z.object({
  id: z.string(),
  /** the file's name in the drop folder (no personal data: scanners name files by time) */
  name: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
});
export const ListScannerImagesOutput = z.object({ configured: z.boolean(), items: z.array(ScannerImage) });

export const ReadScannerImageInput = z.strictObject({ readId: Id, id: Id, side: z.enum(CARD_SIDES) });
export const DiscardScannerImageInput = z.strictObject({ id: Id });

export type ReadCardOutput = z.output<typeof ReadCardOutput>;
export type CardFrontView = z.output<typeof CardFrontView>;
export type CardBackView = z.output<typeof CardBackView>;
export type CardFieldView = z.output<typeof CardFieldView>;
export type OcrStatus = z.output<typeof OcrStatusOutput>;
export type ScannerImage = z.output<typeof ScannerImage>;
