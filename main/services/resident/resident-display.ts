import type { ResidentDisplayView, ResidentScreen } from '../../../common/contract/resident-operations';

/**
 * How long the resident page's request for a change is held before it is answered with the same state:
 * long enough that an idle screen costs almost nothing, well under the browser host's 30 s request timeout.
 */
export const RESIDENT_WAIT_MS = 20_000;

/**
 * What the resident-facing screen shows now (idle | PIN pad for a chip read | 確認 of the current case),
 * set by the clerk's actions. One per running app: a counter has one resident display. The page asks for
 * changes after the version it shows and is answered as soon as there is one (a long poll).
 */
export class ResidentDisplay {
  private version = 0;
  private screen: ResidentScreen = { kind: 'idle' };
  private readonly waiting = new Set<() => void>();

  constructor(private readonly demo: boolean) {}

  show(screen: ResidentScreen): void {
    this.screen = screen;
    this.version++;
    for (const wake of [...this.waiting]) wake();
  }

  current(): ResidentScreen {
    return this.screen;
  }

  view(visible: boolean): ResidentDisplayView {
    // nobody signed in, or the clerk's screen locked: the resident sees the welcome, never a case
    return { version: this.version, demo: this.demo, screen: visible ? this.screen : { kind: 'idle' } };
  }

  /** Resolves once the version is past `afterVersion`, or after `ms`. */
  waitForChange(afterVersion: number, ms = RESIDENT_WAIT_MS): Promise<void> {
    if (this.version > afterVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.waiting.add(done);
    });
  }

  /** Answers every held request (at shutdown). */
  release(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
