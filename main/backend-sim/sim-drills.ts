/**
 * Fault drills switched while the simulator runs (the trainer panel of the demo; never a configured
 * back end): the same failures the CLI's fault flags inject at start, as on/off switches.
 */
export interface SimDrillState {
  /** every connection is dropped at once, /health included: the counter sees the link down */
  linkCut: boolean;
  /** added before every answer (ms); 0 = off */
  slowMs: number;
  /** intake and status feed answer 503 */
  errors: boolean;
  /** the next application the back office reviews is returned (差戻し), when none was waiting */
  returnNext: boolean;
}

/** Why the drill's 差戻し returns an application: the trainee reads it on the queue screen. */
export const DRILL_RETURN_REASON = '【研修】審査担当からの差戻しです。添付書類と記載内容を確認して再提出してください。';
/** "slow the back end": long enough that the counter's sending is visibly slow, short of its 10 s timeout */
export const DRILL_SLOW_MS = 4000;

export interface SimControl {
  state(): SimDrillState;
  set(change: Partial<SimDrillState>): SimDrillState;
  /** the back office returns the newest waiting application now, else the next one it reviews; the receipt or null */
  returnNow(): string | null;
  /** every drill off */
  restore(): SimDrillState;
  /** empties the simulator's store (demo reset) and switches every drill off */
  reset(): void;
}

export const NO_DRILLS: SimDrillState = { linkCut: false, slowMs: 0, errors: false, returnNext: false };
