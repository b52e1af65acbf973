import { contextBridge, ipcRenderer } from 'electron';
import { bindResidentOperations, type ResidentApi, type ResidentTransport } from '../common/contract/resident-operations-bridge';
import type { Result } from '../common/contract/result';

/**
 * The resident window's only door to main: one bound function per resident operation (what the screen shows,
 * the PIN), on channels of its own. Nothing of the clerk's contract is exposed here.
 */
const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: '内部エラーが発生しました。係員にお知らせください。' } };

const transport: ResidentTransport = async (operation, input) => {
  try {
    return (await ipcRenderer.invoke(`resident:${operation}`, input)) as Result<unknown>;
  } catch {
    return INTERNAL;
  }
};

contextBridge.exposeInMainWorld('ichimadoResident', bindResidentOperations(transport) satisfies ResidentApi);
