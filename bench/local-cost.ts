import 'reflect-metadata';
import { toWireSmsOrder } from '../lib/dto/order.validation.js';
import type { PhoneNumberPolicy } from '../lib/dto/validators/altinn-phone-number.js';
import { smsOrder } from './orders.js';

/** The result of the micro-benchmark: validation + serialisation of one SMS order, no HTTP. */
export interface LocalCostResult {
  iterations: number;
  /** Mean over all timed iterations. */
  meanMicros: number;
  /** Median and p99 of the per-batch means (batches of 1,000), which hide timer resolution. */
  medianBatchMicros: number;
  p99BatchMicros: number;
}

const BATCH = 1_000;
const POLICY: PhoneNumberPolicy = { mobileOnly: true };

/** What `sendInstantSms` does before any network call: `toWireSmsOrder` (the module's options) + `JSON.stringify`. */
function once(order: ReturnType<typeof smsOrder>): number {
  return JSON.stringify(toWireSmsOrder(order, POLICY, {}, 16)).length;
}

export function measureLocalCost(batches = 40, warmup = 5_000): LocalCostResult {
  // Orders are built before timing: their construction is the app's cost, not the library's.
  const orders = Array.from({ length: BATCH }, () => smsOrder());
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += once(orders[i % BATCH]);
  const means: number[] = [];
  let total = 0;
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) sink += once(orders[i]);
    const ns = Number(process.hrtime.bigint() - start);
    total += ns;
    means.push(ns / BATCH / 1_000);
  }
  if (sink === 0) throw new Error('unreachable: keeps the work from being optimised away');
  means.sort((a, b) => a - b);
  return {
    iterations: batches * BATCH,
    meanMicros: total / (batches * BATCH) / 1_000,
    medianBatchMicros: means[Math.floor(means.length / 2)],
    p99BatchMicros: means[Math.min(means.length - 1, Math.floor(means.length * 0.99))],
  };
}
