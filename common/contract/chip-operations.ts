import { z } from 'zod';

/**
 * Schemas of the IC-chip operations: the My Number card's 券面事項入力補助AP read over PC/SC
 * (main/services/chip). The chip holds the card's text exactly (variant kanji, IVS) and signed.
 *
 * Flow (one chip session at a time; a new start cancels an older one):
 * 1. the clerk's screen polls `chipReaders` (a reader and a card on it → 「ICチップで読む」);
 * 2. `startChipRead` selects the AP and reads the tries left WITHOUT spending one;
 *    - method 'verify-b': the services verify with 照合番号B built from the face data the clerk confirmed,
 *      then read — refused when the card has 1 try or fewer left (the last try is never spent automatically);
 *    - method 'pin': the session waits for the resident's PIN;
 * 3. the RESIDENT-FACING page polls `getChipPinRequest`, shows the PIN pad and sends the digits with
 *    `submitChipPin` under the request's own id (the clerk's screen never handles the PIN; the services
 *    never store, log or return it). A wrong PIN ends the session (failed 'wrong-pin' with the tries left):
 *    each further try is the clerk's decision, by starting again;
 * 4. the clerk's screen polls `chipSessionState` (shows only 「住民の方が入力中」) until done or failed.
 *
 * Failures are values: `startChipRead` answers `{ ok: false, error: { code: 'CARD_UNREADABLE', reason: ChipFailure } }`,
 * a session ends in `{ state: 'failed', code: ChipFailure, message }`. Nothing half-read is ever returned:
 * fields come only from a complete read whose EF 0003 digests matched.
 */
const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);
const ReaderName = z.string().min(1).max(200);

export const CHIP_METHODS = ['pin', 'verify-b'] as const;
export type ChipMethod = (typeof CHIP_METHODS)[number];

/** Why a chip read did not (or could not) give the card's data; `message` (Japanese, for the clerk) goes with it. */
export const CHIP_FAILURES = [
  'pcsc-unavailable', // no PC/SC service (pcscd not running / not installed)
  'no-reader', // no card reader connected (or the one named is gone)
  'no-card', // the reader is empty
  'not-mynumber', // the card has no 券面事項入力補助AP (not a My Number card)
  'blocked', // the PIN (or 照合番号B) is blocked: 市区町村の窓口でロック解除（初期化）が必要です
  'tries-low', // 1 try left: an automatic method (照合番号B) is not tried; the resident's PIN may still be
  'wrong-pin', // the PIN was wrong; `triesLeft` says how many remain
  'wrong-verify-b', // 照合番号B did not match the card (face data mistyped or misread); `triesLeft`
  'removed', // the card was taken off the reader before the read was complete
  'reader-gone', // the reader was unplugged mid-read
  'timeout', // no PIN within the time allowed, or the card stopped answering
  'tampered', // EF 0003 digests do not match: 改ざんの可能性 — the data is refused
  'malformed', // the card's data is not the expected BER-TLV
  'cancelled', // cancelChipRead, or a newer startChipRead
  'card-error', // any other status word from the card
] as const;
export type ChipFailure = (typeof CHIP_FAILURES)[number];

export const ChipReaderView = z.strictObject({ name: z.string(), cardPresent: z.boolean() });
export const ChipReadersOutput = z.strictObject({
  /** the PC/SC service answered; false: no pcscd / no WinSCard (a value, not an error) */
  available: z.boolean(),
  readers: z.array(ChipReaderView),
  /** Japanese, when chip reading cannot be offered now (no PC/SC, no reader); null otherwise */
  message: z.string().nullable(),
});

/**
 * 照合番号B from the card's face as the clerk confirmed it (a wrong one spends a try):
 * 和暦 birth date YYMMDD + 有効期限 year (西暦) + セキュリティコード.
 */
export const VerifyBParts = z.strictObject({
  birthWareki: z.string().regex(/^\d{6}$/),
  expiryYear: z.string().regex(/^\d{4}$/),
  securityCode: z.string().regex(/^\d{4}$/),
});
export type VerifyBParts = z.output<typeof VerifyBParts>;

