import { z } from 'zod';
import { HEALTH_INSURANCES, LIFE_EVENTS, MY_NUMBER_SOURCES, PENSIONS, RELATIONS, SEXES } from '../domain/household';
import { CASE_STATUSES } from '../cases/visit-case';
import { APPLICATION_STATUSES } from '../domain/application-status';

/**
 * Schemas of the visit-case operations (手続きナビ, enter-once forms, print, submit). Inputs are
 * strict and bound every string and collection; names cross exactly as typed (no normalization).
 */
const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = (max: number) => z.string().max(max);
const Answers = z
  .record(z.string().min(1).max(64), z.string().max(2000))
  .refine((v) => Object.keys(v).length <= 100, { message: 'too many answers' });
const FormValues = z
  .record(z.string().min(1).max(64), z.string().max(2000))
  .refine((v) => Object.keys(v).length <= 300, { message: 'too many fields' });

const RegisterText = Text(200);
const RegisterRecordSchema = z.strictObject({
  residentCode: z.string().regex(/^\d{11}$/),
  householdNumber: Text(40),
  name: Text(100),
  kana: Text(100),
  birthDate: IsoDay,
  sexCode: Text(4),
  sex: Text(8),
  relationship: Text(40),
  address: RegisterText,
  honseki: RegisterText.optional(),
  hittousha: Text(100).optional(),
  status: z
    .strictObject({
      kokuho: Text(40).optional(),
      kaigo: Text(40).optional(),
      kouki: Text(40).optional(),
      nenkin: Text(40).optional(),
      kokuhoNumber: Text(40).optional(),
      koukiNumber: Text(40).optional(),
      kaigoNumber: Text(40).optional(),
      basicPensionNumber: Text(40).optional(),
    })
    .optional(),
});
const CardFrontSchema = z.strictObject({
  familyName: Text(40),
  givenName: Text(40),
  birthDate: z.union([IsoDay, z.literal('')]),
  sex: z.enum(['男', '女', '']),
  address: RegisterText,
});

export const CasePersonSchema = z.strictObject({
  familyName: Text(40).optional(),
  givenName: Text(40).optional(),
  familyNameKana: Text(60).optional(),
  givenNameKana: Text(60).optional(),
  /** ISO date, or '' while not yet entered */
  birthDate: z.union([IsoDay, z.literal('')]),
  sex: z.enum(SEXES).optional(),
  relation: z.enum(RELATIONS),
  healthInsurance: z.enum(HEALTH_INSURANCES),
  pension: z.enum(PENSIONS),
  careCertified: z.boolean(),
  myNumber: z.string().regex(/^\d{0,12}$/).optional(),
  nationality: Text(40).optional(),
  phone: Text(20).optional(),
  answers: Answers.optional(),
  /** what the 住民基本台帳 holds for this person, when they were picked from it (exact strings) */
  register: RegisterRecordSchema.optional(),
  /** the card's front as the clerk confirmed it, for a person from the register (compared with it) */
  card: CardFrontSchema.optional(),
});

export const CaseHouseholdSchema = z.strictObject({
  postalCode: Text(10).optional(),
  address: Text(200).optional(),
  previousPostalCode: Text(10).optional(),
  previousAddress: Text(200).optional(),
  nextAddress: Text(200).optional(),
  headIndex: z.number().int().min(0).max(19).optional(),
});

export const CaseDataSchema = z.strictObject({
  event: z.enum(LIFE_EVENTS),
  date: IsoDay,
  persons: z.array(CasePersonSchema).max(20),
  household: CaseHouseholdSchema,
  applicantIndex: z.number().int().min(0).max(19).optional(),
});

/**
 * A person as the services show them: also where their 個人番号 was read from (a card), a fact the
 * services record from the card read itself; what the screen sends never sets it.
 */
const CasePersonView = CasePersonSchema.extend({ myNumberSource: z.enum(MY_NUMBER_SOURCES).optional() });
const CaseDataView = CaseDataSchema.extend({ persons: z.array(CasePersonView) });

const ProcedureOut = z.object({
  key: z.string(),
  formId: z.string(),
  title: z.string(),
  gyomu: z.string(),
  ruleId: z.string(),
  required: z.boolean(),
  needsConfirmation: z.boolean(),
  selected: z.boolean(),
  reason: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  warning: z.string().optional(),
  legalBasis: z.string().optional(),
  persons: z.array(z.number().int()),
});

