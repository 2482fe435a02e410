import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureCapacity } from './capacity.js';
import { createBareClient, createModuleClient } from './client-app.js';
import { LocalCostMeter } from './local-cost.js';
import { runLoad } from './load.js';
import { machineInfo } from './machine.js';
import { measureMemory } from './memory.js';
import { formatReport } from './report.js';
import type { BenchResults } from './results.js';
import { SimProcess } from './sim-process.js';
import { checkTargets } from './targets.js';
import { compareAt, senders, type ThroughputRow } from './throughput.js';
import { formatTokenLatency, measureTokenLatency } from './token-latency.js';
import { measureTokenStorm } from './token-storm.js';
import { formatQueue, measureQueue } from './queue.js';
import type { AltinnNotificationsModuleOptions } from '../lib/index.js';

/**
 * `npm run bench`: the five measurements in one run; prints a table, writes bench/results.json and exits 0.
 * `npm run bench -- --check` also exits 1 when a target is missed (bench/targets.ts).
 */
const CHECK = process.argv.includes('--check');
const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const MEMORY_SENDS = Number(process.env.BENCH_MEMORY_SENDS ?? 60_000);
const QUEUE_ORDERS = Number(process.env.BENCH_QUEUE_ORDERS ?? 10_000);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 8);
// Per concurrency level, both sides together: keeps the whole run under 5 minutes on a 2-core machine.
const LEVEL_SECONDS = Number(process.env.BENCH_LEVEL_SECONDS ?? 22);
const CONCURRENCY = [1, 16, 64, 256];
const TARGET_CONCURRENCY = 64;
const RESULTS = fileURLToPath(new URL('../../results.json', import.meta.url));

const LOAD_AT_START = loadavg()[0];
const progress = (line: string) => process.stderr.write(`[bench ${elapsed().toFixed(0)}s] ${line}\n`);
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');

// The local cost runs in rounds between the other parts: one slow minute of a shared machine moves one round.
const localCost = new LocalCostMeter();
const localCostRound = (after: string) => {
  const { meanMicros } = localCost.round(after);
  progress(`4. local cost (no HTTP), round after ${after}: ${meanMicros.toFixed(1)} µs`);
};
localCostRound('start');

const sim = await SimProcess.start();
try {
  progress(`simulator child pid ${sim.pid} at ${sim.where.url}`);
  progress('3. token storm: 1,000 concurrent first sends');
  const tokenStorm = await measureTokenStorm(sim, 1_000);
  localCostRound('token storm');

  const client = await createModuleClient(sim);
  const bare = createBareClient(sim.where.baseUrl);
  try {
    const token = await client.tokenProvider.getToken();
    const sendersOf = { module: client.service, bare: bare.http, authorization: `Bearer ${token}` };
    const send = senders(sendersOf);
    // Keeps the simulator's stores small (no drift from its growing state) and starts each run after a full GC.
    const between = async () => {
      await sim.reset();
      gc();
    };

    progress('warm-up');
    await between();
    await runLoad(16, 2_000, send.module);
    await runLoad(16, 2_000, send.bare);

    progress(`1. simulator capacity (autocannon, ${CAPACITY_SECONDS} s)`);
    await between();
    const capacity = await measureCapacity(sim.where.baseUrl, token, 64, CAPACITY_SECONDS);

    const throughput: ThroughputRow[] = [];
    for (const concurrency of CONCURRENCY) {
      // The level the target is set at gets twice the sends and time: its figure is the one judged.
      const scale = concurrency === TARGET_CONCURRENCY ? 2 : 1;
      const sends = SENDS * scale;
      progress(
        `2. module vs bare at concurrency ${concurrency} (up to ${sends.toLocaleString('en')} sends each)`,
      );
      throughput.push(await compareAt(concurrency, sends, LEVEL_SECONDS * scale, send, between));
    }

    // The same comparison without the module's logging, and with its logging going nowhere: how much of the gap
    // is the log sink's two writes per send, and how much the module's own work for them.
    const variant = async (label: string, extra: Partial<AltinnNotificationsModuleOptions>) => {
      progress(`${label} vs bare at concurrency ${TARGET_CONCURRENCY}`);
      const other = await createModuleClient(sim, extra);
      const otherSend = { module: senders({ ...sendersOf, module: other.service }).module, bare: send.bare };
      await runLoad(16, 1_000, otherSend.module);
      const row = await compareAt(TARGET_CONCURRENCY, SENDS, LEVEL_SECONDS / 2, otherSend, between);
      await other.close();
      return row;
    };
    const quietRow = await variant('2b. module with logging: false', { logging: false });
    const discardRow = await variant('2c. module logging to a logger that discards', {
      logging: { logger: { log: () => undefined, warn: () => undefined, error: () => undefined } },
    });

    localCostRound('throughput');

    progress(`5. memory over ${MEMORY_SENDS.toLocaleString('en')} sends`);
    await between();
    const memory = await measureMemory(client.service, send.module, MEMORY_SENDS, 64);
    localCostRound('memory');

    progress(`7. queue: ${QUEUE_ORDERS.toLocaleString('en')} orders, 1 and 3 worker processes`);
    const queue = await measureQueue(sim, QUEUE_ORDERS, 16);
    localCostRound('queue');

    progress('6. token latency across token renewals');
    const tokenLatency = await measureTokenLatency();

    const partial = {
      date: new Date().toISOString(),
      machine: machineInfo(LOAD_AT_START),
      setup: {
        simulator:
          'AltinnSimulator in a child process on 127.0.0.1 (its own event loop; the 2 cores are shared)',
        logging: 'default logging on (request + audit line per send), written synchronously to /dev/null',
        keepAlive: 'module default keep-alive agent; bare axios gets the same agent settings',
      },
      capacity,
      throughput,
      loggingOff: quietRow,
      loggingDiscarded: discardRow,
      tokenStorm,
      localCost: localCost.result(),
      memory,
      queue,
      tokenLatency,
      durationSeconds: elapsed(),
    };
    const results: BenchResults = { ...partial, targets: checkTargets(partial) };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(formatReport(results));
    console.log(`\n${formatTokenLatency(tokenLatency)}`);
    console.log(`\n${formatQueue(queue)}`);
    console.log(`\nWritten: ${RESULTS}`);
    const missed = results.targets.filter((t) => !t.met).length;
    if (missed > 0)
      console.log(`${missed} target(s) missed${CHECK ? '' : ' (npm run bench -- --check fails on them)'}`);
    if (CHECK && missed > 0) process.exitCode = 1;
  } finally {
    bare.close();
    await client.close();
  }
} finally {
  await sim.close();
}