const StartCommon = {
  /** the reader to use; the first with a card on it when absent */
  reader: ReaderName.optional(),
  /** the visit case the read is for (recorded in the audit trail) */
  caseId: Id.optional(),
};
export const StartChipReadInput = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('pin'),
    /** read 個人番号 (EF 0001) too: only when a chosen procedure needs it */
    includeNumber: z.boolean(),
    ...StartCommon,
  }),
  z.strictObject({
    method: z.literal('verify-b'),
    /** 照合番号B opens 基本4情報 only; 個人番号 needs the PIN */
    verifyB: VerifyBParts,
    ...StartCommon,
  }),
]);
export type StartChipReadInput = z.output<typeof StartChipReadInput>;

export const StartChipReadOutput = z.strictObject({
  sessionId: z.string(),
  /** of the key the method uses (PIN: 3 at most), read without spending one */
  triesLeft: z.number().int(),
  reader: z.string(),
});

/** What the chip holds, exactly as the chip holds it (code points kept, IVS included). */
export const ChipCardFields = z.strictObject({
  /** 氏名 as on the chip: family and given name separated by U+3000 */
  name: z.string(),
  /** the name split at its first U+3000; given is '' when the chip has no separator */
  nameParts: z.strictObject({ family: z.string(), given: z.string() }),
  address: z.string(),
  /** YYYY-MM-DD (西暦); null when the chip's date is not a valid date */
  birthDate: z.string().nullable(),
  /** JIS X 0303: 1 → 'M', 2 → 'F', 0 / 9 → null */
  sex: z.enum(['M', 'F']).nullable(),
  /**
   * 個人番号, only when includeNumber was asked (else null). As with the card back's QR code, the screen shows
   * it masked; the services keep their own copy under `readId` for updateCase `cardMyNumber` (source 'card-chip').
   */
  myNumber: z.string().nullable(),
  /** the EF 0003 digests matched (always true here: a mismatch fails the read as 'tampered') */
  digestsOk: z.boolean(),
  /** the id to confirm the number with: updateCase { cardMyNumber: { person, readId } } */
  readId: z.string(),
  /** how the chip was opened */
  method: z.enum(CHIP_METHODS),
});
export type ChipCardFields = z.output<typeof ChipCardFields>;

export const ChipSessionRef = z.strictObject({ sessionId: Id });

export const ChipSessionState = z.discriminatedUnion('state', [
  /** waiting for the resident's PIN on the resident-facing page (the clerk sees 「住民の方が入力中」) */
  z.strictObject({ state: z.literal('waiting-pin'), triesLeft: z.number().int() }),
  z.strictObject({ state: z.literal('reading') }),
  z.strictObject({ state: z.literal('done'), fields: ChipCardFields, ms: z.number() }),
  z.strictObject({
    state: z.literal('failed'),
    code: z.enum(CHIP_FAILURES),
    /** Japanese, for the clerk (and the resident page); never contains personal data */
    message: z.string(),
    /** tries left of the key used, when known */
    triesLeft: z.number().int().nullable(),
  }),
]);
export type ChipSessionState = z.output<typeof ChipSessionState>;

/** The PIN the chip waits for, for the resident-facing page; null when none is waited for. */
export const ChipPinRequestOutput = z.strictObject({
  request: z
    .strictObject({
      /** the id submitChipPin takes (not the clerk's sessionId) */
      pinRequestId: z.string(),
      triesLeft: z.number().int(),
    })
    .nullable(),
});

export const SubmitChipPinInput = z.strictObject({
  pinRequestId: Id,
  /** the 4-digit 券面事項入力補助用暗証番号 */
  pin: z.string().regex(/^\d{4}$/),
});
export const SubmitChipPinOutput = z.strictObject({
  /** the card took the PIN; the read goes on (the clerk's screen shows the outcome) */
  verified: z.boolean(),
  /** tries left after this attempt (3 again once verified) */
  triesLeft: z.number().int().nullable(),
  /** Japanese, for the resident page when not verified */
  message: z.string().nullable(),
});

export const CancelChipReadOutput = z.strictObject({ cancelled: z.boolean() });
