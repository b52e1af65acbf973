import { contextBridge, ipcRenderer } from 'electron';
import { bindOperations, type IchimadoApi, type Transport } from '../common/contract/bridge';
import type { Result } from '../common/contract/result';

/**
 * The renderer's only door to main: one bound function per operation. ipcRenderer itself is
 * never exposed, so page script cannot pick a channel or listen to any.
 */
const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '内部エラーが発生しました。' },
};

const transport: Transport = async (operation, input) => {
  try {
    return (await ipcRenderer.invoke(operation, input)) as Result<unknown>;
  } catch {
    // A rejected invoke (no handler yet, uncloneable input, main crashed) must still be a value.
    return INTERNAL;
  }
};

contextBridge.exposeInMainWorld('ichimado', bindOperations(transport) satisfies IchimadoApi);
