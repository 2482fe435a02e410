/**
 * The simulator's idea of "now". By default it follows the wall clock and `advance(ms)` adds an offset, so a sample
 * app still sees time pass; with a start time it is manual and moves only when the test advances it.
 */
export class SimulatorClock {
  private offsetMs = 0;
  private manualMs: number | undefined;

  constructor(start?: Date | string | number) {
    if (start === undefined) return;
    const ms = new Date(start).getTime();
    if (Number.isNaN(ms)) throw new RangeError('AltinnSimulatorOptions.startTime is not a valid date');
    this.manualMs = ms;
  }

  /** True when only `advance` moves the clock. */
  get manual(): boolean {
    return this.manualMs !== undefined;
  }

  now(): number {
    return this.manualMs ?? Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance(ms) takes a finite, non-negative number');
    if (this.manualMs !== undefined) this.manualMs += ms;
    else this.offsetMs += ms;
  }
}
