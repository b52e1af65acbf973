import { z } from 'zod';

/**
 * The demo's (研修モード) trainer operations: fault drills switched at run time and the reset to the
 * seeded state. In production mode every one of them answers FORBIDDEN (reason `production_mode`) — there is no simulator to
 * switch and no training data to reset.
 */
export const DRILLS = ['linkCut', 'slow', 'errors', 'diskFull'] as const;
export type Drill = (typeof DRILLS)[number];

export const DrillStateView = z.strictObject({
  linkCut: z.boolean(),
  slow: z.boolean(),
  errors: z.boolean(),
  /** the counter's own disk refuses writes (simulated: the storage error path, nothing is filled) */
  diskFull: z.boolean(),
  /** a 差戻し is armed for the next application the back office reviews */
  returnNext: z.boolean(),
});
export type DrillStateView = z.output<typeof DrillStateView>;

export const SetDrillInput = z.strictObject({ drill: z.enum(DRILLS), on: z.boolean() });
export const SendReturnNowOutput = z.strictObject({
  /** the application returned now; null when none was waiting (then the next one reviewed is returned) */
  receiptNumber: z.string().nullable(),
  drills: DrillStateView,
});
/** `confirm: true`: the UI asked the trainer first; a call without it is refused by the schema */
export const ResetDemoInput = z.strictObject({ confirm: z.literal(true) });
export const ResetDemoOutput = z.strictObject({ cases: z.number().int(), applications: z.number().int() });

/** 見本カード: card images of synthetic residents, the demo's camera/scanner input */
export const ListSampleCardsOutput = z.strictObject({ cards: z.array(z.strictObject({ id: z.string(), label: z.string() })) });
export const GetSampleCardInput = z.strictObject({ id: z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/) });
export const GetSampleCardOutput = z.strictObject({ mimeType: z.enum(['image/png', 'image/jpeg']), base64: z.string() });

/**
 * 見本ICカード: the demo residents' cards as virtual IC chips on the training reader (the virtual PC/SC
 * reader), for practising the chip read. `available` false with `message` (Japanese) where that reader
 * does not exist; `pin` is the 見本 PIN every such card has (synthetic people, nothing to protect).
 */
export const DemoChipCardsView = z.strictObject({
  available: z.boolean(),
  message: z.string().nullable(),
  reader: z.string(),
  pin: z.string(),
  /** the id of the card on the reader now, null when none of ours is */
  onReader: z.string().nullable(),
  cards: z.array(z.strictObject({ id: z.string(), label: z.string() })),
});
export type DemoChipCardsView = z.output<typeof DemoChipCardsView>;
/** `id` null: take the card off the reader */
export const PutDemoChipCardInput = z.strictObject({ id: z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/).nullable() });
