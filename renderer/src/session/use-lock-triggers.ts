import { useEffect } from 'react';
import { useSession } from './session-store';
import { SERVICE_IDLE } from '../../../common/accounts/idle-lock';
import { bridge } from '../bridge/bridge';

/** The lock hot key, shown on the header's lock button. */
export const LOCK_HOTKEY_LABEL = 'Ctrl+L';
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** how often the idle time is looked at: a lock at most this late */
const IDLE_CHECK_MS = 5_000;

/**
 * Locks the screen on Ctrl+L and after `lockAfterMinutes` without mouse or keyboard (a clerk who
 * walked away), while a clerk is signed in and the screen is not locked.
 */
export function useLockTriggers(active: boolean, lockAfterMinutes: number): void {
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let reported = 0;
    const seen = () => {
      last = Date.now();
      // the services keep their own idle lock (common/accounts/idle-lock.ts): tell them, at most once a minute
      if (last - reported >= SERVICE_IDLE.reportEveryMs) {
        reported = last;
        void bridge.noteActivity({});
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock('hotkey');
      }
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, seen, { passive: true, capture: true });
    window.addEventListener('keydown', onKey, { capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= lockAfterMinutes * 60_000) void lock('idle');
    }, IDLE_CHECK_MS);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, seen, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      clearInterval(timer);
    };
  }, [active, lockAfterMinutes, lock]);
}
