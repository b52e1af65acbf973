/**
 * Every tuning number of reading a My Number card in the app, in one place, each with why it is what it
 * is. Plain numbers (no DOM, no Node): the renderer's dialog and the card checks in common/card read them.
 */

/** The clerk's check of a read. */
export const CHECK_TUNING = {
  /**
   * Characters read with less confidence than this are marked for the clerk. Below it the OCR model's
   * character is wrong often enough on our synthetic and scanned cards that the clerk must look.
   */
  charDoubt: 0.6,
  /**
   * Fields read with less confidence than this are marked 要確認 (and the focus goes to the first of
   * them). The reader lowers a field to 0.6 or less when it had to guess (a variant picked by shape, dates
   * that disagree); a plain clean read scores above 0.8.
   */
  fieldDoubt: 0.8,
} as const;

/** The document camera's automatic capture: a card put down, then held still. */
export const CAMERA_TUNING = {
  /**
   * How long after the camera starts before a change in the picture counts as a card being put down: the
   * first moments of a stream change by themselves (exposure, focus).
   */
  warmUpMs: 1500,
  /** How often the picture is compared with the one before: four times a second is quick enough to feel immediate. */
  sampleEveryMs: 250,
  /** Size of the small grey copy compared (4:3 like the cameras): big enough to see a card move, cheap to do 4 times a second. */
  sampleWidth: 96,
  sampleHeight: 72,
  /** Mean grey-level difference (0–255) between two samples above which something moved: a hand or a card, not sensor noise. */
  movedAbove: 12,
  /** Mean difference below which the picture is still: sensor noise and compression stay under it. */
  stillBelow: 3,
  /** Grey-level standard deviation above which there is something in the picture (a card has print; an empty desk or a covered lens has little). */
  contrastAbove: 20,
  /** Still samples in a row before the picture is taken: one second at 250 ms, long enough for the hand to be gone. */
  stillSamples: 4,
  /** JPEG quality of the picture sent to the reader: small printed characters survive it, the upload stays small. */
  jpegQuality: 0.92,
  /** The resolution asked of a camera when none is chosen: the card's small print needs it. */
  idealWidth: 1920,
  idealHeight: 1080,
} as const;

/** How often the dialog asks the services for news. */
export const POLL_TUNING = {
  /** the OCR engine's start-up state while it starts (its seconds are shown counting) */
  ocrStartingMs: 500,
  /** the scanner drop folder: a scan appears within about a second and a half of the scanner finishing */
  scannerMs: 1500,
  /** a read's progress (stage, fraction) while it runs */
  readStageMs: 200,
} as const;

/** The crops of the card image shown beside each field. */
export const CROP_TUNING = {
  /** image pixels kept around the field's rectangle, so characters at its edge are not cut */
  padPx: 6,
  /** the crop is scaled so a line of text is this many CSS pixels high … */
  lineHeightPx: 48,
  /** … counting a rectangle as at most this high (a tall one, several lines, is not blown up) … */
  maxRectHeightPx: 60,
  /** … and no wider than this, to fit its column of the dialog … */
  maxWidthPx: 460,
  /** … and never enlarged more than this (beyond it the pixels show) */
  maxScale: 2.2,
  /**
   * 性別's line is found by its label and may end there (the 男 / 女 printed apart, a gap after 性別): its
   * crop reaches this many line heights to the right of where the line starts, so the value is in it.
   */
  sexWidthInLineHeights: 5,
} as const;

/**
 * Where the progress bar stands at each stage of a read (percent). The stages take very different times:
 * recognizing the characters is most of it, so it spans 20–95 by its own fraction.
 */
export const PROGRESS_TUNING = {
  /** sending the image, waiting for the engine, looking for the QR code: begun, not yet measurable */
  starting: 3,
  decode: 8,
  findCard: 15,
  recognizeFrom: 20,
  recognizeSpan: 75,
  parse: 97,
} as const;

/** Reading the card's IC chip (券面事項入力補助AP) from the card dialog. */
export const CHIP_TUNING = {
  /** How often the dialog asks for the readers and whether a card is on one: once a second feels immediate when a card is put down, and costs one PC/SC status call. */
  readersEveryMs: 1000,
  /** How often the clerk's screen asks how a chip read stands: a fifth of a second, so the name shows as soon as the chip has answered (a read takes about a second). */
  sessionEveryMs: 200,
} as const;
