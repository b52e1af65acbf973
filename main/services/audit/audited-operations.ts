import type { z } from 'zod';
import type { OperationName, Operations, OpOutput } from '../../../common/contract/operations';
import type { Result } from '../../../common/contract/result';
import type { AuditEvent } from '../../../common/accounts/audit-events';
import type { Handlers } from '../api/handlers';
import type { Db } from '../store/open-database';
import type { AuditLog, AuditRecord } from './audit-log';

type Ids = Omit<AuditRecord, 'actor' | 'event'>;

interface Rule<K extends OperationName> {
  event: AuditEvent;
  ids(input: z.output<Operations[K]['input']>, output: OpOutput<K>): Ids;
  /**
   * The operation awaits something (OCR, PDF) and writes nothing to SQLite: its entry is appended
   * once it has answered. All others run in one transaction with their entry.
   */
  afterAnswer?: true;
}

/**
 * The operations that leave an entry in the audit trail (every write, and every read of one
 * resident's case or application), with what the entry says: ids, counts and codes only.
 * Sign-in, lock, 個人番号 reveal and account changes are recorded by the accounts service itself,
 * exports and purges by whoever runs them.
 */
export const AUDITED_OPERATIONS: { [K in OperationName]?: Rule<K> } = {
  createCase: { event: 'case.created', ids: (_i, o) => ({ caseId: o.id }) },
  getCase: { event: 'case.opened', ids: (i) => ({ caseId: i.caseId }) },
  updateCase: {
    event: 'case.updated',
    ids: (i) => ({ caseId: i.caseId, ...(i.form ? { personRef: i.form.key } : {}), detail: { household: i.data !== undefined, selection: i.selection !== undefined, form: i.form?.key ?? null, confirm: i.form?.confirm ?? null, forms: i.forms?.map((f) => `${f.key}${f.confirm ? ':confirm' : ''}`).join(',') ?? null } }),
  },
  discardCase: { event: 'case.discarded', ids: (i) => ({ caseId: i.caseId }) },
  // the case's names, address and birth dates put on the display facing the resident
  showResidentConfirm: { event: 'case.shown_to_resident', ids: (i) => ({ caseId: i.caseId }) },
  submitCase: { event: 'case.submitted', ids: (i, o) => ({ caseId: i.caseId, detail: { applications: o.applicationIds.length, ids: o.applicationIds.join(',') } }) },
  submitApplication: {
    event: 'application.submitted',
    ids: (i, o) => ({ caseId: i.caseId ?? null, applicationId: o.applicationId, detail: { formId: i.formId, corrects: i.supersedesId ?? null } }),
  },
  getApplication: { event: 'application.opened', ids: (i, o) => ({ applicationId: i.applicationId, caseId: o.caseId }) },
  cancelApplication: { event: 'application.cancelled', ids: (i) => ({ applicationId: i.applicationId }) },
  syncNow: { event: 'queue.sent_now', ids: () => ({}) },
  renderPrint: {
    event: 'print',
    afterAnswer: true,
    ids: (i, o) => ({ caseId: i.caseId, personRef: i.formKey ?? null, detail: { target: i.target, format: i.format, pages: o.pages } }),
  },
  renderApplicationPrint: {
    event: 'print',
    afterAnswer: true,
    ids: (i, o) => ({ applicationId: i.applicationId, detail: { target: 'application', format: i.format, pages: o.pages } }),
  },
  printNative: {
    event: 'print',
    afterAnswer: true,
    ids: (i, o) => ({
      ...(i.source.kind === 'case' ? { caseId: i.source.caseId, personRef: i.source.formKey ?? null } : { applicationId: i.source.applicationId }),
      detail: { target: i.source.kind === 'case' ? i.source.target : 'application', format: 'printer', printed: o.printed, silent: o.deviceName !== null },
    }),
  },
  readCard: { event: 'card.read', afterAnswer: true, ids: (i, o) => ({ detail: { side: i.side, source: 'image', found: 'myNumber' in o ? o.myNumber !== null : true } }) },
  // the clerk's act of reading a card's chip (the resident's PIN follows on the resident page): how, and whether the 個人番号 was asked for
  startChipRead: {
    event: 'card.read',
    afterAnswer: true,
    ids: (i) => ({ caseId: i.caseId ?? null, detail: { side: 'chip', source: i.method, number: i.method === 'pin' && i.includeNumber } }),
  },
  readScannerImage: { event: 'card.read', afterAnswer: true, ids: () => ({ detail: { side: 'front', source: 'scanner' } }) },
  // a read of residents' data in the register: how it was searched and how many answered, never who
  searchResidents: { event: 'register.looked_up', afterAnswer: true, ids: (i, o) => ({ detail: { lookup: 'search', by: i.by, found: o.persons.length } }) },
  getRegisterHousehold: {
    event: 'register.looked_up',
    afterAnswer: true,
    ids: (_i, o) => ({ detail: { lookup: 'household', persons: o.persons.length, statuses: o.statuses.length } }),
  },
  setDrill: { event: 'training.drill', ids: (i) => ({ detail: { drill: i.drill, on: i.on } }) },
  sendReturnNow: { event: 'training.drill', ids: (_i, o) => ({ detail: { drill: 'returnNow', returned: o.receiptNumber !== null } }) },
  restoreDrills: { event: 'training.drill', ids: () => ({ detail: { drill: 'all', on: false } }) },
  putDemoChipCard: { event: 'training.drill', afterAnswer: true, ids: (i) => ({ detail: { drill: 'chipCard', on: i.id !== null } }) },
  resetDemo: { event: 'demo.reset', ids: (_i, o) => ({ detail: { cases: o.cases, applications: o.applications } }) },
};

export interface AuditDeps {
  db: Db;
  audit: AuditLog;
  /** who is signed in (the account id), at the moment of the call */
  actor(): string;
}

/**
 * Wraps the audited handlers so that an operation and its entry commit together (one user action
 * = one transaction): if either fails, neither is stored. Failed operations (a typed error) leave
 * no entry; nothing was done.
 */
export function withAudit(handlers: Handlers, d: AuditDeps): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [op, rule] of Object.entries(AUDITED_OPERATIONS) as [OperationName, Rule<OperationName>][]) {
    const handler = handlers[op] as (input: unknown) => Result<unknown> | Promise<Result<unknown>>;
    const record = (input: unknown, r: Result<unknown>) => {
      if (r.ok) d.audit.append({ actor: d.actor(), event: rule.event, ...rule.ids(input as never, r.value as never) });
    };
    wrapped[op] = rule.afterAnswer
      ? async (input: unknown) => {
          const r = await handler(input);
          record(input, r);
          return r;
        }
      : (input: unknown) =>
          d.db
            .transaction(() => {
              const r = handler(input);
              if (r instanceof Promise) throw new Error(`audited operation ${op} must answer synchronously to share its transaction`);
              record(input, r);
              return r;
            })
            .immediate();
  }
  return wrapped as Handlers;
}
