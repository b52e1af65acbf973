/**
 * A small admission gate: at most `active` jobs run at once, at most `waiting` more wait their turn in
 * arrival order, and anything beyond is refused at once (`tryEnter` answers null) instead of piling up.
 */
export class ReadSlots {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly active: number,
    private readonly waiting: number,
  ) {}

  /** jobs running now (for status and tests) */
  get inFlight(): number {
    return this.running;
  }

  /**
   * A promise of a release function once a slot is free, or null when all slots and the queue are
   * taken. The caller must call the release exactly once, whatever happens to its job.
   */
  tryEnter(): Promise<() => void> | null {
    if (this.running < this.active) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.waiting) return null;
    return new Promise((resolve) => this.queue.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.queue.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running--;
    };
  }
}
