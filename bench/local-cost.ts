import 'reflect-metadata';
import { toWireSmsOrder } from '../lib/dto/order.validation.js';
import type { PhoneNumberPolicy } from '../lib/dto/validators/altinn-phone-number.js';
import { smsOrder } from './orders.js';
import { median, quantile } from './stats.js';

/** One round of the micro-benchmark, at one point of the run. */
export interface LocalCostRound {
  /** The part of the bench that ran before this round (`start` for the first). */
  after: string;
  /** Mean over the round's orders. */
  meanMicros: number;
}

/** The result of the micro-benchmark: validation + serialisation of one SMS order, no HTTP. */
export interface LocalCostResult {
  /** Orders timed, all rounds together. */
  iterations: number;
  rounds: LocalCostRound[];
  /**
   * Median of the rounds' means: what the target judges. The rounds are spread over the run, so a slow minute of a
   * shared machine moves one of them, not this figure.
   */
  medianMicros: number;
  /** p99 of the per-batch means (batches of 1,000, which hide timer resolution), over all rounds. */
  p99BatchMicros: number;
}

const BATCH = 1_000;
const BATCHES_PER_ROUND = 8;
const POLICY: PhoneNumberPolicy = { mobileOnly: true };

/** What `sendInstantSms` does before any network call: `toWireSmsOrder` (the module's options) + `JSON.stringify`. */
function once(order: ReturnType<typeof smsOrder>): number {
  return JSON.stringify(toWireSmsOrder(order, POLICY, {}, 16)).length;
}

/** Rounds of the local-cost micro-benchmark, run between the bench's other parts; `result()` sums them up. */
export class LocalCostMeter {
  private readonly rounds: LocalCostRound[] = [];
  private readonly batchMeans: number[] = [];
  private sink = 0;

  constructor(private readonly warmup = 5_000) {}

  /**
   * One round of `BATCHES_PER_ROUND` × 1,000 orders, each with a phone number of its own, after a warm-up: the
   * bench's forced GCs throw away compiled code, which V8 then compiles again on background threads.
   */
  round(after: string): LocalCostRound {
    const warm = freshOrders();
    for (let i = 0; i < this.warmup; i++) this.sink += once(warm[i % BATCH]);
    let total = 0;
    for (let b = 0; b < BATCHES_PER_ROUND; b++) {
      // Built before timing: their construction is the app's cost, not the library's.
      const orders = freshOrders();
      const start = process.hrtime.bigint();
      for (let i = 0; i < BATCH; i++) this.sink += once(orders[i]);
      const ns = Number(process.hrtime.bigint() - start);
      total += ns;
      this.batchMeans.push(ns / BATCH / 1_000);
    }
    const round = { after, meanMicros: total / (BATCHES_PER_ROUND * BATCH) / 1_000 };
    this.rounds.push(round);
    return round;
  }

  result(): LocalCostResult {
    if (this.sink === 0) throw new Error('unreachable: keeps the work from being optimised away');
    const means = this.rounds.map((r) => r.meanMicros).sort((a, b) => a - b);
    const batches = [...this.batchMeans].sort((a, b) => a - b);
    return {
      iterations: this.batchMeans.length * BATCH,
      rounds: this.rounds,
      medianMicros: median(means),
      p99BatchMicros: quantile(batches, 0.99),
    };
  }
}

function freshOrders(): ReturnType<typeof smsOrder>[] {
  return Array.from({ length: BATCH }, () => smsOrder());
}
