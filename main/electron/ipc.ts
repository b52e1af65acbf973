import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES, type OperationName } from '../../common/contract/operations';
import type { Result } from '../../common/contract/result';
import type { AppServices } from '../services/app-services.types';
import { isTrustedSender } from './policy';
import { isOwnWebContents } from './window';

import type { Log } from './log';

const UNAUTHORIZED: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'この画面からは操作できません。アプリを再起動してください。' },
};
const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '内部エラーが発生しました。' },
};

function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || !isOwnWebContents(event.sender)) return false;
    const isMainFrame = frame.parent === null && frame === event.sender.mainFrame;
    return isTrustedSender(frame.url, isMainFrame);
  } catch {
    // senderFrame throws when the frame was destroyed mid-call; such a caller is not trusted.
    return false;
  }
}

/** One channel per operation, so the renderer can never name an arbitrary channel. */
export function registerIpc(services: Pick<AppServices, 'dispatch'>, log: Log): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(name, async (event, input: unknown) => handle(services, log, name, event, input));
  }
}

async function handle(
  services: Pick<AppServices, 'dispatch'>,
  log: Log,
  name: OperationName,
  event: IpcMainInvokeEvent,
  input: unknown,
): Promise<Result<unknown>> {
  if (!senderIsTrusted(event)) {
    log('ipc_unauthorized', { operation: name }, 'warn');
    return UNAUTHORIZED;
  }
  try {
    return await services.dispatch(name, input);
  } catch (err) {
    // dispatch promises never to throw; if it does anyway, the renderer still gets a value.
    log('ipc_dispatch_threw', { operation: name, error: err instanceof Error ? err.name : typeof err }, 'error');
    return INTERNAL;
  }
}
