/** One text line as the OCR engine read it, in card pixel coordinates. */
export interface RecognizedSymbol {
  text: string;
  confidence: number;
  x0: number;
  x1: number;
}

export interface RecognizedLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** median glyph height, px */
  glyphH: number;
  text: string;
  /** 0..1 */
  confidence: number;
  symbols: RecognizedSymbol[];
}
