import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../common/contract/operations';

const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (channel: string, input: unknown) => invoke(channel, input) },
}));

await import('../../preload/preload');
const api = exposed.get('ichimado') as Record<string, (input: unknown) => Promise<unknown>>;

describe('preload bridge', () => {
  it('exposes only window.ichimado, with exactly the operations as functions', () => {
    expect([...exposed.keys()]).toEqual(['ichimado']);
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof api[name]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel named after the operation', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { items: [] } });
    await expect(api.listQueue!({ limit: 5 })).resolves.toEqual({ ok: true, value: { items: [] } });
    expect(invoke).toHaveBeenCalledWith('listQueue', { limit: 5 });
  });

  it('turns a rejected invoke into an INTERNAL result', async () => {
    invoke.mockRejectedValueOnce(new Error("No handler registered for 'getAppInfo'"));
    await expect(api.getAppInfo!({})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '内部エラーが発生しました。' },
    });
  });
});
