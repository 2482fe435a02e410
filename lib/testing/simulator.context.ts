import type { ContactRegistry } from './contact-registry.js';
import type { FakeMaskinporten } from './fake-maskinporten.js';
import type { OrderChainStore } from './order-chain.store.js';
import type { FeedStore } from './shipment-feed.store.js';
import type { SimulatorClock } from './simulator.clock.js';
import type { FaultQueue } from './simulator.faults.js';
import type { ConditionCheck } from './simulator.interfaces.js';
import type { Scheduler } from './simulator.scheduler.js';
import type { SimulatorStore } from './simulator.store.js';
import type { Timers } from './simulator.timers.js';
import type { SigningKey } from './simulator.tokens.js';
import type { ExchangeSetup } from './token-exchange.js';

/** Everything a route needs; built once by `AltinnSimulator.start`. */
export interface SimulatorContext {
  readonly url: string;
  readonly org: string;
  readonly sendLatencyMs: number;
  readonly deliveryStepMs: number;
  readonly store: SimulatorStore;
  readonly clock: SimulatorClock;
  readonly scheduler: Scheduler;
  readonly contacts: ContactRegistry;
  readonly chains: OrderChainStore;
  readonly feed: FeedStore;
  readonly conditionChecks: ConditionCheck[];
  /** Final status a destination's scheduled notifications end in instead of `*_Delivered`. */
  readonly deliveryOutcomes: Map<string, string>;
  /** Host names (lower case, no port) the simulator answers; anything else gets 403 (DNS rebinding). */
  readonly allowedHosts: ReadonlySet<string> | 'any';
  readonly faults: FaultQueue;
  readonly timers: Timers;
  readonly altinnKey: SigningKey;
  readonly maskinporten: FakeMaskinporten;
  readonly exchange: ExchangeSetup;
  readonly log: (line: string) => void;
}
