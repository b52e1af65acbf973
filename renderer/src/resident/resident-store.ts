import { create } from 'zustand';
import type { ResidentDisplayView } from '../../../common/contract/resident-operations';
import { residentBridge } from './resident-bridge';

/** How long the page waits before asking again after the services could not be reached (the app restarting). */
const RETRY_AFTER_ERROR_MS = 2000;

/** What became of the PIN the resident sent, shown until the screen moves on. */
export type PinOutcome =
  | { kind: 'sending' }
  | { kind: 'verified' }
  | { kind: 'wrong'; triesLeft: number | null; message: string | null }
  | { kind: 'error'; message: string };

/** What became of the 電話番号 the resident sent. */
export type PhoneOutcome = { kind: 'sending' } | { kind: 'sent' } | { kind: 'error'; message: string };

interface ResidentState {
  display: ResidentDisplayView | null;
  /** the services could not be reached: said on the screen, and asked again */
  offline: boolean;
  /** the PIN request the outcome belongs to */
  outcome: { pinRequestId: string; value: PinOutcome } | null;
  /** the 電話番号 request the outcome belongs to */
  phoneOutcome: { phoneRequestId: string; value: PhoneOutcome } | null;
  follow(): () => void;
  sendPin(pinRequestId: string, pin: string): Promise<void>;
  sendPhone(phoneRequestId: string, digits: string): Promise<void>;
  /** the resident changes the number after a refusal: the old reason goes */
  clearPhoneError(): void;
}

export const useResident = create<ResidentState>((set, get) => ({
  display: null,
  offline: false,
  outcome: null,
  phoneOutcome: null,

  /** Follows the services' resident display: each answer asks for the next change (a long poll). */
  follow: () => {
    let live = true;
    void (async () => {
      while (live) {
        const shown = get().display;
        const r = await residentBridge.getResidentDisplay(shown ? { afterVersion: shown.version } : {});
        if (!live) break;
        if (r.ok) {
          // an outcome stays up over the welcome (the read ended), and goes with a new PIN request or the 確認
          const s = r.value.screen;
          const stale = s.kind === 'confirm' || s.kind === 'phone-entry' || (s.kind === 'pin-entry' && s.pinRequestId !== get().outcome?.pinRequestId);
          // the thanks for a number stays over the welcome, and goes with whatever the clerk shows next
          const phoneStale = s.kind !== 'idle' && !(s.kind === 'phone-entry' && s.phoneRequestId === get().phoneOutcome?.phoneRequestId);
          set({ display: r.value, offline: false, ...(stale ? { outcome: null } : {}), ...(phoneStale ? { phoneOutcome: null } : {}) });
        } else {
          set({ offline: true });
          await new Promise((done) => setTimeout(done, RETRY_AFTER_ERROR_MS));
        }
      }
    })();
    return () => {
      live = false;
    };
  },

  sendPin: async (pinRequestId, pin) => {
    set({ outcome: { pinRequestId, value: { kind: 'sending' } } });
    const r = await residentBridge.submitChipPin({ pinRequestId, pin });
    const value: PinOutcome = !r.ok
      ? { kind: 'error', message: r.error.message }
      : r.value.verified
        ? { kind: 'verified' }
        : { kind: 'wrong', triesLeft: r.value.triesLeft, message: r.value.message };
    set({ outcome: { pinRequestId, value } });
  },

  sendPhone: async (phoneRequestId, digits) => {
    // a second 決定 (double tap, a repeating Enter) while the first is out or after it was taken: nothing
    const before = get().phoneOutcome;
    if (before?.phoneRequestId === phoneRequestId && before.value.kind !== 'error') return;
    set({ phoneOutcome: { phoneRequestId, value: { kind: 'sending' } } });
    const r = await residentBridge.submitResidentPhone({ phoneRequestId, phone: digits });
    const value: PhoneOutcome = !r.ok
      ? { kind: 'error', message: r.error.message }
      : r.value.accepted
        ? { kind: 'sent' }
        : { kind: 'error', message: r.value.message ?? '電話番号を受け付けられませんでした。係員にお知らせください。' };
    set({ phoneOutcome: { phoneRequestId, value } });
  },

  clearPhoneError: () => {
    if (get().phoneOutcome?.value.kind === 'error') set({ phoneOutcome: null });
  },
}));
