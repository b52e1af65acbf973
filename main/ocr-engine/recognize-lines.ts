import type { RecognizedLine } from '../../common/ocr/recognized-line';
import type { GrayImage } from './image/gray-image';
import { firstReadCrop, type LineCrop } from './image/line-crop';
import type { TextLine } from './layout/text-lines';
import { PRINTED_LABEL, type PrintedLabel } from './layout/printed-label';
import { PSM, type TesseractPool } from './tesseract/tesseract-pool';

/**
 * OCR of one found line (PSM 13: the crop is the line), its symbols placed on the card. The crop the
 * preprocessing worker made with the line (PreparedLine) is used when there is one; a label its print spells
 * plainly (PreparedLine.label) is not read by the model at all.
 */
export async function recognizeLine(pool: TesseractPool, card: GrayImage, l: TextLine & { crop?: LineCrop; label?: PrintedLabel }): Promise<RecognizedLine> {
  if (l.label) return labelLine(l, l.label);
  const { image, x, scale } = l.crop ?? firstReadCrop(card, l);
  const r = await pool.recognize({ image, psm: PSM.RAW_LINE });
  return {
    x0: l.x0,
    y0: l.y0,
    x1: l.x1,
    y1: l.y1,
    glyphH: l.glyphH,
    text: r.text,
    confidence: r.confidence,
    symbols: r.symbols.map((s) => ({ text: s.text, confidence: s.confidence, x0: x + s.x0 / scale, x1: x + s.x1 / scale })),
  };
}

/** A label known by its print, as a read line: its characters over their cells. */
function labelLine(l: TextLine, label: PrintedLabel): RecognizedLine {
  const c = PRINTED_LABEL.confidence;
  const chars = [...label.text];
  return { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, glyphH: l.glyphH, text: label.text, confidence: c, symbols: label.cells.map((cell, i) => ({ text: chars[i]!, confidence: c, x0: cell.x0, x1: cell.x1 })) };
}
