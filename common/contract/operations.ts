import { z } from 'zod';
import { APPLICATION_STATUSES } from '../domain/application-status';
import type { OperationName } from './operation-names';
import {
  CaseFormsOutput, CaseRef, CreateCaseInput, DiscardCaseOutput, FormListOutput, ListCasesInput, ListCasesOutput, RenderPrintInput, RenderPrintOutput,
  RunNavigatorOutput, SubmitCaseOutput, UpdateCaseInput, VisitCaseView,
} from './case-operations';
import {
  DiscardScannerImageInput, ListScannerImagesOutput, OcrStatusInput, OcrStatusOutput, ReadCardInput, ReadCardOutput, ReadScannerImageInput,
} from './card-operations';
import {
  CancelChipReadOutput, ChipPinRequestOutput, ChipReadersOutput, ChipSessionRef, ChipSessionState, StartChipReadInput, StartChipReadOutput,
  SubmitChipPinInput, SubmitChipPinOutput,
} from './chip-operations';
import { SuggestNameReadingsInput, SuggestNameReadingsOutput } from './name-operations';
import { LookupPostalCodeInput, LookupPostalCodeOutput, SuggestPostalCodeInput, SuggestPostalCodeOutput } from './address-operations';
import { GetRegisterHouseholdInput, GetRegisterHouseholdOutput, SearchResidentsInput, SearchResidentsOutput } from './register-operations';
import {
  AccountView, CreateAccountInput, CreateFirstAdminInput, ListAccountsOutput, ListAuditLogInput, ListAuditLogOutput, LockInput, NoteActivityInput, PasswordInput,
  RevealMyNumberInput, SessionView, SignInInput,
} from './account-operations';
import {
  AskResidentPhoneInput, AskResidentPhoneOutput, AwaitResidentPhoneInput, AwaitResidentPhoneOutput, EndResidentPhoneInput, EndResidentPhoneOutput, ResidentScreenInfo, ResidentScreenKind, ShowResidentConfirmInput,
} from './resident-operations';
import {
  DemoChipCardsView, DrillStateView, GetSampleCardInput, GetSampleCardOutput, ListSampleCardsOutput, PutDemoChipCardInput, ResetDemoInput, ResetDemoOutput, SendReturnNowOutput, SetDrillInput,
} from './training-operations';

export { OPERATION_NAMES, isOperationName, type OperationName } from './operation-names';

/**
 * The one API contract between the UI and the services. Each operation has a zod schema for its
 * input and output; the Electron preload bridge and the browser-mode HTTP bridge both implement
 * exactly this (see bridge.ts), and main validates every call against the input schema.
 * Input schemas are strict (extra fields are refused) and bound every string and collection.
 */
const Empty = z.strictObject({});
const IsoDateTime = z.string().max(40);

export const AppInfo = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  /** ISO calendar date of the counter PC, the "today" for validation */
  today: z.string(),
  backend: z.strictObject({ url: z.string(), simulated: z.boolean() }),
  /** the city this counter serves (config.json `city`); absent when not configured */
  city: z.strictObject({ prefecture: z.string(), municipality: z.string() }).optional(),
  /**
   * true where the host prints itself (Electron: the system print dialog, or silently on the
   * configured `printer.deviceName`) through printNative; false in browser mode, where the UI
   * opens the PDF in the browser's print view
   */
  nativePrint: z.boolean(),
});

const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SubmitApplicationInput = z.strictObject({
  formId: z.string().min(1).max(64),
  /** the visit case this belongs to; a new case when absent */
  caseId: Id.optional(),
  /** the 差戻し / 要対応 application this corrects (it becomes its next version) */
  supersedesId: Id.optional(),
  values: z.record(z.string().max(64), z.string().max(2000)).refine((v) => Object.keys(v).length <= 100, {
    message: 'too many fields',
  }),
});
export const SubmitApplicationOutput = z.strictObject({
  applicationId: z.string(),
  warnings: z.record(z.string(), z.string()),
});

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);

/** One earlier version of a corrected application: the one it replaced, with the 受付番号 that version got. */
export const ReplacedVersion = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  /** null when that version never reached the back end (要対応 before sending) */
  receiptNumber: z.string().nullable(),
  status: ApplicationStatusSchema,
});

