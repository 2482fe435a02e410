import type { FakeMaskinporten } from './fake-maskinporten.js';
import type { FaultQueue } from './simulator.faults.js';
import type { SimulatorStore } from './simulator.store.js';
import type { SigningKey } from './simulator.tokens.js';
import type { ExchangeSetup } from './token-exchange.js';

/** Timers the simulator owns, so `close()` can cancel them and leave no open handles behind. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  schedule(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
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

/** Everything a route needs; built once by `AltinnSimulator.start`. */
export interface SimulatorContext {
  readonly url: string;
  readonly org: string;
  readonly sendLatencyMs: number;
  readonly deliveryStepMs: number;
  readonly store: SimulatorStore;
  readonly faults: FaultQueue;
  readonly timers: Timers;
  readonly altinnKey: SigningKey;
  readonly maskinporten: FakeMaskinporten;
  readonly exchange: ExchangeSetup;
  readonly log: (line: string) => void;
}
