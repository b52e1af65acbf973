import type { IchimadoApi } from '../../../common/contract/bridge';
import type { ApiErrorCode } from '../../../common/contract/result';

/**
 * The services refuse calls without a signed-in, unlocked clerk (UNAUTHENTICATED / LOCKED). Any
 * screen's call can meet that (the screen locked on another tab, the app restarted): the bridge
 * tells the session store, which shows the sign-in or lock screen, instead of each screen showing
 * the refusal as its own error.
 */
export type SessionRefusal = Extract<ApiErrorCode, 'UNAUTHENTICATED' | 'LOCKED'>;
type Listener = (code: SessionRefusal) => void;
const listeners = new Set<Listener>();

export function onSessionRefusal(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The same API, every answer checked for a session refusal on its way back. */
export function withSessionSignal(api: IchimadoApi): IchimadoApi {
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(api) as [string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>][]) {
    wrapped[name] = async (input) => {
      const r = await fn(input);
      // signIn / unlock answer a wrong password with their own error, shown on their own screen
      const code = !r.ok && name !== 'signIn' && name !== 'unlock' ? r.error?.code : undefined;
      if (code === 'UNAUTHENTICATED' || code === 'LOCKED') for (const l of listeners) l(code);
      return r;
    };
  }
  return Object.freeze(wrapped) as IchimadoApi;
}
