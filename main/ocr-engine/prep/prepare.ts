import { decodeImage } from '../image/decode';
import { CARD_FINDING, findCardQuad } from '../image/find-card';
import { warpQuad } from '../image/homography';
import { estimateSkew, rotateImage } from '../image/deskew';
import { resize, rotate180, type GrayImage } from '../image/gray-image';
import { stats } from '../image/binarize';
import { findTextLines, type TextLine } from '../layout/text-lines';
import { uprightScore } from '../layout/orientation';
import { findPortrait, PORTRAIT_TUNING, type Portrait } from '../layout/photo-side';
import { isCardShaped } from '../image/card-shape';
import { OcrInputError } from '../ocr-error';
import { firstReadCrop, type LineCrop } from '../image/line-crop';
import { printedLabel, type PrintedLabel } from '../layout/printed-label';

/** Warped cards are this wide (ID-1 aspect): ~14 px/mm, enough for the 2 mm print of the labels. */
export const CARD_PX_W = 1200;
export const CARD_PX_H = Math.round((CARD_PX_W * 53.98) / 85.6);

/**
 * A text line with the crop its first read is made from (cut, masked and scaled here, off the caller's thread),
 * and the label it prints when its print says so plainly (then the model does not read it).
 */
export interface PreparedLine extends TextLine {
  crop: LineCrop;
  label?: PrintedLabel;
}

/** One candidate card image, turned the likelier way up, with its text lines. */
export interface PreparedView {
  card: GrayImage;
  lines: PreparedLine[];
  /** true when the view was turned 180° from how it was found */
  flipped: boolean;
}

interface OrientedView {
  card: GrayImage;
  lines: TextLine[];
  flipped: boolean;
}

/** The view with each line's first-read crop, and the label a line prints alone. */
function withCrops(v: OrientedView): PreparedView {
  return {
    ...v,
    lines: v.lines.map((l) => {
      const label = printedLabel(v.card, l);
      return { ...l, crop: firstReadCrop(v.card, l), ...(label ? { label } : {}) };
    }),
  };
}

export type PrepOp = { op: 'prepare'; bytes: Uint8Array } | { op: 'whole'; bytes: Uint8Array } | { op: 'flip'; card: GrayImage };

/**
 * All pixel work of a read (decode, card finding, warp, deskew, line finding, orientation): pure
 * functions of their input, so they can run in a worker thread. `prepare` gives the warped card (or the
 * deskewed whole image when no outline is found), `whole` the deskewed whole image, `flip` the view turned over.
 */
export async function runPrep(req: PrepOp): Promise<{ views: PreparedView[]; hasQuad: boolean }> {
  if (req.op === 'flip') {
    const card = rotate180(req.card);
    return { views: [withCrops({ card, lines: findTextLines(card, portraitOf(card)), flipped: true })], hasQuad: false };
  }
  const img = await decodeImage(req.bytes);
  const { mean, std } = stats(img.gray);
  if (std < 7) {
    throw new OcrInputError('blank', mean < 60 ? '画像が真っ黒です。カメラのふたや照明を確認してください。' : '画像に何も写っていません。カードを置いて撮り直してください。');
  }
  const quad = req.op === 'prepare' ? findCardQuad(img) : null;
  if (quad) {
    const view = orient(warpQuad(img.gray, quad.corners, CARD_PX_W, CARD_PX_H));
    if (view.lines.length >= CARD_FINDING.minTextLines) return { views: [withCrops(view)], hasQuad: true };
  }
  return { views: [withCrops(orient(deskewedWhole(img.gray)))], hasQuad: false };
}

/** The portrait of a card-shaped image (null for anything else: a whole photo's columns are no card's). */
function portraitOf(card: GrayImage): Portrait | null {
  return isCardShaped(card) ? findPortrait(card) : null;
}

/**
 * A card image's portrait, when it shows clearly, decides which way up; otherwise its text geometry. The
 * portrait's pixels are left out of the line finding.
 */
function orient(card: GrayImage): OrientedView {
  const portrait = portraitOf(card);
  const photo = portrait?.score ?? 0;
  const turn = (): OrientedView => {
    const turned = rotate180(card);
    const box = portrait && { x0: card.width - 1 - portrait.x1, y0: card.height - 1 - portrait.y1, x1: card.width - 1 - portrait.x0, y1: card.height - 1 - portrait.y0 };
    return { card: turned, lines: findTextLines(turned, box), flipped: true };
  };
  // a portrait that decides turns the card before its lines are found: one line finding instead of two
  // (~15 ms of every upside-down card's read)
  if (Math.abs(photo) >= PORTRAIT_TUNING.decides && photo < 0) {
    const turned = turn();
    // a card with no text at all is left as found, as before
    return turned.lines.length > 0 ? turned : { card, lines: [], flipped: false };
  }
  const lines = findTextLines(card, portrait);
  const upsideDown = Math.abs(photo) < PORTRAIT_TUNING.decides && uprightScore(lines, card.width) < -0.15;
  return lines.length > 0 && upsideDown ? turn() : { card, lines, flipped: false };
}

/** A scan (or a photo whose card outline was not found): straightened, at card working width. */
function deskewedWhole(gray: GrayImage): GrayImage {
  const straight = rotateImage(gray, estimateSkew(gray));
  const k = CARD_PX_W / straight.width;
  return k < 0.9 || k > 1.5 ? resize(straight, CARD_PX_W, Math.round(straight.height * k)) : straight;
}
