import type { SimulatorClock } from './simulator.clock.js';
import type { Timers } from './simulator.timers.js';

interface Job {
  at: number;
  order: number;
  run: (at: number) => Promise<void> | void;
}

/** How often the wall-clock mode looks for due work, like the server's per-minute job but quicker. */
const TICK_MS = 1000;

/**
 * Work that happens at a simulated time (send a shipment, deliver, complete). Due jobs run one at a time in time
 * order, each told its own due time so statuses carry the time they "happened", not the time the test looked.
 */
export class Scheduler {
  private jobs: Job[] = [];
  private counter = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: SimulatorClock,
    private readonly timers: Timers,
  ) {}

  /** Starts the background tick when the clock follows the wall clock. */
  start(): void {
    if (this.clock.manual) return;
    const tick = () => {
      void this.runDue().finally(() => this.timers.schedule(TICK_MS, tick, true));
    };
    this.timers.schedule(TICK_MS, tick, true);
  }

  at(time: number, run: Job['run']): void {
    this.jobs.push({ at: time, order: this.counter++, run });
  }

  /** Runs every job due by now (also those a job adds); concurrent callers wait for the same pass. */
  runDue(): Promise<void> {
    this.running = this.running.then(async () => {
      for (;;) {
        const now = this.clock.now();
        const due = this.jobs.filter((j) => j.at <= now).sort((a, b) => a.at - b.at || a.order - b.order)[0];
        if (!due) return;
        this.jobs = this.jobs.filter((j) => j !== due);
        try {
          await due.run(due.at);
        } catch {
          // A job that throws is a simulator bug; dropping it keeps the rest of the schedule alive.
        }
      }
    });
    return this.running;
  }

  clear(): void {
    this.jobs = [];
  }
}
