import type { AxiosInstance } from 'axios';
import type { AltinnNotificationsService } from '../lib/index.js';
import { runLoad, summarise, type LoadSample, type LoadStats } from './load.js';
import { smsOrder, SMS_PATH } from './orders.js';
import { median } from './stats.js';

export interface ThroughputRow {
  concurrency: number;
  module: LoadStats;
  bare: LoadStats;
  /** module / bare sends per second. */
  ratio: number;
  /** module / bare client CPU per send. */
  cpuRatio: number;
  /**
   * Median over the adjacent bare/module segment pairs of their throughput ratio: a cross-check that a burst of
   * load from elsewhere on the machine, landing on a few segments, cannot move much.
   */
  pairedMedianRatio: number;
}

export interface Senders {
  module: AltinnNotificationsService;
  bare: AxiosInstance;
  /** The Authorization header value the module sends (same token, from its own provider). */
  authorization: string;
}

/** Module and bare axios send the same order JSON; both answer true only on a 201. */
export function senders({ module, bare, authorization }: Senders) {
  return {
    module: async () => (await module.sendInstantSms(smsOrder())).created,
    bare: async () =>
      (await bare.post(SMS_PATH, smsOrder(), { headers: { Authorization: authorization } })).status === 201,
  };
}

/** Segments per side and level: many short ones, so the machine's own drift falls on both sides alike. */
export const SEGMENTS = 10;

/**
 * One concurrency level: `SEGMENTS` segments per side, alternating A B B A A B … (each a tenth of `sends`, each
 * within its share of `maxSeconds`). On a shared machine whose background load changes from one minute to the
 * next, one long run per side would measure the machine as much as the module.
 */
export async function compareAt(
  concurrency: number,
  sends: number,
  maxSeconds: number,
  send: ReturnType<typeof senders>,
  between: () => Promise<void>,
): Promise<ThroughputRow> {
  const perSegment = Math.ceil(sends / SEGMENTS);
  const segmentSeconds = maxSeconds / (2 * SEGMENTS);
  const module: LoadSample[] = [];
  const bare: LoadSample[] = [];
  for (let i = 0; i < 2 * SEGMENTS; i++) {
    const side = (i + 1) % 4 < 2 ? 'bare' : 'module'; // bare, module, module, bare, bare, module, …
    await between();
    const sample = await runLoad(concurrency, perSegment, send[side], segmentSeconds);
    (side === 'module' ? module : bare).push(sample);
  }
  const m = summarise(module);
  const b = summarise(bare);
  // Segments run B M | M B | B M …: the k-th module and the k-th bare segment are neighbours in time.
  const rate = (x: LoadSample) => x.latenciesMs.length / x.seconds;
  const pairs = module.map((x, k) => rate(x) / rate(bare[k])).sort((p, q) => p - q);
  return {
    concurrency,
    module: m,
    bare: b,
    ratio: m.perSecond / b.perSecond,
    cpuRatio: m.cpuMicrosPerSend / b.cpuMicrosPerSend,
    pairedMedianRatio: median(pairs),
  };
}
