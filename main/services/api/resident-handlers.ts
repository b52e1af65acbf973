import { fail, ok, type Result } from '../../../common/contract/result';
import { deriveCase } from '../../../common/cases/visit-case';
import { residentConfirmSummary } from '../../../common/resident/resident-summary';
import {
  isResidentOperationName, residentOperations, type ResidentOperationName,
} from '../../../common/contract/resident-operations';
import type { Handlers, HandlerDeps } from './handlers';
import type { ResidentDisplay } from '../resident/resident-display';
import type { Logger } from '../log';
import type { z } from 'zod';
import type { SubmitChipPinOutput } from '../../../common/contract/chip-operations';
import { CASE_NOT_FOUND } from './case-print';

type ResidentClerkOps = 'getResidentScreen' | 'openResidentWindow' | 'showResidentConfirm' | 'clearResidentDisplay' | 'askResidentPhone' | 'awaitResidentPhone' | 'endResidentPhone';

/** How this host shows the resident screen: browser mode has a link, Electron a window of its own. */
export interface ResidentScreenHost {
  /** the resident page's own link (browser mode), once the host knows it */
  link(): string | null;
  /** Electron: opens (or brings forward) the resident window; absent in browser mode */
  openWindow?: () => boolean;
}

export interface ResidentDeps {
  display: ResidentDisplay;
  host?: ResidentScreenHost;
}

const NO_WINDOW = { code: 'NOT_READY', message: 'この画面からは住民向け画面を開けません。表示されたリンクを住民向けのディスプレイのブラウザーで開いてください。' } as const;

/** The clerk's side of the resident screen: what it shows is set only by these and by a chip read asking for the PIN. */
export function createResidentClerkHandlers(d: HandlerDeps, r: ResidentDeps): Pick<Handlers, ResidentClerkOps> {
  return {
    getResidentScreen: () => ok({ link: r.host?.link() ?? null, window: r.host?.openWindow !== undefined }),
    openResidentWindow: () => {
      if (!r.host?.openWindow) return fail(NO_WINDOW);
      return ok({ opened: r.host.openWindow() });
    },
    showResidentConfirm: ({ caseId }) => {
      const s = d.cases?.cases.get(caseId) ?? null;
      if (!s) return fail(CASE_NOT_FOUND);
      const derived = deriveCase(s.content, d.today());
      r.display.show({ kind: 'confirm', summary: residentConfirmSummary(s.content.data, derived.procedures) });
      return ok({ kind: 'confirm' as const });
    },
    clearResidentDisplay: () => {
      r.display.show({ kind: 'idle' });
      return ok({ kind: 'idle' as const });
    },
    askResidentPhone: () => ok({ phoneRequestId: r.display.askPhone() }),
    awaitResidentPhone: async ({ phoneRequestId }) => ok(await r.display.awaitPhone(phoneRequestId)),
    endResidentPhone: ({ phoneRequestId }) => ok({ ended: r.display.endPhone(phoneRequestId) }),
  };
}

export interface ResidentDispatchDeps {
  display: ResidentDisplay;
  /** hands the PIN to the chip read waiting for it (the chip service); absent: no chip reading here */
  submitPin?: (pinRequestId: string, pin: string) => Promise<z.output<typeof SubmitChipPinOutput> | null>;
  log: Logger;
}

const NO_PIN_WANTED = { code: 'NOT_FOUND', message: 'いまは暗証番号の入力は必要ありません。係員にお知らせください。' } as const;

/**
 * The resident page's only entry point: its three operations and nothing else. A PIN is accepted only for the
 * chip read the resident screen is asking for now (and only while a clerk is signed in), a 電話番号 only for the
 * clerk's request on screen; neither ever appears in a log line or an error.
 */
export function createResidentDispatch(r: ResidentDispatchDeps) {
  return async (operation: string, input: unknown): Promise<Result<unknown>> => {
    if (!isResidentOperationName(operation)) {
      r.log('warn', 'resident.unknown_operation', { operation: operation.slice(0, 64) });
      return fail({ code: 'INVALID_INPUT', message: '不明な操作です。' });
    }
    const parsed = residentOperations[operation as ResidentOperationName].input.safeParse(input);
    if (!parsed.success) {
      // paths only: a rejected value may be a PIN
      r.log('warn', 'resident.invalid_input', { operation, paths: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.').slice(0, 40)) });
      return fail({ code: 'INVALID_INPUT', message: '入力の形式が正しくありません。' });
    }
    try {
      if (operation === 'getResidentDisplay') {
        const { afterVersion } = parsed.data as { afterVersion?: number };
        return ok(afterVersion !== undefined ? await r.display.waitForChange(afterVersion) : r.display.view());
      }
      if (operation === 'submitResidentPhone') {
        // the number is the resident's: never in a log line; only the request on screen takes it
        const { phoneRequestId, phone } = parsed.data as { phoneRequestId: string; phone: string };
        return ok(r.display.answerPhone(phoneRequestId, phone));
      }
      const { pinRequestId, pin } = parsed.data as { pinRequestId: string; pin: string };
      const now = r.display.view().screen;
      if (now.kind !== 'pin-entry' || now.pinRequestId !== pinRequestId || !r.submitPin) return fail(NO_PIN_WANTED);
      const answer = await r.submitPin(pinRequestId, pin);
      return answer ? ok(answer) : fail(NO_PIN_WANTED);
    } catch (err) {
      r.log('error', 'resident.handler_failed', { operation, error: err instanceof Error ? err.name : typeof err });
      return fail({ code: 'INTERNAL', message: '内部エラーが発生しました。係員にお知らせください。' });
    }
  };
}

export type ResidentDispatch = ReturnType<typeof createResidentDispatch>;
