import { AltinnRequestError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import {
  failure,
  orderAttempts,
  retryClient,
  SMS_PATH,
  type ResilienceClient,
} from './resilience.helpers.js';

/** Milliseconds between consecutive attempts, as the simulator saw them arrive. */
function gaps(sim: AltinnSimulator): number[] {
  const at = orderAttempts(sim).map((a) => a.at.getTime());
  return at.slice(1).map((t, i) => t - at[i]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when the next attempt starts', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const clients: ResilienceClient[] = [];
  const open = async (options: Parameters<typeof retryClient>[1]) => {
    const client = await retryClient(sim, options);
    clients.push(client);
    return client;
  };
  afterEach(() => Promise.all(clients.splice(0).map((c) => c.close())));

  it('Retry-After (seconds) wins over a shorter delay', async () => {
    const client = await open({ retry: { delayMs: 10 } });
    sim.inject({ kind: 'retryAfter', status: 429, seconds: 1 }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(950);
  });

  it('Retry-After as an HTTP date is honoured too', async () => {
    const client = await open({ retry: { delayMs: 10 } });
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString(); // whole seconds: 1–2 s from now
    sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': inTwoSeconds } }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(900);
  });

  it('Retry-After is capped by maxDelayMs', async () => {
    const client = await open({ retry: { delayMs: 10, maxDelayMs: 200 } });
    sim.inject({ kind: 'retryAfter', status: 503, seconds: 120 }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(190);
    expect(gaps(sim)[0]).toBeLessThan(1000);
  });

  it('exponential backoff doubles the ceiling of a jittered wait, and never exceeds maxDelayMs', async () => {
    const client = await open({
      retry: { retries: 5, delayMs: 60, backoff: 'exponential', maxDelayMs: 300 },
    });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: Infinity });
    await expect(client.service.sendInstantSms(smsOrder())).rejects.toMatchObject({ attempts: 6 });
    const ceilings = [60, 120, 240, 300, 300]; // 60·2^(n−1), capped
    const slack = 150; // arrival times at the simulator, on a busy machine
    gaps(sim).forEach((gap, i) => expect(gap).toBeLessThanOrEqual(ceilings[i] + slack));
  });

  it('exponential backoff jitters: a herd of calls does not retry in lockstep', async () => {
    const client = await open({
      retry: { retries: 1, delayMs: 400, backoff: 'exponential' },
    });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: Infinity });
    await Promise.allSettled(Array.from({ length: 8 }, () => client.service.sendInstantSms(smsOrder())));
    // Each call's wait: from its first attempt to its retry.
    const byId = new Map<string | undefined, number[]>();
    for (const a of orderAttempts(sim))
      byId.set(a.idempotencyId, [...(byId.get(a.idempotencyId) ?? []), a.at.getTime()]);
    const waits = [...byId.values()].map(([first, retry]) => retry - first);
    expect(waits).toHaveLength(8);
    waits.forEach((wait) => expect(wait).toBeLessThanOrEqual(400 + 150));
    // Without jitter all eight would wait the same 400 ms, give or take a few.
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(40);
  });

  it('an abort during the wait before a retry stops at once, and nothing more is sent', async () => {
    const client = await open({ retry: { delayMs: 10_000 } });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH });
    const controller = new AbortController();
    const started = Date.now();
    const pending = failure(client.service.sendInstantSms(smsOrder(), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await pending;

    expect(error).toBeInstanceOf(AltinnRequestError);
    expect(error).toMatchObject({ reason: 'aborted', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    await sleep(200);
    expect(orderAttempts(sim)).toHaveLength(1);
  });

  it('an abort during an attempt is not retried', async () => {
    const client = await open({ retry: { delayMs: 10 } });
    sim.inject({ kind: 'hang' }, { path: SMS_PATH });
    const error = await failure(
      client.service.sendInstantSms(smsOrder(), { signal: AbortSignal.timeout(100) }),
    );
    expect(error).toMatchObject({ name: 'AltinnRequestError', reason: 'aborted', attempts: 1 });
    await sleep(100);
    expect(orderAttempts(sim)).toHaveLength(1);
  });

  it('deadlineMs stops retries that could not finish in time', async () => {
    const client = await open({ deadlineMs: 5000, retry: { retries: 5, delayMs: 2500 } });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: Infinity });
    const started = Date.now();
    const error = await failure(client.service.sendInstantSms(smsOrder()));
    // Attempt 1 at 0 s, attempt 2 at 2.5 s; a third at 5 s would leave no time for an answer.
    expect(error).toMatchObject({ name: 'AltinnApiError', status: 503, attempts: 2 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(orderAttempts(sim)).toHaveLength(2);
  });
});
