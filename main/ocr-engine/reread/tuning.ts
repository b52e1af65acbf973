import { PSM } from '../tesseract/tesseract-pool';
import { CROP_TUNING } from './crop-tuning';

/** One way of reading a region again: the model's errors at one scale and mode rarely repeat at another. */
export interface Variant {
  glyph: number;
  psm: PSM;
  /** the card's background pattern left in (see cleanBackground) */
  raw?: boolean;
  /** ink outside the line finder's characters left in (it may have dropped a faint stroke or a lone bar) */
  unmasked?: boolean;
}

/**
 * Every number the second reads (reread-fields.ts) use, in one place, each with its reason. Lengths are in
 * the text height of the row being read (glyphH) unless said otherwise; confidences are the model's 0..1.
 */
export const REREAD_TUNING = {
  variants: {
    /** 氏名: two scales, two modes; the larger scale without the line finder's mask (a broken stroke) */
    name: [
      { glyph: 40, psm: PSM.SINGLE_LINE },
      { glyph: 40, psm: PSM.RAW_LINE },
      { glyph: 52, psm: PSM.SINGLE_LINE, unmasked: true },
      { glyph: 52, psm: PSM.RAW_LINE, unmasked: true },
    ] as Variant[],
    /** 氏名 in roman capitals: two modes at the name's scale, one larger */
    roman: [
      { glyph: 40, psm: PSM.SINGLE_LINE },
      { glyph: 40, psm: PSM.RAW_LINE },
      { glyph: 52, psm: PSM.SINGLE_LINE },
    ] as Variant[],
    /** 住所: the pattern left in once (cleaning can eat a thin stroke), another mode, a larger scale */
    address: [
      { glyph: 48, psm: PSM.RAW_LINE, raw: true },
      { glyph: 48, psm: PSM.RAW_LINE },
      { glyph: 48, psm: PSM.SINGLE_LINE },
      { glyph: 56, psm: PSM.RAW_LINE },
    ] as Variant[],
    /** 番地 only: unmasked, as a ７ whose top bar the line finder left out reads as ノ or イ */
    block: [
      { glyph: 40, psm: PSM.RAW_LINE, unmasked: true },
      { glyph: 48, psm: PSM.SINGLE_LINE, unmasked: true },
    ] as Variant[],
    /** フリガナ: small type, read larger */
    kana: [
      { glyph: 40, psm: PSM.SINGLE_LINE },
      { glyph: 48, psm: PSM.RAW_LINE },
    ] as Variant[],
  },
  /** reads of the first batch before the rest are asked for: three agreeing reads settle a clean line */
  firstBatch: 2,
  /** a first read below this confidence is not settled by agreeing reads alone */
  agreeMinConfidence: 0.5,
  /** a first read at least this sure is settled by one agreeing read in another mode (two reads that err alike are rare) */
  oneAgreeConfidence: 0.85,
  /** how much a read's vote counts besides its confidence (a read of confidence 0 still votes half) */
  voteBase: 0.5,
  addressRow: {
    /** pieces joined into an address row: no label, not another field, read with at least this confidence */
    minPieceConfidence: 0.3,
    /** of about the row's text size (a small パ split off, not a label or the ruby) */
    minSize: 0.5,
    maxSize: 1.6,
    /** overlapping this much of the smaller height, at most this many text heights apart */
    overlap: 0.5,
    maxGap: 2.5,
    /** a piece the model could not read joins only this close (a character split off, not a label) */
    closeGap: 0.6,
    /**
     * a row the address master vouches for and the model is this sure of is not read again: a later row a
     * building and room; a first row that is a place alone (addressRowIsPlaceOnly: on four tuning sets, 38 such
     * rows at ≥ 0.9 were read twice each and none changed; kept as read, no field changed on sixteen sets)
     */
    sureConfidence: 0.9,
    /**
     * … a first row the master places exactly (都道府県, 市区町村 and 町域 as read, then the 番地 alone) already at
     * this: on four tuning sets (192 cards) the 36 such rows from 0.75 to 0.9 were read again 69 times and no
     * field changed; they are the longest rows (~4 % of the model's work per card, counted in characters read)
     */
    placedConfidence: 0.75,
    /** … this sure of: one agreeing read in another mode settles it */
    checkOnceConfidence: 0.75,
    /**
     * a line the model could not read is a row of the 住所 wrapped onto its own when it starts at most this
     * many text heights under the address (rows are set ~1.9 text heights apart, so the gap between them is
     * ~0.9) …
     */
    unreadRowBelow: 1.3,
    /** … with its left edge within this many text heights of the address's (rows start flush) */
    unreadRowAlign: 0.8,
    /**
     * a row under the first that starts right of the address's left edge by at most this many text heights
     * is read from the edge (a dash before its number is about one text height long and may be too faint for
     * the line finder)
     */
    flushReach: 1.2,
  },
  nameRow: {
    /** pieces of the name row: at least this share of the name's text height … */
    minPieceSize: 0.45,
    /**
     * … and one at least this share of the name's glyph height is the name's whatever its text reads as: the
     * name is the card's largest print (addresses and dates ~0.6 of it, the roman name beside it ~0.35)
     */
    nameSized: 0.85,
    /** … overlapping this much of the smaller height … */
    overlap: 0.6,
    /** … starting at most this many text heights after the row */
    maxGap: 2.5,
    /** a character narrower than this share of the text height is a piece of one */
    minCharWidth: 0.5,
    /** a name over its ruby is about 1.6 names tall: this share of the region is a floor for the name's height */
    bandFloor: 0.6,
    /** one line of 2–8 kanji read at least this sure needs no second reads (the variant check still runs) */
    sureConfidence: 0.93,
    /** a character chosen by shape, not by the model: its confidence is at most this … */
    shapeCharConfidence: 0.5,
    /** … and the field's, so the clerk is asked to look */
    shapeFieldConfidence: 0.75,
    /** a first character broken apart by the line finder, found by its ink right before the name (leadingInk) */
    leadingInk: {
      /** starting within this many text heights of the name (a name's characters are set ~0.1–0.3 apart) */
      maxGap: 0.5,
      /** as wide as a character: at least this … */
      minWidth: 0.5,
      /** … and at most this many text heights (wider is a portrait's edge or another line) */
      maxWidth: 1.3,
      /** a column is ink when at least this share of the row's height is */
      minColumnInk: 0.04,
    },
  },
  /** a field's value found by its label when no line was found to hold it (valueBesideLabel) */
  besideLabel: {
    /** starting at most this many of the value's text heights after the label (a label sits ~1–1.5 away) */
    maxGap: 3,
    /** overlapping this much of the smaller height: the label is smaller type on the value's row */
    overlap: 0.5,
    /**
     * a name (or such a line) read with at least this share of roman capitals is a roman name (LOPEZ ANA PAULA
     * in a serif read 箇0ツ層較2 AINAEBAIMIIEA: 0.62; SILVA CARLOS read SII谷WARIW⑥SI: 0.83; GAXR⑤IA DAVID: 0.83);
     * a kanji name's misread brings in a stray letter or two
     */
    capitalsShare: 0.5,
  },
  kanaRow: {
    /** the ruby row is searched up to this many name heights above the name … */
    reachAbove: 1.1,
    /** … and, when ink reaches the search's top, further up in steps of this many, to at most this many (rows designs set it ~1.5 above) */
    reachStep: 0.2,
    reachAboveMax: 1.9,
    /** and this far left and right of it */
    margin: 0.3,
    /** ink rows of at least this share of the name height make a ruby row */
    minHeight: 0.2,
    /** the ink mask's window for the ruby, in name heights */
    inkWindow: 0.5,
    /** a reading may run past its name's right end (コウスケ over 康介) by up to this many name heights … */
    reachRight: 2,
    /** … as long as its ink goes on with gaps of at most this many kana heights (letter-spaced ruby has ~1) */
    maxGap: 1.6,
    /** the lines the ruby row was found as lie within its box, this many ruby heights of slack around it */
    rowLineSlack: 0.5,
  },
  crop: CROP_TUNING,
  cross: {
    /**
     * A reading whose family and given name both are known names counts as this many extra votes (the
     * tables rank the model's own readings; a close vote only: reads that agree always win)
     */
    lexiconWeight: 0.4,
    /**
     * a name reading with as many characters in each part as the print shows cells (cellsAgreement, 0..1): this
     * many extra votes. A character's strokes read as one more (森　上恵 three times, 森　恵 twice) outvote the
     * right reading by ~0.3 votes with the tables' word; the print's count is worth more than that, while reads
     * agreeing more (four to one) still win over a cell count a label's piece threw off
     */
    printedCellsWeight: 0.5,
    /** a フリガナ matching the name's known readings: this many extra votes */
    readingWeight: 1,
    /**
     * a 住所 row whose places the address master finds as read (masterSupport, 0..1): up to this many extra
     * votes. Three re-reads agreeing on 埼玉見こいたま市 outvote the first read's 埼玉県さいたま市 by ~0.7
     * votes; the master's 1/3 more for the latter is worth ~0.8 at 2.5, while reads agreeing more still win
     */
    masterWeight: 2.5,
    /**
     * the 方書 after the 番地 written like the country's place names (placeWordlikeness, ≤ 0: about -1 per rare
     * kanji or two unknown pairs): this many votes per unit. Two re-reads of 第一看荘 outvote 第二寿荘 read twice
     * by less than the 1.7 units 看 costs at this weight; a read of the same word agreed by more reads still wins
     */
    placeWordWeight: 0.5,
    /**
     * a roman name read with as many words as the print shows (its letter boxes' gaps, layout/word-gaps.ts):
     * this many extra votes. Reads that drop or move a letter at a word's edge (GARCIA JI HOON read GARCIAJ
     * HOON, GARCIA HOON) agree with each other more than with the one read spaced as printed, by ~0.1
     */
    wordsWeight: 0.3,
    /**
     * a roman name read with as many letters as the line finder found pieces in it: this many extra votes, a
     * tie-breaker. Reads that drop a letter at a word's edge agree with each other more than with the one whole
     * read: ILLER won over MILLER (0.92) by 0.07 votes, SMITH MLEI over SMITH MEI by 0.04, SMITH RA over
     * SMITH RAJ by 0.18. The count is not always right (a J's hook may not be found: NGUYEN RA, read once, has
     * the count of the print, NGUYEN RAJ read three times does not): at 0.5 two such names were broken on 23
     * tuning sets, which three agreeing reads outvote by 0.26 and 0.35
     */
    lettersWeight: 0.2,
    /**
     * a フリガナ part with as many kana as the line finder saw glyphs in it: this many extra votes. Two reads
     * of blurred ruby at 0.36 and 0.41 (ナナカ, ナカ over タナカ's three glyphs) differ by less than 0.1 votes;
     * two reads agreeing on a four-kana part outvote a third one kana off by ~0.29: the count does not
     */
    glyphCountWeight: 0.25,
    /** a choice a cross-check changed is the reader's judgement: its confidence is at most this (要確認) */
    changedConfidence: 0.75,
  },
  /**
   * A フリガナ part the reads spell so far off that no reading the name tables give for its kanji holds it
   * (キックコ over 京子: blurred ruby) is taken as the one reading of as many kana as
   * the print shows glyphs that is nearest the reads (nearestKnownReading): at most this share of its kana off
   * (rounded down: 2 of 4, 1 of 3 — キヨコ, a reading the tables may not know, is two from ケイコ), and nearer
   * than any other such reading by at least `margin` kana. On 23 tuning sets (1,104 cards) it mended one
   * フリガナ (キョウコ) and broke none; rounded up (2 of 3) it also made ハラ over 花子 ハナコ, and ヨクダ over
   * 天田 (a misread 吉田) アマダ.
   */
  kanaNearest: {
    maxOffShare: 0.5,
    margin: 1,
  },
  /** the ruby row's glyphs counted from the line finder's boxes (printedGlyphs), in the ruby's glyph heights */
  kanaGlyphs: {
    /** a box narrower than this is part of a glyph whose strokes stand apart (バ's ノ: ~0.35) … */
    partOfGlyph: 0.55,
    /** … counted with its neighbour when the two together are no wider than a glyph (kana ~0.8–1.0; ャ beside タ ~1.6) */
    oneGlyph: 1.1,
  },
  /**
   * A date every card prints that no line gave (its line read as no text at all: an 有効期限 running into the
   * portrait, read 多O 久司鐵LO同中属同認合 at 0.20): the unread line (unreadLine) in the other date's column is read
   * as a date. Lengths in the other date's line heights.
   */
  missingDate: {
    /** a date has at least six glyphs, and even an unreadable read of one keeps most: a shorter read is a mark or a label */
    minChars: 4,
    /** the dates stand in one column: the line overlaps the other date's span by this share of the narrower */
    columnOverlap: 0.5,
    /** and starts at most this many line heights past it (the next row; the design's spacing varies) */
    maxRows: 3,
    /**
     * … read with too little confidence to be text (unreadLine), or, read sure of it, at least this share digits:
     * a date's numbers read right and its 年 月 日 as other kanji (2036年11月18日 letter-spaced, read 2103.6征1用8旧
     * at 0.45) is still a date's line; a word or a name has no digits, a 番地 is under the address, not a date
     */
    minDigitShare: 0.5,
  },
  /**
   * 生年月日 and 有効期限 of a national's card that fit each other (the expiry on the birthday, or a month after on
   * the next card) as first read: two lines read apart agreeing on a month and a day vouch for each other, and
   * neither is read again to confirm it (refine-lines). Leaving those reads out changed no field on 22 tuning sets
   * (1,056 cards); of 70 logged on three of them, one disagreed with its first read and was outvoted. They were
   * ~5.6 % of a card's model work (read width), of which this spares ~3.4 %.
   */
  datePair: {
    /** each of the two read at least this sure: the least sure date first read that parsed was 0.5 (right) */
    minConfidence: 0.6,
    /** … and each is then taken as this sure: over the field check's doubt line (0.8), as a confirming read would make it */
    vouchedConfidence: 0.85,
  },
  /**
   * A line read with less confidence than this is no text the model could make out: a date drowned in the card's
   * pattern (refine-lines) or a missing date's line (missingDate) is read again as a date
   */
  unreadLine: 0.4,
  /** the same character read at starts closer than this is one glyph read twice */
  dedupeDistance: 0.3,
  band: {
    /** a region shorter than this many character widths holds one row only */
    minRows: 1.25,
    /** the name's rows: a window this many character widths tall holding the most ink … */
    window: 0.95,
    /** … widened while the ink is above this share of the peak … */
    low: 0.1,
    /** … by at most this many character widths */
    reach: 0.1,
  },
  ink: {
    /** local mean window (share of the text height, at least 4 px) and offset of the ink masks here */
    window: 0.6,
    offset: 14,
    /** rows with fewer ink pixels than this are blank */
    rowMin: 2,
    /** blank runs up to this share of the height inside one text row are bridged */
    bridge: 0.15,
    /**
     * a run of ink rows at least this share of the tallest one above a name may be its ruby (the lowest such is
     * taken); thinner, it is a stray edge or a sliver of the name's own top strokes
     */
    rubyRunShare: 0.6,
  },
  gap: {
    /** the band's middle rows only: a neighbouring row's ascenders reach into its edges */
    top: 0.15,
    bottom: 0.85,
    /** the family/given gap is at least this share of the text height … */
    minWidth: 0.4,
    /** … and this much wider than the next widest gap */
    overNext: 1.5,
    /**
     * a symbol whose box lies within the blank between the names, give or take this many text heights (the
     * model's boxes are loose), is the blank read as something (ー, ニ); a kana beside it reaches into it further
     */
    junkSlack: 0.15,
  },
} as const;
