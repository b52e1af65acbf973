import type { ResidentDisplayView, ResidentScreen } from '../../../common/contract/resident-operations';

/**
 * How long the resident page's request for a change is held before it is answered with the same state:
 * long enough that an idle screen costs almost nothing, well under the browser host's 30 s request timeout.
 */
export const RESIDENT_WAIT_MS = 20_000;
/**
 * How often a held request looks again at what only the chip service knows (a PIN request appearing or going
 * away, the clerk locking the screen): a quarter second, so the PIN pad is up before the resident reaches for it.
 */
export const RESIDENT_RECHECK_MS = 250;

/** What decides the screen besides the clerk's last choice; read on every look. */
export interface ResidentProbe {
  /** a clerk is signed in and the screen is not locked: only then does the resident see a case or a PIN pad */
  clerkPresent(): boolean;
  /** the chip read waiting for the resident's PIN, if any */
  pinRequest(): { pinRequestId: string; triesLeft: number } | null;
}

/**
 * What the resident-facing screen shows (idle | PIN pad for a chip read | 確認 of the current case). The clerk
 * sets idle or 確認; a chip read waiting for the PIN shows the pad over either. One per running app: a counter
 * has one resident display. The page asks for changes after the version it shows and is answered as soon as
 * there is one (a long poll).
 */
export class ResidentDisplay {
  private version = 0;
  private chosen: ResidentScreen = { kind: 'idle' };
  private lastShown = '';
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly demo: boolean,
    private readonly probe: ResidentProbe,
  ) {}

  /** The clerk's choice (idle or 確認). */
  show(screen: ResidentScreen): void {
    this.chosen = screen;
    this.view();
    for (const wake of [...this.waiting]) wake();
  }

  chosenScreen(): ResidentScreen {
    return this.chosen;
  }

  /** What the resident sees now; the version moves whenever that differs from the last look. */
  view(): ResidentDisplayView {
    const screen = this.screenNow();
    const key = JSON.stringify(screen);
    if (key !== this.lastShown) {
      this.lastShown = key;
      this.version++;
    }
    return { version: this.version, demo: this.demo, screen };
  }

  private screenNow(): ResidentScreen {
    if (!this.probe.clerkPresent()) return { kind: 'idle' };
    const pin = this.probe.pinRequest();
    if (pin) return { kind: 'pin-entry', pinRequestId: pin.pinRequestId, triesLeft: pin.triesLeft };
    return this.chosen;
  }

  /** Answers once what the resident sees is past `afterVersion`, or after `ms`. */
  async waitForChange(afterVersion: number, ms = RESIDENT_WAIT_MS): Promise<ResidentDisplayView> {
    const until = Date.now() + ms;
    for (;;) {
      const v = this.view();
      const left = until - Date.now();
      if (v.version > afterVersion || left <= 0) return v;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(RESIDENT_RECHECK_MS, left));
        timer.unref?.();
        this.waiting.add(done);
      });
    }
  }

  /** Answers every held request (at shutdown). */
  release(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
