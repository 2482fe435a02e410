/** Timers the simulator owns, so `close()` can cancel them and leave no open handles behind. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** `unref` for background ticks that must not keep the process alive on their own. */
  schedule(ms: number, fn: () => void, unref = false): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    if (unref) timer.unref();
    this.pending.add(timer);
  }

  /** Resolves after `ms`; never resolves once the simulator is closed, so no work runs after close. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(ms, resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
