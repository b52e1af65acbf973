import { isOperationName, operations, type OperationName } from '../../../common/contract/operations';
import { fail, type ApiError, type Result } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import type { Logger } from '../log';
import { issuePath } from './issue-path';

/** SQLite's answers that mean "the write could not be made durable here". */
const STORAGE_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/**
 * Operations whose storage failure needs its own words: the clerk must know whether anything was
 * sent. submitCase is one transaction (store/case-submission.ts), so on failure nothing was queued.
 */
const STORAGE_MESSAGES: Partial<Record<OperationName, { full: string; other: string }>> = {
  submitCase: {
    full: 'ディスクの空きが不足しているため送信できませんでした。どの様式も送信キューには入っていません。情報システム担当へ連絡し、空きができてからもう一度「送信キューへ」を押してください。',
    other: '端末のデータベースに書き込めなかったため送信できませんでした。どの様式も送信キューには入っていません。もう一度「送信キューへ」を押してください。',
  },
};

export function classifyError(err: unknown, operation?: OperationName): ApiError {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && [...STORAGE_CODES].some((c) => code.startsWith(c))) {
    const own = operation ? STORAGE_MESSAGES[operation] : undefined;
    const full = code.startsWith('SQLITE_FULL');
    return {
      code: 'STORAGE',
      message: own
        ? full ? own.full : own.other
        : full
          ? 'ディスクの空きが不足しているため保存できませんでした。入力内容は画面に残っています。情報システム担当へ連絡してください。'
          : '端末のデータベースに保存できませんでした。入力内容は画面に残っています。もう一度お試しください。',
    };
  }
  return { code: 'INTERNAL', message: '内部エラーが発生しました。もう一度お試しください。続く場合は情報システム担当へ連絡してください。' };
}

export interface DispatchOptions {
  /** the session's verdict on an operation (accounts/access-policy.ts): an error refuses the call */
  access?: (operation: OperationName) => ApiError | null;
}

/**
 * The single entry point for both bridges: checks the operation name and the input schema, runs
 * the handler, and turns every failure into a typed result. Nothing thrown escapes.
 */
export function createDispatch(handlers: Handlers, log: Logger, opts: DispatchOptions = {}) {
  return async (operation: string, input: unknown): Promise<Result<unknown>> => {
    if (!isOperationName(operation)) {
      log('warn', 'api.unknown_operation', { operation: operation.slice(0, 64) });
      return fail({ code: 'INVALID_INPUT', message: '不明な操作です。' });
    }
    // Who may call it, before anything about the input is looked at (not logged: a signed-out
    // screen polls, and a refusal carries no news).
    const refused = opts.access?.(operation);
    if (refused) return fail(refused);
    const parsed = operations[operation].input.safeParse(input);
    if (!parsed.success) {
      // Paths and issue codes only: the rejected values may be personal data, and so may the keys of a record.
      log('warn', 'api.invalid_input', {
        operation,
        issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: issuePath(operations[operation].input, i.path).slice(0, 100), code: i.code })),
      });
      return fail({ code: 'INVALID_INPUT', message: '送信されたデータの形式が正しくありません。' });
    }
    try {
      const handler = handlers[operation] as (i: unknown) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (err) {
      const apiError = classifyError(err, operation);
      log('error', 'api.handler_failed', { operation, code: apiError.code, error: errorSummary(err) });
      return fail(apiError);
    }
  };
}

export type Dispatch = (operation: OperationName | string, input: unknown) => Promise<Result<unknown>>;

function errorSummary(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${(err as { code?: string }).code ?? ''} ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}
