/** The chip reader's time limits, each with its reason. */
export const CHIP_TIMINGS = {
  /** a card answers an APDU in tens of milliseconds; 5 s without an answer means it stopped answering */
  transmitTimeoutMs: 5_000,
  /** the resident reads the screen and types 4 digits, perhaps after asking: 2 minutes, then the card is released */
  pinWaitMs: 120_000,
  /** a finished read's answer waits this long for the clerk's screen to fetch it, then is forgotten */
  keepFinishedMs: 10 * 60_000,
  /** finished sessions kept at most (one counter reads one card at a time; the rest are abandoned dialogs) */
  keepFinishedCount: 8,
} as const;
