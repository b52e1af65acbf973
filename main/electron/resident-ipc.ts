import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { RESIDENT_OPERATION_NAMES } from '../../common/contract/resident-operations';
import type { Result } from '../../common/contract/result';
import type { AppServices } from '../services/app-services.types';
import { isTrustedResidentSender, residentChannel } from './resident-window-options';
import { isResidentWebContents } from './resident-window';
import type { Log } from './log';

const UNAUTHORIZED: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'この画面からは操作できません。係員にお知らせください。' } };
const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: '内部エラーが発生しました。係員にお知らせください。' } };

function senderIsResidentPage(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || !isResidentWebContents(event.sender)) return false;
    return isTrustedResidentSender(frame.url, frame.parent === null && frame === event.sender.mainFrame);
  } catch {
    return false;
  }
}

/** The resident window's channels: its own operations, answered only for the resident window's own page. */
export function registerResidentIpc(services: Pick<AppServices, 'dispatchResident'>, log: Log): void {
  for (const name of RESIDENT_OPERATION_NAMES) {
    ipcMain.handle(residentChannel(name), async (event, input: unknown) => {
      if (!senderIsResidentPage(event)) {
        log('ipc_unauthorized', { operation: residentChannel(name) }, 'warn');
        return UNAUTHORIZED;
      }
      try {
        return await services.dispatchResident(name, input);
      } catch (err) {
        log('ipc_dispatch_threw', { operation: residentChannel(name), error: err instanceof Error ? err.name : typeof err }, 'error');
        return INTERNAL;
      }
    });
  }
}
