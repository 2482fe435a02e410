import { quantile } from './stats.js';

/** Raw figures of one load run: every latency, wall time and the client process's CPU time. */
export interface LoadSample {
  latenciesMs: Float64Array;
  seconds: number;
  cpuMicros: number;
  failures: number;
}

export interface LoadStats {
  sends: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** User + system CPU of this (the client) process per send: what the client costs, whatever the server does. */
  cpuMicrosPerSend: number;
}

/**
 * `concurrency` workers send back to back until `total` sends are done or `maxSeconds` have passed (no new send
 * starts after that). `send` resolves true on a 2xx and false otherwise; a rejection counts as a failure too, so
 * one bad answer never stops a run.
 */
export async function runLoad(
  concurrency: number,
  total: number,
  send: () => Promise<boolean>,
  maxSeconds = Infinity,
): Promise<LoadSample> {
  const latenciesMs = new Float64Array(total);
  let next = 0;
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const sent = performance.now();
      const ok = await send().catch(() => false);
      latenciesMs[i] = performance.now() - sent;
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    latenciesMs: latenciesMs.subarray(0, next),
    seconds,
    cpuMicros: used.user + used.system,
    failures,
  };
}

/** Merges the segments of an interleaved run into one set of figures. */
export function summarise(samples: LoadSample[]): LoadStats {
  const sends = samples.reduce((n, s) => n + s.latenciesMs.length, 0);
  const all = new Float64Array(sends);
  let offset = 0;
  for (const s of samples) {
    all.set(s.latenciesMs, offset);
    offset += s.latenciesMs.length;
  }
  all.sort();
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    sends,
    failures: samples.reduce((n, s) => n + s.failures, 0),
    seconds,
    perSecond: sends / seconds,
    p50Ms: quantile(all, 0.5),
    p99Ms: quantile(all, 0.99),
    cpuMicrosPerSend: samples.reduce((n, s) => n + s.cpuMicros, 0) / sends,
  };
}
