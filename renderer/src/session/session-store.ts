import { create } from 'zustand';
import type { SessionView } from '../../../common/contract/account-operations';
import { bridge } from '../bridge/bridge';
import { onSessionRefusal } from '../bridge/session-signal';

interface SessionState {
  session: SessionView | null;
  /** Japanese message of the last failed sign-in / unlock / first-run step */
  message: string | null;
  busy: boolean;
  load(): Promise<void>;
  createFirstAdmin(name: string, password: string): Promise<void>;
  signIn(name: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(reason: 'hotkey' | 'idle' | 'button'): Promise<void>;
  unlock(password: string): Promise<void>;
}

/** The signed-in clerk, as the services see it; the screens behind it render only when signed in and unlocked. */
export const useSession = create<SessionState>((set, get) => {
  const run = async (fn: () => Promise<{ ok: true; value: SessionView } | { ok: false; error: { message: string } }>) => {
    set({ busy: true, message: null });
    const r = await fn();
    set(r.ok ? { busy: false, session: r.value } : { busy: false, message: r.error.message });
    return r.ok;
  };
  onSessionRefusal((code) => {
    const s = get().session;
    if (code === 'LOCKED' && s?.user && !s.locked) set({ session: { ...s, locked: true } });
    else if (code === 'UNAUTHENTICATED' && s?.user) void get().load();
  });
  return {
    session: null,
    message: null,
    busy: false,
    load: async () => {
      const r = await bridge.getSession({});
      if (r.ok) set({ session: r.value });
      else set({ message: r.error.message });
    },
    createFirstAdmin: async (name, password) => {
      if (await run(() => bridge.createFirstAdmin({ name, password }))) set({ message: '管理者を登録しました。サインインしてください。' });
    },
    signIn: async (name, password) => {
      await run(() => bridge.signIn({ name, password }));
    },
    signOut: async () => {
      await bridge.signOut({});
      // nothing the previous clerk had open may stay in memory for the next one
      location.reload();
    },
    lock: async (reason) => {
      const s = get().session;
      if (!s?.user || s.locked) return;
      // the screen hides at once; the services record the lock
      set({ session: { ...s, locked: true } });
      const r = await bridge.lock({ reason });
      if (r.ok) set({ session: r.value });
    },
    unlock: async (password) => {
      // a wrong password at the limit ends the session: read it again to show the sign-in screen
      if (!(await run(() => bridge.unlock({ password })))) await get().load();
    },
  };
});
