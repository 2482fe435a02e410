import { AltinnSimulator } from '../../lib/testing/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { queueName, sms, startQueueApp, until, type QueueApp } from './support/queue-app.js';
import type { AltinnQueueWorkerOptions } from '../../lib/queue/index.js';
import { WorkerProcess } from './support/worker-process.js';

/**
 * Workers in their own processes, as app instances run in production: the test's app only enqueues and reads
 * counts; the simulator (in this process) records every message it hands over.
 */
describeRedis('queue workers in separate processes', () => {
  let redis: TestRedis;
  let sim: AltinnSimulator;
  let enqueuer: QueueApp | undefined;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    [redis, sim] = await Promise.all([startRedis(), AltinnSimulator.start()]);
  });
  afterAll(async () => {
    await sim?.close();
    await redis?.stop();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await enqueuer?.close();
  });

  async function setUp(label: string, worker: AltinnQueueWorkerOptions) {
    sim.reset();
    const name = queueName(label);
    // Completed jobs are kept, so the counts can be read at the end.
    enqueuer = await startQueueApp(sim, redis.url, {
      queueName: name,
      worker: false,
      removeOnComplete: false,
    });
    const config = {
      redis: redis.url,
      baseUrl: sim.baseUrl,
      token: await sim.issueToken({ expiresInSeconds: 3600 }),
      queue: { queueName: name, worker, retry: { forMs: 60_000, delayMs: 100, maxDelayMs: 1000 } },
    };
    const start = async () => {
      const w = await WorkerProcess.start(config);
      workers.push(w);
      return w;
    };
    return { queue: enqueuer.queue, start };
  }

  it('SIGKILL in the middle of 2,000 orders: another worker finishes, and each order reached Altinn once', async () => {
    const { queue, start } = await setUp('kill', {
      concurrency: 20,
      lockDuration: 2000,
      stalledInterval: 1000,
    });
    // The first worker starts while the orders are validated and stored: it takes them as they arrive.
    const [receipts, first] = await Promise.all([
      queue.enqueue(Array.from({ length: 2000 }, (_, i) => sms(i))),
      start(),
    ]);
    await until(() => sim.deliveries.length >= 500, 60_000, '500 deliveries');
    await first.kill();
    const atKill = await queue.getCounts();
    const second = await start();
    await until(async () => (await queue.getCounts()).completed === 2000, 120_000, '2,000 completed');

    // Jobs were in the killed worker's hands: their locks expired and the second worker took them over.
    expect(atKill.active).toBeGreaterThan(0);
    expect(atKill.completed).toBeLessThan(2000);
    const ids = sim.deliveries.map((d) => d.idempotencyId);
    expect(ids).toHaveLength(2000);
    expect(new Set(ids)).toEqual(new Set(receipts.map((r) => r.idempotencyId)));
    expect(await queue.getCounts()).toMatchObject({ completed: 2000, failed: 0, active: 0, waiting: 0 });
    const replays = second.events.filter((e) => e.type === 'completed' && !e.created).length;
    console.log(`killed with ${atKill.active} active jobs; ${replays} answered by Altinn's 200 replay`);
  }, 180_000);

  it('3 workers share one rate limit, pause together while Altinn answers 429, and deliver everything after', async () => {
    const limiter = { max: 5, duration: 250 };
    const { queue, start } = await setUp('limit', { concurrency: 10, limiter });
    await Promise.all([start(), start(), start()]);
    // 40 orders before the 429s, a few during, and about 3 s of the limiter's pace after them.
    const receipts = await queue.enqueue(Array.from({ length: 120 }, (_, i) => sms(i)));
    await until(() => sim.deliveries.length >= 40, 60_000, '40 deliveries');
    const from = Date.now();
    const fault = sim.inject({ kind: 'retryAfter', status: 429, seconds: 1 }, { times: Infinity });
    await new Promise((r) => setTimeout(r, 3000));
    fault.cancel();
    const to = Date.now();
    await until(async () => (await queue.getCounts()).completed === 120, 60_000, '120 completed');

    const sends = sim.requests
      .filter((r) => r.path.endsWith('/sms'))
      .map((r) => ({ t: r.at.getTime(), status: r.status }));
    // The limiter starts at most `max` jobs per `duration` for all three together: any 2 s span at most nine such
    // windows, plus one for the time between a job's start and its request reaching Altinn. Three workers of 10
    // each, unlimited, send several times faster (see the bench).
    const inWindow = (from: number, ms: number) => sends.filter((o) => o.t >= from && o.t < from + ms).length;
    const peak = Math.max(...sends.map((s) => inWindow(s.t, 2000)));
    expect(peak).toBeLessThanOrEqual((2000 / limiter.duration + 2) * limiter.max);
    // While Altinn said 429, every worker paused: most of that time, nothing reached it at all.
    const during = sends.filter((s) => s.t >= from && s.t <= to).map((s) => s.t);
    const quiet = [from, ...during, to]
      .slice(1)
      .map((t, i, all) => t - (i === 0 ? from : all[i - 1]))
      .filter((gap) => gap >= 500)
      .reduce((a, b) => a + b, 0);
    expect(sends.some((s) => s.status === 429)).toBe(true);
    expect(quiet).toBeGreaterThanOrEqual(0.5 * (to - from));
    // After it lifted, the queue went back to the limiter's pace, and every order went out once.
    const after = sends.filter((s) => s.t > to + 1000);
    expect(
      Math.max(...after.map((s) => after.filter((o) => o.t >= s.t && o.t < s.t + 1000).length)),
    ).toBeGreaterThanOrEqual(2 * limiter.max);
    expect(new Set(sim.deliveries.map((d) => d.idempotencyId))).toEqual(
      new Set(receipts.map((r) => r.idempotencyId)),
    );
    expect(sim.deliveries).toHaveLength(120);
    console.log(
      `peak ${peak} per 2 s (limit ${(limiter.max * 2000) / limiter.duration}); ` +
        `${sends.filter((s) => s.status === 429).length} answers 429; quiet ${quiet} of ${to - from} ms`,
    );
  }, 180_000);
});
