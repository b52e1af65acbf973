/**
 * The status words (SW1 SW2) the My Number card answers with (ISO/IEC 7816-4), and what each means
 * for a read. ../shared/domain/mynumber-card.md "The chip" lists the ones the 券面事項入力補助AP uses.
 */
export const SW_OK = 0x9000;
/** 63 Cx: verification failed (or, for the query without data, x tries are left); 63 C0 means blocked */
export const SW_TRIES_MASK = 0xfff0;
export const SW_TRIES = 0x63c0;
export const SW_BLOCKED = 0x6984;
export const SW_SECURITY_NOT_SATISFIED = 0x6982;
export const SW_FILE_NOT_FOUND = 0x6a82;
export const SW_NO_EF_SELECTED = 0x6986;
/** SELECT by AID when the card has no such application: some cards answer 6A 82, others 6A 86 / 6D 00 */
export const SW_WRONG_P1P2 = 0x6a86;
export const SW_INS_NOT_SUPPORTED = 0x6d00;
export const SW_CLA_NOT_SUPPORTED = 0x6e00;

/** x of 63 Cx, or null when `sw` is not a tries-left answer */
export function triesOf(sw: number): number | null {
  return (sw & SW_TRIES_MASK) === SW_TRIES ? sw & 0x0f : null;
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0').replace(/^(..)/, '$1 ');
}
