import { create } from 'zustand';
import type { ChipCardFields, ChipFailure, ChipMethod, StartChipReadInput, ChipReadersOutput } from '../../../common/contract/chip-operations';
import type { z } from 'zod';
import { CHIP_TUNING } from '../../../common/card/capture-tuning';
import { bridge } from '../bridge/bridge';

/**
 * One chip read from the card dialog: the readers (polled while the dialog is open), the session the clerk
 * started, how it stands (the PIN is typed on the resident-facing screen, never here), and its outcome.
 * Only a complete read (state done, digests checked by the services) ever holds fields: nothing half-read
 * can reach the case.
 */
export type ChipPhase = 'idle' | 'starting' | 'waiting-pin' | 'reading' | 'done' | 'failed';

export interface ChipOutcomeFailure {
  code: ChipFailure | 'other';
  message: string;
  triesLeft: number | null;
}

interface ChipState {
  readers: z.output<typeof ChipReadersOutput> | null;
  sessionId: string | null;
  method: ChipMethod | null;
  phase: ChipPhase;
  /** tries left of the key the method uses, as the card said at the start (read without spending one) */
  triesLeft: number | null;
  fields: ChipCardFields | null;
  failure: ChipOutcomeFailure | null;
  pollReaders(): Promise<void>;
  start(input: StartChipReadInput): Promise<void>;
  /** stops a running read (dialog closed, clerk cancels) and forgets every outcome */
  reset(): void;
}

let readToken = 0;

export const useChip = create<ChipState>((set, get) => ({
  readers: null,
  sessionId: null,
  method: null,
  phase: 'idle',
  triesLeft: null,
  fields: null,
  failure: null,

  pollReaders: async () => {
    const r = await bridge.chipReaders({});
    set({ readers: r.ok ? r.value : null });
  },

  start: async (input) => {
    const mine = ++readToken;
    const running = get().sessionId;
    if (running) void bridge.cancelChipRead({ sessionId: running });
    set({ sessionId: null, method: input.method, phase: 'starting', triesLeft: null, fields: null, failure: null });
    const started = await bridge.startChipRead(input);
    if (mine !== readToken) return;
    if (!started.ok) {
      const code = (started.error.reason as ChipFailure | undefined) ?? 'other';
      return set({ phase: 'failed', failure: { code, message: started.error.message, triesLeft: null } });
    }
    const sessionId = started.value.sessionId;
    set({ sessionId, triesLeft: started.value.triesLeft, phase: input.method === 'pin' ? 'waiting-pin' : 'reading' });
    while (mine === readToken) {
      await new Promise((r) => setTimeout(r, CHIP_TUNING.sessionEveryMs));
      if (mine !== readToken) return;
      const s = await bridge.chipSessionState({ sessionId });
      if (mine !== readToken) return;
      if (!s.ok) return set({ phase: 'failed', sessionId: null, failure: { code: 'other', message: s.error.message, triesLeft: null } });
      const v = s.value;
      if (v.state === 'waiting-pin') set({ phase: 'waiting-pin', triesLeft: v.triesLeft });
      else if (v.state === 'reading') set({ phase: 'reading' });
      else if (v.state === 'done') return set({ phase: 'done', sessionId: null, fields: v.fields.digestsOk ? v.fields : null, ...(v.fields.digestsOk ? {} : { failure: { code: 'tampered', message: '改ざんの可能性があります。', triesLeft: null } }) });
      else return set({ phase: 'failed', sessionId: null, failure: { code: v.code, message: v.message, triesLeft: v.triesLeft } });
    }
  },

  reset: () => {
    readToken++;
    const running = get().sessionId;
    if (running) void bridge.cancelChipRead({ sessionId: running });
    set({ sessionId: null, method: null, phase: 'idle', triesLeft: null, fields: null, failure: null });
  },
}));
