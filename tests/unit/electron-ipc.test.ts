import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../common/contract/operations';
import type { AppServices } from '../../main/services/app-services.types';

// The real 'electron' module cannot load under Node (and would try to download a binary).
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
  app: {},
  BrowserWindow: class {},
}));
const ownContents = new Set<unknown>();
vi.mock('../../main/electron/window', () => ({ isOwnWebContents: (c: unknown) => ownContents.has(c) }));

const { registerIpc } = await import('../../main/electron/ipc');

function fakeEvent(opts: { url?: string; subframe?: boolean; foreign?: boolean; noFrame?: boolean }) {
  const mainFrame = { url: opts.url ?? 'app://ichimado/index.html', parent: null };
  const sender = { mainFrame };
  if (!opts.foreign) ownContents.add(sender);
  const senderFrame = opts.noFrame ? null : opts.subframe ? { url: mainFrame.url, parent: mainFrame } : mainFrame;
  return { sender, senderFrame };
}

describe('registerIpc', () => {
  const dispatch = vi.fn<AppServices['dispatch']>();
  const log = vi.fn();

  beforeEach(() => {
    handlers.clear();
    ownContents.clear();
    dispatch.mockReset();
    log.mockReset();
    registerIpc({ dispatch }, log);
  });

  it('registers exactly one channel per operation', () => {
    expect([...handlers.keys()].sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('passes trusted calls to the services and returns their result', async () => {
    dispatch.mockResolvedValue({ ok: true, value: { accepted: true } });
    const result = await handlers.get('syncNow')!(fakeEvent({}), {});
    expect(dispatch).toHaveBeenCalledWith('syncNow', {});
    expect(result).toEqual({ ok: true, value: { accepted: true } });
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/' }],
    ['a subframe', { subframe: true }],
    ['a window we did not create', { foreign: true }],
    ['a destroyed frame', { noFrame: true }],
  ])('refuses %s with UNAUTHORIZED and logs it', async (_label, opts) => {
    const result = await handlers.get('listQueue')!(fakeEvent(opts), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc_unauthorized', { operation: 'listQueue' }, 'warn');
  });

  it('turns a throwing dispatch into INTERNAL instead of a rejected invoke', async () => {
    dispatch.mockRejectedValue(new Error('boom'));
    const result = await handlers.get('getAppInfo')!(fakeEvent({}), {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部エラーが発生しました。' } });
  });
});
