/**
 * Every number the field finder (extract-fields.ts) weighs lines with, in one place, each with its reason.
 * Distances are in the text height of the line being judged, so they hold at any scan resolution.
 */
export const FIELD_TUNING = {
  /** a line read with less confidence than this is junk the model could not read (a smeared blob): it sets no size */
  unreadableConfidence: 0.05,
  // a bare label is evidence for a value to its right whose rows it overlaps, reaching up to a ruby row
  // above the value or down to a roman row under it (label beside the kana, the kanji or between)
  /** how far into the value's box the label's right edge may reach (labels printed close to their value) */
  labelBesideOverlap: 0.3,
  /** how far above the value's top the label's middle may be (label beside the ruby row over the name) */
  labelAboveReach: 1.6,
  /** how far below the value's bottom the label's middle may be (label beside a roman row under the name) */
  labelBelowReach: 1.0,
  /** a label printed over its value: at most this far above it … */
  labelOverGap: 1.5,
  /** … and starting in about the same column */
  labelOverColumn: 1.5,
  /** … its bottom may dip this far into the value's top (tight print) */
  labelOverDip: 0.2,
  /** a label read together with its ruby ends about this many text heights after its start (two characters and a gap) */
  labelWithRubyWidth: 2.2,
  /** a label whose middle is this close to the value's middle points at it squarely … */
  labelSquareRow: 0.6,
  /** … one beside a neighbouring row or over the value counts this much of that */
  labelOffRowEvidence: 0.8,
  /** a value printed apart from its label starts at most this many pixels left of the label's end (a tight kern) */
  rightOfSlackPx: 4,
  /**
   * a misread 氏名 or 住所 (兵名 濵田) joined to its value on one line is cut off as the label only where labels
   * stand: its line starts within this of a label read as one (the card's label column)…
   */
  labelColumnSlack: 0.5,
  /** … and the label stands apart from its value by at least this (a family name ending in 名 is set tight) */
  labelValueGap: 0.3,
  /** a text line is read twice when it lies under a surer line over this share of its width */
  readTwiceOverlap: 0.5,
  confidence: {
    // how much less a field read is trusted when something about it does not add up; it is then 要確認
    /** a name that would not split into family and given name */
    unsplitName: 0.5,
    /** an address without a 都道府県 at its start */
    addressWithoutPrefecture: 0.7,
    /** birth date on or after the 有効期限: one of the two is misread (factor on both) */
    datesOutOfOrder: 0.5,
    /** a national's 有効期限 not on the birthday: at most this (both), whatever the model said */
    expiryNotOnBirthdayCap: 0.6,
    /** lines that give different 性別s: the one taken (the surest) at most this, below the check screen's doubt (0.8) */
    sexDisagreementCap: 0.6,
  },
  name: {
    // the weights of the name's evidence: what the text is, how big it is, where it stands, what labels it
    /** content: kanji (or roman letters) and no digits, the strongest single sign */
    content: 1,
    /** size: names are the card's biggest text */
    size: 1,
    /** position: the layouts' prior (the top of the card); weak, designs differ */
    prior: 0.4,
    /** label: a 氏名 label pointing at the line */
    label: 0.8,
    /** pieces of one name row overlap this much of the smaller one's height */
    rowOverlap: 0.5,
    /** a piece of the row this much smaller than its biggest is ruby or a roman name, not the name */
    rowSize: 0.75,
    /**
     * an unreadable box this many times taller than the name is no piece of it but the portrait beside it
     * (~2.4× on a next-generation card read whole); ruby and name smeared into one blob are at most ~1.7×
     */
    rowMaxBox: 2,
    /**
     * lines this many times as tall as roman capitals, right over them or before them on their row: the capitals
     * are the name's spelling on a next-generation card, printed at ~0.4 of the kanji name's height
     */
    romanSpelling: 1.8,
  },
  kana: {
    /** ruby stands over the name: its bottom at most this far into the name (彩's 彡 read as ワン is lower) */
    overlapName: 0.3,
    /** and no further above the name's top than this */
    reachAbove: 2.5,
  },
  address: {
    /** a 都道府県 this many characters into a line still starts its address (a misread label before it) */
    prefectureWithin: 3,
    /** the weight of a 住所 label pointing at the line */
    label: 0.8,
    /** the weight of the layouts' position prior */
    prior: 0.2,
    /** an unlabelled-prefecture line needs this much address shape when only a label points at it */
    minShapeWithLabel: 0.2,
    /**
     * ... and this much with neither label nor 都道府県 (both misread: 十縄県…, its 住所 label lost): only the
     * full shape of an address (place words and a 番地) counts, not a 方書 row or a date; alone or with the
     * rows under it (a first row with its 都道府県 misread, its 番地 wrapped onto the next)
     */
    minShapeAlone: 0.8,
    /** a continuation row starts within this many text heights under the last one … */
    nextRowGap: 1.6,
    /**
     * … is printed at least this share of the text height of the address's rows so far (its smallest: a row
     * misread with a blob in it measures taller) (a wrapped row is set in the address's type; a
     * speck between the rows, read as 伝 at 0.4 of it, would end the address there; a label under the last row,
     * printed at ~0.55 of it, was taken for a row at 0.5: 生年月日 read 生和を月日 on 20270134 #10) …
     */
    nextRowMinSize: 0.65,
    /** … and within this many of its column */
    nextRowColumn: 3,
    /** an address wraps to at most this many rows */
    maxRows: 3,
    /**
     * When no line passes the tests above, the line the classifier takes for an address before anything else,
     * with at least this much shape, is the address: every card prints one, and the address master can mend
     * a read like 青森加平用市匠川慕川平2995番地15 (0.56: its 都道府県, 市 and label misread), where nothing
     * was given before. Its confidence stays the model's, so a poor read is shown for checking.
     */
    minShapeLast: 0.4,
  },
} as const;
