import type { CapacityResult } from './capacity.js';
import type { LocalCostResult } from './local-cost.js';
import type { MachineInfo } from './machine.js';
import type { MemoryResult } from './memory.js';
import type { QueueBenchRow } from './queue.js';
import type { TargetCheck } from './targets.js';
import type { ThroughputRow } from './throughput.js';
import type { TokenLatencyResult } from './token-latency.js';
import type { TokenStormResult } from './token-storm.js';

/** The shape of bench/results.json. */
export interface BenchResults {
  date: string;
  machine: MachineInfo;
  setup: {
    simulator: string;
    logging: string;
    keepAlive: string;
  };
  capacity: CapacityResult;
  throughput: ThroughputRow[];
  /** Concurrency 64 again, the module with `logging: false`. */
  loggingOff: ThroughputRow;
  /** Concurrency 64 again, the module's default logging into a logger that discards every line. */
  loggingDiscarded: ThroughputRow;
  tokenStorm: TokenStormResult;
  localCost: LocalCostResult;
  memory: MemoryResult;
  /** sendOrder through the queue with 1 and 3 worker processes, against plain sendOrder. */
  queue: QueueBenchRow[];
  /** Send latency across background token renewals, with and without `tokenPrefetch`. */
  tokenLatency: TokenLatencyResult;
  targets: TargetCheck[];
  durationSeconds: number;
}
