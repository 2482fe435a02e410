import { Queue } from 'bullmq';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { AltinnValidationError } from '../../lib/index.js';
import type { AltinnQueueEvent } from '../../lib/queue/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { queueName, sms, startQueueApp, until, type QueueApp } from './support/queue-app.js';

/** One app instance with enqueue and worker in this process, against the simulator and a real Redis. */
describeRedis('AltinnNotificationsQueue', () => {
  let redis: TestRedis;
  let sim: AltinnSimulator;
  let app: QueueApp;
  let name: string;
  beforeAll(async () => {
    [redis, sim] = await Promise.all([startRedis(), AltinnSimulator.start()]);
  });
  afterAll(async () => {
    await sim?.close();
    await redis?.stop();
  });
  beforeEach(async () => {
    sim.reset();
    name = queueName('unit');
    app = await startQueueApp(sim, redis.url, {
      queueName: name,
      worker: { concurrency: 5 },
      retry: { forMs: 1000, delayMs: 50, maxDelayMs: 200 },
      rateLimitDelayMs: 100,
    });
  });
  afterEach(() => app.close());

  const next = (n: number, type?: AltinnQueueEvent['type']) =>
    firstValueFrom(
      app.queue.events.pipe(
        filter((e) => !type || e.type === type),
        take(n),
        toArray(),
      ),
    );

  it('sends each queued order once, with the idempotencyId fixed at enqueue, and reports it', async () => {
    const done = next(3);
    const receipts = await app.queue.enqueue([
      sms(1),
      sms(2, 'my-own-id-2'),
      {
        kind: 'email',
        order: {
          recipientEmail: {
            emailAddress: 'kari@example.no',
            emailSettings: { subject: 'Hei', body: 'Hei Kari' },
          },
        },
      },
    ]);
    expect(receipts[1]).toEqual({ jobId: 'instant-my-own-id-2', idempotencyId: 'my-own-id-2' });
    const events = await done;
    expect(new Set(events.map((e) => e.idempotencyId))).toEqual(
      new Set(receipts.map((r) => r.idempotencyId)),
    );
    for (const e of events) {
      expect(e).toMatchObject({ type: 'completed', created: true, shipmentId: expect.any(String) });
      expect(sim.sentCount(e.idempotencyId)).toBe(1);
    }
    expect(await app.queue.getCounts()).toMatchObject({ waiting: 0, active: 0, completed: 3, failed: 0 });
  });

  it('lets the sends in flight finish when the app closes: their jobs complete, none is cut or stalls', async () => {
    sim.inject({ kind: 'delay', ms: 500 }, { path: /instant\/sms$/, times: 3 });
    const receipts = await app.queue.enqueue([sms(1), sms(2), sms(3)]);
    await until(async () => (await app.queue.getCounts()).active === 3, 10_000, '3 active jobs');
    await app.close();

    const queue = new Queue(name, { connection: { url: redis.url } });
    try {
      expect(await queue.getJobCounts('active', 'completed', 'failed', 'delayed', 'waiting')).toEqual({
        active: 0,
        completed: 3,
        failed: 0,
        delayed: 0,
        waiting: 0,
      });
    } finally {
      await queue.close();
    }
    for (const r of receipts) expect(sim.sentCount(r.idempotencyId)).toBe(1);
  });

  it('stores nothing when one order of a batch is invalid, and names it by index', async () => {
    const bad = sms(2);
    bad.order.recipientSms.phoneNumber = '12';
    const error = await app.queue.enqueue([sms(1), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors[0].path).toBe('[1].recipientSms.phoneNumber');
    expect(await app.queue.getCounts()).toMatchObject({ waiting: 0, completed: 0 });
  });

  it('de-duplicates by idempotencyId: enqueueing the same order again stores and sends nothing new', async () => {
    const done = next(1);
    const first = await app.queue.enqueue(sms(1, 'same-id'));
    const again = await app.queue.enqueue(sms(1, 'same-id'));
    expect(again).toEqual(first);
    await done;
    await app.queue.enqueue(sms(1, 'same-id'));
    expect(await app.queue.getCounts()).toMatchObject({ waiting: 0, completed: 1 });
    expect(sim.sentCount('same-id')).toBe(1);
  });

  it('sends a scheduled order through sendOrder', async () => {
    const done = next(1);
    const receipt = await app.queue.enqueue({
      kind: 'order',
      order: {
        recipient: {
          recipientEmail: {
            emailAddress: 'kari@example.no',
            emailSettings: { subject: 'Hei', body: 'Planlagt' },
          },
        },
      },
    });
    expect(receipt.jobId).toBe(`order-${receipt.idempotencyId}`);
    expect(await done).toEqual([
      expect.objectContaining({ type: 'completed', kind: 'order', created: true, jobId: receipt.jobId }),
    ]);
  });

  it('puts a permanent refusal in the failed set at once, with the typed error and nothing of the order', async () => {
    sim.inject(
      { kind: 'status', status: 422, body: { code: 'NOT-00001', title: 'Missing contact +4791234567' } },
      { path: '/future/orders/instant/sms' },
    );
    const done = next(1);
    const { jobId } = await app.queue.enqueue(sms(1));
    expect(await done).toEqual([
      expect.objectContaining({
        type: 'failed',
        jobId,
        error: { name: 'AltinnApiError', status: 422, code: 'NOT-00001', reason: 'permanent' },
      }),
    ]);
    const raw = await redis.client().hgetall(`bull:${name}:${jobId}`);
    expect(raw.failedReason).toBe('AltinnApiError 422 NOT-00001 (permanent)');
    expect(raw.stacktrace).toBe('[]');
    expect(sim.requests.filter((r) => r.path.endsWith('/sms'))).toHaveLength(1);
  });

  it('retries a transient failure with backoff, and it completes once Altinn recovers', async () => {
    sim.inject({ kind: 'status', status: 500 }, { path: '/future/orders/instant/sms', times: 2 });
    const done = next(3);
    const { idempotencyId } = await app.queue.enqueue(sms(1));
    const events = await done;
    expect(events.map((e) => e.type)).toEqual(['retrying', 'retrying', 'completed']);
    expect(events[0]).toMatchObject({ error: { name: 'AltinnApiError', status: 500, reason: 'transient' } });
    expect(sim.sentCount(idempotencyId)).toBe(1);
  });

  it('fails a job whose transient failures outlast retry.forMs', async () => {
    sim.inject({ kind: 'status', status: 502 }, { path: '/future/orders/instant/sms', times: Infinity });
    const failed = next(1, 'failed');
    await app.queue.enqueue(sms(1));
    expect(await failed).toEqual([
      expect.objectContaining({ error: { name: 'AltinnApiError', status: 502, reason: 'exhausted' } }),
    ]);
    expect(await app.queue.getCounts()).toMatchObject({ failed: 1, delayed: 0, waiting: 0 });
  });

  it('pauses the whole queue on a 429 for its Retry-After, without using an attempt', async () => {
    sim.inject({ kind: 'retryAfter', status: 429, seconds: 1 }, { path: '/future/orders/instant/sms' });
    const done = next(2, 'completed');
    await app.queue.enqueue(sms(1));
    // Queue.rateLimit() fills BullMQ's limiter to MAX_SAFE_INTEGER: its TTL at that count is the pause, set once
    // the 429 has reached the worker. (A job enqueued between the 429 and that moment may still go out at once.)
    const bull = new Queue(name, { connection: redis.client() });
    await until(async () => (await bull.getRateLimitTtl(Number.MAX_SAFE_INTEGER)) > 0, 5000, 'the pause');
    await bull.close();
    // Enqueued during the pause: it waits it out too.
    await app.queue.enqueue(sms(2));
    expect((await done).map((e) => e.type)).toEqual(['completed', 'completed']);
    const sends = sim.requests.filter((r) => r.path.endsWith('/sms'));
    expect(sends.map((r) => r.status)).toEqual([429, 201, 201]);
    // Nothing reached Altinn during the second it asked for (BullMQ checks the pause at ms resolution).
    for (const later of sends.slice(1)) {
      expect(later.at.getTime() - sends[0].at.getTime()).toBeGreaterThanOrEqual(950);
    }
  });
});
