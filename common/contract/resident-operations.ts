import type { OperationName } from './operation-names';
import { z } from 'zod';
import type { ResidentOperationName } from './resident-operations-bridge';
import { SubmitChipPinInput, SubmitChipPinOutput } from './chip-operations';

/**
 * The resident-facing screen (住民向け画面): a second display at the counter, facing the resident.
 *
 * It is its own, much smaller contract: the resident's page reaches the services through its own door
 * (browser mode: its own link, token and /resident-api/ path; Electron: its own preload and channels)
 * and can call only the operations named here — what it shows, and the PIN for the chip read the clerk
 * started. None of the clerk's operations is reachable from it, and none of these from the clerk's page.
 *
 * The clerk's side sets what the screen shows (operations in operations.ts: showResidentConfirm,
 * clearResidentDisplay, getResidentScreen, openResidentWindow). While a chip read the clerk started waits for
 * the PIN (chip-operations.ts), the screen shows the PIN pad whatever else was set; submitChipPin is the
 * chip contract's own schema, reachable from here and refused to the clerk's page.
 */
export { RESIDENT_OPERATION_NAMES, isResidentOperationName, bindResidentOperations, type ResidentOperationName, type ResidentApi, type ResidentTransport } from './resident-operations-bridge';

const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);

/** One line of the 確認 screen in the three registers the resident summary sheet uses. */
export const ThreeRegisters = z.object({ ja: z.string(), easy: z.string(), en: z.string() });

/** What the resident checks before the forms are printed: names exactly as entered (variants, IVS kept). */
export const ResidentConfirmSummary = z.object({
  event: ThreeRegisters,
  persons: z.array(
    z.object({
      /** 氏名 with U+3000 between family and given name, exact code points */
      name: z.string(),
      /** 和暦 (昭和60年3月3日), '' when not entered */
      birthDate: z.string(),
      /** e.g. 3 March 1985 */
      birthDateEn: z.string(),
    }),
  ),
  /** 住所 after the event (the new address for 転入 / 転居) */
  address: z.string(),
  procedures: z.array(ThreeRegisters),
});

export const ResidentScreen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({
    kind: z.literal('pin-entry'),
    /** the chip read's PIN request (getChipPinRequest), which submitChipPin names */
    pinRequestId: Id,
    /** tries left on the card's PIN, read without spending one; the pad warns at 1 */
    triesLeft: z.number().int().min(0).max(15),
  }),
  z.object({ kind: z.literal('confirm'), summary: ResidentConfirmSummary }),
  z.object({
    kind: z.literal('phone-entry'),
    /** the clerk's request (askResidentPhone), which submitResidentPhone names */
    phoneRequestId: Id,
  }),
]);

export const ResidentDisplayView = z.object({
  /** grows on every change; the page asks for changes after the version it shows */
  version: z.number().int().min(0),
  /** the simulated back end (研修モード): the page carries the demo banner */
  demo: z.boolean(),
  screen: ResidentScreen,
});

export const GetResidentDisplayInput = z.strictObject({
  /** answer once the version is past this one (or after the wait below); absent: answer now */
  afterVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** 電話番号 as the resident typed it on the pad: digits only; the services check it as the forms do (parsePhone). */
export const SubmitResidentPhoneInput = z.strictObject({
  phoneRequestId: Id,
  phone: z.string().regex(/^\d{1,15}$/),
});
export const SubmitResidentPhoneOutput = z.strictObject({
  /** the number went to the clerk's screen */
  accepted: z.boolean(),
  /** why not, in Japanese, for the resident page */
  message: z.string().nullable(),
});

export const residentOperations = {
  getResidentDisplay: { input: GetResidentDisplayInput, output: ResidentDisplayView },
  submitChipPin: { input: SubmitChipPinInput, output: SubmitChipPinOutput },
  submitResidentPhone: { input: SubmitResidentPhoneInput, output: SubmitResidentPhoneOutput },
} as const satisfies Record<ResidentOperationName, { input: z.ZodType; output: z.ZodType }>;

// ── the clerk's side of the resident screen (operations.ts) ──

export const ShowResidentConfirmInput = z.strictObject({ caseId: Id });
export const ResidentScreenKind = z.object({ kind: z.enum(['idle', 'pin-entry', 'confirm', 'phone-entry']) });

/**
 * 「住民画面で入力」 beside a 電話番号: the resident types their own number on the resident screen's pad
 * instead of saying it aloud for the clerk to type. One request at a time; a new one, or any other screen the
 * clerk shows, ends the one before.
 */
export const AskResidentPhoneInput = z.strictObject({});
export const AskResidentPhoneOutput = z.strictObject({ phoneRequestId: Id });
export const AwaitResidentPhoneInput = z.strictObject({ phoneRequestId: Id });
/** The clerk's page ends its own request (取消; the person's card went): whatever else the screen shows stays. */
export const EndResidentPhoneInput = z.strictObject({ phoneRequestId: Id });
export const EndResidentPhoneOutput = z.strictObject({ ended: z.boolean() });
export const AwaitResidentPhoneOutput = z.discriminatedUnion('state', [
  /** not yet typed (answered after the services' wait, so the page asks again) */
  z.strictObject({ state: z.literal('waiting') }),
  /** the resident's number as parsePhone keeps it (the digits as typed on the pad) */
  z.strictObject({ state: z.literal('answered'), phone: z.string() }),
  /**
   * the request ended without a number (one typed and not yet collected is forgotten): `clerk-away` — the screen
   * was locked or the clerk signed out; `replaced` — the clerk showed another screen, asked again or ended it;
   * `unknown` — no such request is known (long over)
   */
  z.strictObject({ state: z.literal('ended'), reason: z.enum(['clerk-away', 'replaced', 'unknown']) }),
]);
export const ResidentScreenInfo = z.object({
  /** browser mode: the resident page's own link (a second browser window on the resident's display); null in Electron */
  link: z.string().nullable(),
  /** Electron: the app opens the resident window itself (openResidentWindow) */
  window: z.boolean(),
});

export type ResidentConfirmSummary = z.output<typeof ResidentConfirmSummary>;
export type ResidentScreen = z.output<typeof ResidentScreen>;
export type ResidentDisplayView = z.output<typeof ResidentDisplayView>;
export type ThreeRegisters = z.output<typeof ThreeRegisters>;

/**
 * The chip PIN's operations in the clerk's contract: answered only on the resident page's own entry point
 * (dispatchResident); the clerk's page is refused them (FORBIDDEN), signed in or not, whatever the input.
 */
export const RESIDENT_ONLY_OPERATIONS: readonly OperationName[] = ['getChipPinRequest', 'submitChipPin'];