const CaseFormOut = z.object({
  key: z.string(),
  formId: z.string(),
  title: z.string(),
  gyomu: z.string(),
  ruleId: z.string(),
  persons: z.array(z.number().int()),
  values: z.record(z.string(), z.string()),
  fromCase: z.array(z.string()),
  /** field key → index of the person whose data the field holds (household and event fields absent) */
  owners: z.record(z.string(), z.number().int()),
  /** 個人番号 field keys showing a number read from that person's card (shown and printed as 確認済み) */
  verifiedMyNumbers: z.array(z.string()),
  fieldErrors: z.record(z.string(), z.string()),
  warnings: z.record(z.string(), z.string()),
  valid: z.boolean(),
  confirmed: z.boolean(),
  applicationId: z.string().nullable(),
  /** where the queued application stands now (its latest version after a correction); null until queued */
  applicationStatus: z.enum(APPLICATION_STATUSES).nullable().optional(),
});

export const VisitCaseView = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  data: CaseDataView,
  answers: z.record(z.string(), z.string()),
  problems: z.array(z.string()),
  procedures: z.array(ProcedureOut),
  forms: z.array(CaseFormOut),
});

export const CaseRef = z.strictObject({ caseId: Id });

export const CreateCaseInput = z.strictObject({ data: CaseDataSchema.optional() });

const FormEdit = z.strictObject({ key: z.string().min(1).max(200), values: FormValues, confirm: z.boolean() });

export const UpdateCaseInput = z.strictObject({
  caseId: Id,
  data: CaseDataSchema.optional(),
  /** procedure key → chosen */
  selection: z
    .record(z.string().min(1).max(200), z.boolean())
    .refine((v) => Object.keys(v).length <= 100, { message: 'too many procedures' })
    .optional(),
  /** what the clerk typed into one form; `confirm` marks it checked with the resident */
  form: FormEdit.optional(),
  /** the same for several forms at once (まとめて確認: one action of the clerk, one transaction), after `form` */
  forms: z.array(FormEdit).min(1).max(30).optional(),
  /**
   * the clerk confirmed the 個人番号 that card read `readId` (a back side) found: it becomes person
   * `person`'s number, recorded as read from the card. The number itself does not cross again: the
   * services take it from their own record of that read, so nothing but a real card read is 確認済み.
   */
  cardMyNumber: z.strictObject({ person: z.number().int().min(0).max(19), readId: Id }).optional(),
});

export const ListCasesInput = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export const CaseSummary = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  event: z.enum(LIFE_EVENTS),
  date: z.string(),
  /** 氏名 of the 本人 (for the clerk's list), '' when not entered yet */
  name: z.string(),
  persons: z.number().int(),
  forms: z.number().int(),
  updatedAt: z.string(),
});
export const ListCasesOutput = z.object({ items: z.array(CaseSummary) });

export const RunNavigatorOutput = z.object({ problems: z.array(z.string()), procedures: z.array(ProcedureOut) });

export const FormListOutput = z.object({
  forms: z.array(z.object({ id: z.string(), title: z.string(), gyomu: z.string(), version: z.number().int(), localGyomu: z.boolean() })),
});

export const CaseFormsOutput = z.object({ problems: z.array(z.string()), forms: z.array(CaseFormOut) });

export const SubmitCaseOutput = z.object({
  /** application ids in case order */
  applicationIds: z.array(z.string()),
  /** forms not sent because they were not confirmed */
  unconfirmed: z.array(z.string()),
});

/** The clerk discards a saved (open) case: its content is deleted. */
export const DiscardCaseOutput = z.object({ discarded: z.literal(true) });

export const RenderPrintInput = z.strictObject({
  caseId: Id,
  /** every chosen form then the summary sheet, one form, or the summary sheet alone */
  target: z.enum(['all', 'form', 'summary']),
  formKey: z.string().min(1).max(200).optional(),
  format: z.enum(['html', 'pdf']),
});
export const RenderPrintOutput = z.object({
  mimeType: z.enum(['text/html', 'application/pdf']),
  fileName: z.string(),
  /** the HTML (format html) or the PDF bytes in base64 (format pdf) */
  content: z.string(),
  /** PDF pages; null for HTML */
  pages: z.number().int().nullable(),
});

export type VisitCaseView = z.output<typeof VisitCaseView>;
export type CaseDataDto = z.output<typeof CaseDataSchema>;
export type CasePersonDto = z.output<typeof CasePersonSchema>;
export type CaseSummary = z.output<typeof CaseSummary>;
export type CaseFormView = z.output<typeof CaseFormOut>;
export type CaseProcedureView = z.output<typeof ProcedureOut>;
