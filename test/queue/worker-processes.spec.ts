import { AltinnSimulator } from '../../lib/testing/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { queueName, sms, startQueueApp, until, type QueueApp } from './support/queue-app.js';
import { WorkerProcess, type WorkerConfig } from './support/worker-process.js';

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

  async function setUp(label: string, worker: WorkerConfig['worker']) {
    sim.reset();
    const name = queueName(label);
    // Completed jobs are kept, so the counts can be read at the end.
    enqueuer = await startQueueApp(sim, redis.url, {
      queueName: name,
      worker: false,
      removeOnComplete: false,
    });
    const config: WorkerConfig = {
      redisUrl: redis.url,
      baseUrl: sim.baseUrl,
      token: await sim.issueToken({ expiresInSeconds: 3600 }),
      queueName: name,
      prefix: 'bull',
      worker,
      retry: { forMs: 60_000, delayMs: 100, maxDelayMs: 1000 },
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
    const receipts = await queue.enqueue(Array.from({ length: 2000 }, (_, i) => sms(i)));
    const first = await start();
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
});
