import type { z } from 'zod';
import type { Operations, OperationName, OpOutput } from '../../../common/contract/operations';
import { fail, ok, type Result } from '../../../common/contract/result';
import { findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import type { ApplicationRepository } from '../store/application-repository';
import type { SyncEngine } from '../sync/sync-engine';
import type { AppInfo } from '../../../common/contract/operations';

export type Handlers = {
  [K in OperationName]: (input: z.output<Operations[K]['input']>) => Result<OpOutput<K>> | Promise<Result<OpOutput<K>>>;
};

export interface HandlerDeps {
  repo: ApplicationRepository;
  sync: SyncEngine;
  info: () => AppInfo;
  today: () => string;
}

export function createHandlers(d: HandlerDeps): Handlers {
  return {
    getAppInfo: () => ok(d.info()),

    submitApplication: ({ formId, values }) => {
      const form = findForm(formId);
      if (!form) return fail({ code: 'NOT_FOUND', message: `様式「${formId}」は登録されていません。` });
      const known = new Set(form.fields.map((f) => f.id));
      const unknown = Object.keys(values).filter((k) => !known.has(k));
      if (unknown.length > 0) return fail({ code: 'INVALID_INPUT', message: 'この様式にない項目が送られました。' });
      const v = validateForm(form, values, d.today());
      if (!v.ok) {
        return fail({ code: 'VALIDATION_FAILED', message: '入力内容を確認してください。', fieldErrors: v.fieldErrors });
      }
      const { id } = d.repo.enqueue({
        formId: form.id,
        formVersion: form.version,
        payload: v.values,
        personName: `${v.values.familyName ?? ''}\u3000${v.values.givenName ?? ''}`,
      });
      d.sync.kick();
      return ok({ applicationId: id, warnings: v.warnings });
    },

    listQueue: (input) => ok({ items: d.repo.list(input) }),
    getQueueStats: () => ok(d.repo.stats()),
    getSyncStatus: () => ok(d.sync.status()),
    syncNow: () => {
      d.sync.sendNow();
      return ok({ accepted: true });
    },
  };
}