export const QueueItem = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  /** 1 for the first submission, 2 for its first correction, … */
  version: z.number().int(),
  formId: z.string(),
  formTitle: z.string(),
  /** 氏名 of the person the application is for, for the clerk's queue screen */
  personName: z.string(),
  status: ApplicationStatusSchema,
  receiptNumber: z.string().nullable(),
  statusReason: z.string().nullable(),
  /** 取消 was asked for while it was being sent: decided when that attempt ends */
  cancelRequested: z.boolean(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** when a waiting application will be tried again */
  nextAttemptAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** the versions this one replaces (差戻し → 再提出), first submission first; empty for a first submission */
  history: z.array(ReplacedVersion),
});
export const ListQueueInput = z.strictObject({
  status: ApplicationStatusSchema.optional(),
  caseId: Id.optional(),
  fromDay: IsoDay.optional(),
  toDay: IsoDay.optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export const ListQueueOutput = z.strictObject({ total: z.number().int(), items: z.array(QueueItem) });

export const ApplicationRef = z.strictObject({ applicationId: Id });
export const ApplicationDetail = z.strictObject({
  id: z.string(),
  formId: z.string(),
  caseId: z.string(),
  status: ApplicationStatusSchema,
  values: z.record(z.string(), z.string()),
});

/** One queued application printed on its own (a corrected 差戻し with the 受付番号 it replaces). */
export const RenderApplicationPrintInput = z.strictObject({ applicationId: Id, format: z.enum(['html', 'pdf']) });

/** What printNative prints: a visit case's sheets (as renderPrint) or one queued application (as renderApplicationPrint). */
export const PrintSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case'), caseId: Id, target: z.enum(['all', 'form', 'summary']), formKey: z.string().min(1).max(200).optional() }),
  z.strictObject({ kind: z.literal('application'), applicationId: Id }),
]);
export const PrintNativeInput = z.strictObject({ source: PrintSource });
export const PrintNativeOutput = z.strictObject({
  /** false: the clerk closed the system print dialog without printing */
  printed: z.boolean(),
  /** the printer it went to without a dialog (config printer.deviceName); null when the dialog chose */
  deviceName: z.string().nullable(),
});

export const QueueStats = z.strictObject({
  total: z.number().int(),
  pending: z.number().int(),
  inFlight: z.number().int(),
  /** 送信済: handed over by file exchange, awaiting the back end's import (取込済 → 受理) */
  delivered: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
});

export const SyncStatus = z.strictObject({
  connection: z.enum(['online', 'offline', 'unknown']),
  sending: z.boolean(),
  lastSuccessAt: IsoDateTime.nullable(),
  /** Japanese, for the clerk */
  lastError: z.string().nullable(),
});

