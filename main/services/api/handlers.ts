import type { z } from 'zod';
import type { Operations, OperationName, OpOutput, AppInfo } from '../../../common/contract/operations';
import { fail, ok, type Result } from '../../../common/contract/result';
import { findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import { isKnownFieldKey } from '../../../common/forms/form-keys';
import { upgradeStoredValues } from '../../../common/forms/stored-values';
import type { FormDefinition } from '../../../common/forms/form-definition';
import { SupersedeError, type ApplicationRepository } from '../store/application-repository';
import type { SyncEngine } from '../sync/sync-engine';
import { uuidv7 } from '../ids';
import { createCaseHandlers, type CaseDeps } from './case-handlers';
import { createCardHandlers, type CardDeps } from './card-handlers';
import { createChipHandlers } from './chip-handlers';
import type { ChipReading } from '../chip/chip-reading';
import { createNameHandlers } from './name-handlers';
import { createAddressHandlers } from './address-handlers';
import { createRegisterHandlers } from './register-handlers';
import type { RegisterClient } from '../register/register-client';
import type { Logger } from '../log';
import { CardNumberReads } from './card-number-reads';
import { createAccountHandlers, type AccountDeps } from './account-handlers';
import { createPrintHandlers } from './print-handlers';
import { createTrainingHandlers, type TrainingDeps } from './training-handlers';
import type { NativePrinter } from '../print/native-printer';
import type { NameReadings } from '../../../common/names/name-readings';
import type { AddressMaster } from '../../../common/address/address-master';
import { createResidentClerkHandlers, type ResidentDeps } from './resident-handlers';
import { ResidentDisplay } from '../resident/resident-display';

export type Handlers = {
  [K in OperationName]: (input: z.output<Operations[K]['input']>) => Result<OpOutput<K>> | Promise<Result<OpOutput<K>>>;
};

export interface HandlerDeps {
  repo: ApplicationRepository;
  sync: SyncEngine;
  info: () => AppInfo;
  today: () => string;
  /** visit cases (手続きナビ, forms, print); the case operations answer an error without it */
  cases?: CaseDeps;
  /** card reading (OCR, QR); the card operations answer an error without it */
  cards?: CardDeps;
  /** the card's IC chip over PC/SC; the chip operations say "not available" without it */
  chip?: ChipReading;
  /** name readings for the ふりがな suggestions; empty suggestions without it */
  /** the ふりがな tables, or a getter that reads them on first use */
  names?: NameReadings | (() => NameReadings);
  /** the address master for 郵便番号 ⇄ 住所 (read on first use); empty answers without it */
  addresses?: () => AddressMaster | null;
  /** sign-in, lock, accounts, audit trail; the account operations answer an error without it */
  accounts?: AccountDeps;
  /** paper printing by the host (Electron); printNative answers NOT_READY without it */
  printer?: NativePrinter;
  /** config `printer.deviceName`: the printer printNative prints on without a dialog */
  printerName?: string;
  /** the 住民基本台帳 lookup (config.json `register`), made on first use; the register operations say "not configured" without it */
  register?: () => RegisterClient;
  /** for the register operations' configuration problems */
  log?: Logger;
  /** the resident-facing screen: what it shows and how this host opens it */
  resident?: ResidentDeps;
  /** the demo's drills and reset; absent in production (the training operations refuse) */
  training?: TrainingDeps;
}

const NOT_FOUND = { code: 'NOT_FOUND', message: '申請が見つかりません。' } as const;

export function createHandlers(d: HandlerDeps): Handlers {
  // numbers read from card backs, between the read and the clerk's confirmation for a person
  const cardNumbers = new CardNumberReads();
  return {
    getAppInfo: () => ok(d.info()),

    submitApplication: ({ formId, values, caseId, supersedesId }) => {
      const form = findForm(formId);
      if (!form) return fail({ code: 'NOT_FOUND', message: `様式「${formId}」は登録されていません。` });
      if (Object.keys(values).some((k) => !isKnownFieldKey(form, k))) return fail({ code: 'INVALID_INPUT', message: 'この様式にない項目が送られました。' });
      const v = validateForm(form, values, d.today());
      if (!v.ok) return fail({ code: 'VALIDATION_FAILED', message: '入力内容を確認してください。', fieldErrors: v.fieldErrors });
      let target = { caseId: caseId ?? uuidv7(), caseOrder: 0 };
      if (supersedesId) {
        const old = d.repo.payloadOf(supersedesId);
        if (!old) return fail(NOT_FOUND);
        if (old.formId !== form.id) return fail({ code: 'INVALID_INPUT', message: '修正版は元の申請と同じ様式で作成してください。' });
        // the correction takes the original's place in its visit case
        target = { caseId: old.caseId, caseOrder: old.caseOrder };
      } else if (caseId) {
        target.caseOrder = d.repo.list({ caseId, limit: 1 }).total;
      }
      try {
        const { id } = d.repo.enqueue({
          ...target,
          formId: form.id,
          formVersion: form.version,
          payload: v.values,
          personName: personLabel(form, v.values),
          ...(supersedesId ? { supersedesId } : {}),
        });
        d.sync.kick();
        return ok({ applicationId: id, warnings: v.warnings });
      } catch (err) {
        if (err instanceof SupersedeError) return fail({ code: 'INVALID_INPUT', message: err.message });
        throw err;
      }
    },

    getApplication: ({ applicationId }) => {
      const a = d.repo.payloadOf(applicationId);
      if (!a) return fail(NOT_FOUND);
      const stored = Object.fromEntries(Object.entries(a.payload).filter((e): e is [string, string] => typeof e[1] === 'string'));
      // a correction opens as the current form reads it (an account written before 受取口座 existed stays written)
      const form = findForm(a.formId);
      const values = form ? upgradeStoredValues(form, stored) : stored;
      return ok({ id: applicationId, formId: a.formId, caseId: a.caseId, status: a.status, values });
    },

    cancelApplication: ({ applicationId }) => {
      const r = d.repo.cancel(applicationId);
      if (r === 'not_found') return fail(NOT_FOUND);
      if (r === 'not_cancellable') return fail({ code: 'INVALID_INPUT', message: 'すでに送信された申請は取り消せません。基幹システム側で取り下げてください。' });
      return ok({ cancelled: r === 'cancelled' });
    },

    listQueue: (input) => ok(d.repo.list(input)),
    getQueueStats: () => ok(d.repo.stats()),
    getSyncStatus: () => ok(d.sync.status()),
    syncNow: () => {
      d.sync.sendNow();
      return ok({ accepted: true });
    },
    ...createCaseHandlers(d, cardNumbers),
    ...createPrintHandlers(d),
    ...createCardHandlers(d.cards, cardNumbers),
    ...createChipHandlers(d.chip, cardNumbers),
    ...createNameHandlers(d.names),
    ...createAddressHandlers(d.addresses),
    ...createRegisterHandlers(d.register, d.log ?? (() => undefined)),
    ...createAccountHandlers(d.accounts),
    ...createResidentClerkHandlers(d, d.resident ?? { display: new ResidentDisplay(false, { clerkPresent: () => false, pinRequest: () => null }) }),
    ...createTrainingHandlers(d.training),
  };
}

/** The name shown in the queue: the form's person, or the first listed member of a multi-person form. */
export function personLabel(form: FormDefinition, values: Record<string, string>): string {
  // The form's first person-name field with a value, wherever the form keeps it (the 請求者 of 児童手当,
  // the 被保険者 of 後期高齢, the 亡くなった方 of 死亡届, the first row of a 世帯 list): a name field is one
  // bound to a person's familyName, and its 名 is the field bound to the same person's givenName.
  const named = [
    ...form.fields.map((f) => ({ f, key: f.id, at: '' })),
    ...(form.groups ?? []).flatMap((g) => g.fields.map((f) => ({ f, key: `${g.id}.0.${f.id}`, at: `${g.id}.0.` }))),
  ];
  for (const { f, key, at } of named) {
    if (f.kind !== 'name' || !f.bind?.endsWith('.familyName') || !values[key]) continue;
    const givenBind = f.bind.replace(/familyName$/, 'givenName');
    const given = named.find((n) => n.at === at && n.f.bind === givenBind);
    return `${values[key]}\u3000${given ? (values[given.key] ?? '') : ''}`.trim();
  }
  return form.title;
}
