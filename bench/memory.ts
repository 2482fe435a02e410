import type { AltinnNotificationsService } from '../lib/index.js';
import { runLoad, summarise, type LoadStats } from './load.js';

export interface MemoryReading {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
}

export interface MemoryResult {
  sends: number;
  concurrency: number;
  load: LoadStats;
  before: MemoryReading;
  after: MemoryReading;
  rssGrowthMB: number;
  heapGrowthMB: number;
  /** Calls the service still tracks by idempotencyId after the run; must be 0. */
  inFlightAfter: number;
}

const MB = 1024 * 1024;

/** Full collections first, so the reading shows what is kept, not what is merely not yet collected. */
async function reading(): Promise<MemoryReading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return {
    rssMB: m.rss / MB,
    heapUsedMB: m.heapUsed / MB,
    heapTotalMB: m.heapTotal / MB,
    externalMB: m.external / MB,
  };
}

/** The client process's memory before and after `sends` sends through the module (the simulator is elsewhere). */
export async function measureMemory(
  service: AltinnNotificationsService,
  send: () => Promise<boolean>,
  sends: number,
  concurrency: number,
): Promise<MemoryResult> {
  const before = await reading();
  const sample = await runLoad(concurrency, sends, send);
  const load = summarise([sample]);
  // The sample's latencies are part of the bench, not the module: let them go before the second reading.
  sample.latenciesMs = new Float64Array(0);
  const after = await reading();
  // Private by design; the bench looks in to prove nothing per idempotencyId outlives its call.
  const inFlight = (service as unknown as { inFlight: Map<string, unknown> }).inFlight;
  return {
    sends,
    concurrency,
    load,
    before,
    after,
    rssGrowthMB: after.rssMB - before.rssMB,
    heapGrowthMB: after.heapUsedMB - before.heapUsedMB,
    inFlightAfter: inFlight.size,
  };
}