export const operations = {
  getAppInfo: { input: Empty, output: AppInfo },
  submitApplication: { input: SubmitApplicationInput, output: SubmitApplicationOutput },
  getApplication: { input: ApplicationRef, output: ApplicationDetail },
  /** cancelled false: it was being sent; the 取消 takes effect if that attempt does not deliver it */
  cancelApplication: { input: ApplicationRef, output: z.strictObject({ cancelled: z.boolean() }) },
  listQueue: { input: ListQueueInput, output: ListQueueOutput },
  getQueueStats: { input: Empty, output: QueueStats },
  getSyncStatus: { input: Empty, output: SyncStatus },
  syncNow: { input: Empty, output: z.strictObject({ accepted: z.boolean() }) },
  createCase: { input: CreateCaseInput, output: VisitCaseView },
  getCase: { input: CaseRef, output: VisitCaseView },
  updateCase: { input: UpdateCaseInput, output: VisitCaseView },
  listCases: { input: ListCasesInput, output: ListCasesOutput },
  runNavigator: { input: CaseRef, output: RunNavigatorOutput },
  listForms: { input: Empty, output: FormListOutput },
  getCaseForms: { input: CaseRef, output: CaseFormsOutput },
  submitCase: { input: CaseRef, output: SubmitCaseOutput },
  discardCase: { input: CaseRef, output: DiscardCaseOutput },
  renderPrint: { input: RenderPrintInput, output: RenderPrintOutput },
  renderApplicationPrint: { input: RenderApplicationPrintInput, output: RenderPrintOutput },
  printNative: { input: PrintNativeInput, output: PrintNativeOutput },
  getOcrStatus: { input: OcrStatusInput, output: OcrStatusOutput },
  readCard: { input: ReadCardInput, output: ReadCardOutput },
  listScannerImages: { input: Empty, output: ListScannerImagesOutput },
  readScannerImage: { input: ReadScannerImageInput, output: ReadCardOutput },
  discardScannerImage: { input: DiscardScannerImageInput, output: z.strictObject({ discarded: z.boolean() }) },
  chipReaders: { input: Empty, output: ChipReadersOutput },
  startChipRead: { input: StartChipReadInput, output: StartChipReadOutput },
  chipSessionState: { input: ChipSessionRef, output: ChipSessionState },
  getChipPinRequest: { input: Empty, output: ChipPinRequestOutput },
  submitChipPin: { input: SubmitChipPinInput, output: SubmitChipPinOutput },
  cancelChipRead: { input: ChipSessionRef, output: CancelChipReadOutput },
  suggestNameReadings: { input: SuggestNameReadingsInput, output: SuggestNameReadingsOutput },
  lookupPostalCode: { input: LookupPostalCodeInput, output: LookupPostalCodeOutput },
  suggestPostalCode: { input: SuggestPostalCodeInput, output: SuggestPostalCodeOutput },
  searchResidents: { input: SearchResidentsInput, output: SearchResidentsOutput },
  getRegisterHousehold: { input: GetRegisterHouseholdInput, output: GetRegisterHouseholdOutput },
  getSession: { input: Empty, output: SessionView },
  signIn: { input: SignInInput, output: SessionView },
  signOut: { input: Empty, output: SessionView },
  lock: { input: LockInput, output: SessionView },
  noteActivity: { input: NoteActivityInput, output: SessionView },
  unlock: { input: PasswordInput, output: SessionView },
  createFirstAdmin: { input: CreateFirstAdminInput, output: SessionView },
  createAccount: { input: CreateAccountInput, output: AccountView },
  listAccounts: { input: Empty, output: ListAccountsOutput },
  revealMyNumber: { input: RevealMyNumberInput, output: z.strictObject({ revealed: z.boolean() }) },
  listAuditLog: { input: ListAuditLogInput, output: ListAuditLogOutput },
  getResidentScreen: { input: Empty, output: ResidentScreenInfo },
  openResidentWindow: { input: Empty, output: z.strictObject({ opened: z.boolean() }) },
  showResidentConfirm: { input: ShowResidentConfirmInput, output: ResidentScreenKind },
  clearResidentDisplay: { input: Empty, output: ResidentScreenKind },
  askResidentPhone: { input: AskResidentPhoneInput, output: AskResidentPhoneOutput },
  awaitResidentPhone: { input: AwaitResidentPhoneInput, output: AwaitResidentPhoneOutput },
  endResidentPhone: { input: EndResidentPhoneInput, output: EndResidentPhoneOutput },
  getDrills: { input: Empty, output: DrillStateView },
  setDrill: { input: SetDrillInput, output: DrillStateView },
  sendReturnNow: { input: Empty, output: SendReturnNowOutput },
  restoreDrills: { input: Empty, output: DrillStateView },
  resetDemo: { input: ResetDemoInput, output: ResetDemoOutput },
  listSampleCards: { input: Empty, output: ListSampleCardsOutput },
  getSampleCard: { input: GetSampleCardInput, output: GetSampleCardOutput },
  getDemoChipCards: { input: Empty, output: DemoChipCardsView },
  putDemoChipCard: { input: PutDemoChipCardInput, output: DemoChipCardsView },
} as const satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>;

export type Operations = typeof operations;
// Both directions: no schema without a name, no name without a schema.
const _everyNameHasSchema: Record<OperationName, unknown> = operations;
void _everyNameHasSchema;

export type OpInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OpOutput<K extends OperationName> = z.output<Operations[K]['output']>;
export type QueueItem = z.output<typeof QueueItem>;
export type ReplacedVersion = z.output<typeof ReplacedVersion>;
export type PrintSource = z.output<typeof PrintSource>;
export type QueueStats = z.output<typeof QueueStats>;
export type SyncStatus = z.output<typeof SyncStatus>;
export type AppInfo = z.output<typeof AppInfo>;
