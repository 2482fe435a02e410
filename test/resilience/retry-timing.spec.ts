import { AltinnRequestError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { failure, orderAttempts, retryClient, SMS_PATH } from './resilience.helpers.js';

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

  it('Retry-After (seconds) wins over a shorter delay', async () => {
    const client = await retryClient(sim, { retry: { delayMs: 10 } });
    sim.inject({ kind: 'retryAfter', status: 429, seconds: 1 }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(950);
    await client.close();
  });

  it('Retry-After as an HTTP date is honoured too', async () => {
    const client = await retryClient(sim, { retry: { delayMs: 10 } });
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString(); // whole seconds: 1–2 s from now
    sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': inTwoSeconds } }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(900);
    await client.close();
  });

  it('Retry-After is capped by maxDelayMs', async () => {
    const client = await retryClient(sim, { retry: { delayMs: 10, maxDelayMs: 200 } });
    sim.inject({ kind: 'retryAfter', status: 503, seconds: 120 }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(gaps(sim)[0]).toBeGreaterThanOrEqual(190);
    expect(gaps(sim)[0]).toBeLessThan(1000);
    await client.close();
  });

  it('exponential backoff doubles the ceiling of a jittered wait, and never exceeds maxDelayMs', async () => {
    const client = await retryClient(sim, {
      retry: { retries: 5, delayMs: 60, backoff: 'exponential', maxDelayMs: 300 },
    });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: Infinity });
    await expect(client.service.sendInstantSms(smsOrder())).rejects.toMatchObject({ attempts: 6 });
    const ceilings = [60, 120, 240, 300, 300]; // 60·2^(n−1), capped
    const slack = 80;
    gaps(sim).forEach((gap, i) => expect(gap).toBeLessThanOrEqual(ceilings[i] + slack));
    await client.close();
  });

  it('exponential backoff jitters: a herd of calls does not retry in lockstep', async () => {
    const client = await retryClient(sim, {
      retry: { retries: 1, delayMs: 400, backoff: 'exponential' },
    });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: 8 });
    await Promise.all(Array.from({ length: 8 }, () => client.service.sendInstantSms(smsOrder())));
    const retriesAt = orderAttempts(sim)
      .slice(8)
      .map((a) => a.at.getTime());
    // Without jitter all eight would arrive within a few ms of each other, 400 ms later.
    expect(Math.max(...retriesAt) - Math.min(...retriesAt)).toBeGreaterThan(40);
    await client.close();
  });

  it('an abort during the wait before a retry stops at once, and nothing more is sent', async () => {
    const client = await retryClient(sim, { retry: { delayMs: 10_000 } });
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
    await client.close();
  });

  it('an abort during an attempt is not retried', async () => {
    const client = await retryClient(sim, { retry: { delayMs: 10 } });
    sim.inject({ kind: 'hang' }, { path: SMS_PATH });
    const error = await failure(
      client.service.sendInstantSms(smsOrder(), { signal: AbortSignal.timeout(100) }),
    );
    expect(error).toMatchObject({ name: 'AltinnRequestError', reason: 'aborted', attempts: 1 });
    await sleep(100);
    expect(orderAttempts(sim)).toHaveLength(1);
    await client.close();
  });

  it('deadlineMs stops retries that could not finish in time', async () => {
    const client = await retryClient(sim, { deadlineMs: 5000, retry: { retries: 5, delayMs: 2500 } });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: Infinity });
    const started = Date.now();
    const error = await failure(client.service.sendInstantSms(smsOrder()));
    // Attempt 1 at 0 s, attempt 2 at 2.5 s; a third at 5 s would leave no time for an answer.
    expect(error).toMatchObject({ name: 'AltinnApiError', status: 503, attempts: 2 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(orderAttempts(sim)).toHaveLength(2);
    await client.close();
  });
});
