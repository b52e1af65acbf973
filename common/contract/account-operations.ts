import { z } from 'zod';
import { ROLES } from '../accounts/roles';
import { AUDIT_EVENTS } from '../accounts/audit-events';

/**
 * Schemas of sign-in, screen lock and the audit trail. A password crosses only as input to the
 * operation that checks it, is never echoed back, and is bounded like every other string.
 */
const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z-]+$/);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AccountName = z.string().trim().min(1).max(40);
/** the minimum length is the accounts service's rule (MIN_PASSWORD_LENGTH), checked there with a clear message */
export const Password = z.string().min(1).max(200);
export const RoleSchema = z.enum(ROLES);

export const SessionUser = z.strictObject({ id: z.string(), name: z.string(), role: RoleSchema, demo: z.boolean() });
export const SessionView = z.strictObject({
  /** no account exists yet: the first-run screen creates the admin */
  firstRun: z.boolean(),
  user: SessionUser.nullable(),
  locked: z.boolean(),
  /** idle minutes before the screen locks itself (config `lockAfterMinutes`) */
  lockAfterMinutes: z.number(),
  /** the simulated back end's training accounts (names and the documented password); empty otherwise */
  demoAccounts: z.array(z.strictObject({ name: z.string(), role: RoleSchema })),
  demoPassword: z.string().nullable(),
});

export const SignInInput = z.strictObject({ name: AccountName, password: Password });
export const PasswordInput = z.strictObject({ password: Password });
/** The screen saw the clerk's mouse or keyboard (sent at most once a minute): keeps the services' idle lock back. */
export const NoteActivityInput = z.strictObject({});
export const LockInput = z.strictObject({ reason: z.enum(['hotkey', 'idle', 'button']) });
export const CreateAccountInput = z.strictObject({ name: AccountName, password: Password, role: RoleSchema });
export const CreateFirstAdminInput = z.strictObject({ name: AccountName, password: Password });
export const AccountView = z.strictObject({ id: z.string(), name: z.string(), role: RoleSchema, demo: z.boolean(), createdAt: z.string() });
export const ListAccountsOutput = z.strictObject({ items: z.array(AccountView) });

/** Asking for the password again before a masked 個人番号 is shown; which person, by ids only. */
export const RevealMyNumberInput = z.strictObject({
  password: Password,
  caseId: Id.optional(),
  /** which number: the form field's key (e.g. "persons.1.myNumber") or "card-back"; never the number itself */
  personRef: z.string().max(100).regex(/^[^\d\u0000-\u001f]*(\d{1,2}[^\d\u0000-\u001f]+)*\d{0,2}$/).optional(),
});

export const AuditEventSchema = z.enum(AUDIT_EVENTS);
export const ListAuditLogInput = z.strictObject({
  actor: Id.optional(),
  event: AuditEventSchema.optional(),
  day: IsoDay.optional(),
  /** entries with a lower seq than this (paging newest first) */
  beforeSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** also check the whole chain (a walk over every entry: asked once per visit of the screen, not per filter) */
  verify: z.boolean().optional(),
});
export const AuditEntryView = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** the account's name, when the actor is an account */
  actorName: z.string().nullable(),
  event: z.string(),
  caseId: z.string().nullable(),
  applicationId: z.string().nullable(),
  personRef: z.string().nullable(),
  terminal: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const ListAuditLogOutput = z.strictObject({
  items: z.array(AuditEntryView),
  /** every account, for the "who" filter */
  actors: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  /** the chain checked from its start: intact, or the first bad entry */
  verified: z.strictObject({ ok: z.boolean(), entries: z.number().int(), firstBadSeq: z.number().int().nullable(), problem: z.string().nullable() }).nullable(),
});

export type SessionView = z.output<typeof SessionView>;
export type AuditEntryView = z.output<typeof AuditEntryView>;
