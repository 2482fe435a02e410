import type { AxiosInstance } from 'axios';
import type { AltinnNotificationsService } from '../lib/index.js';
import { runLoad, summarise, type LoadSample, type LoadStats } from './load.js';
import { smsOrder, SMS_PATH } from './orders.js';

export interface ThroughputRow {
  concurrency: number;
  module: LoadStats;
  bare: LoadStats;
  /** module / bare sends per second. */
  ratio: number;
  /** module / bare client CPU per send. */
  cpuRatio: number;
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

/**
 * One concurrency level, interleaved bare → module → module → bare (halves of `sends` each, each within a quarter
 * of `maxSeconds`), so drift during the run (JIT, GC, other load on the machine) falls on both sides alike.
 */
export async function compareAt(
  concurrency: number,
  sends: number,
  maxSeconds: number,
  send: ReturnType<typeof senders>,
  between: () => Promise<void>,
): Promise<ThroughputRow> {
  const half = Math.ceil(sends / 2);
  const module: LoadSample[] = [];
  const bare: LoadSample[] = [];
  for (const side of ['bare', 'module', 'module', 'bare'] as const) {
    await between();
    const sample = await runLoad(concurrency, half, send[side], maxSeconds / 4);
    (side === 'module' ? module : bare).push(sample);
  }
  const m = summarise(module);
  const b = summarise(bare);
  return {
    concurrency,
    module: m,
    bare: b,
    ratio: m.perSecond / b.perSecond,
    cpuRatio: m.cpuMicrosPerSend / b.cpuMicrosPerSend,
  };
}
