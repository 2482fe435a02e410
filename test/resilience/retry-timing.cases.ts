import { jest } from '@jest/globals';
import {
  AltinnApiError,
  AltinnRequestError,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { stubClient, type StubClient } from './stub-transport.js';

// When each attempt starts, and when a call ends: the time rules of retries, per-attempt timeouts and the deadline,
// on Jest's fake timers with a stub transport, so that exact times can be asserted without waiting for them.
// Over real HTTP: the per-attempt timeout and the deadline on a real socket in timeouts.cases.ts, the outcomes of
// every fault in the fault matrix.

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0); // a whole second, for Retry-After dates
const NOT_00004 = { status: 503, body: { code: 'NOT-00004', title: 'A temporary network failure occurred' } };

/** Milliseconds between consecutive attempts. */
const gaps = (client: StubClient) => client.attempts.slice(1).map((a, i) => a.at - client.attempts[i].at);
/** Milliseconds from T0 at which the call settled, and how. */
async function settle(call: Promise<unknown>): Promise<{ after: number; value: unknown }> {
  const value = await call.then(
    (v) => v,
    (e: unknown) => e,
  );
  return { after: Date.now() - T0, value };
}

describe('when the next attempt starts, and when a call ends (fake timers, stub transport)', () => {
  let client: StubClient | undefined;
  const open = async (options: Partial<AltinnNotificationsModuleOptions>) => {
    client = await stubClient(options);
    jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    return client;
  };
  /** Runs the fake clock, from one timer to the next, until `call` settles; what it settled with, and when. */
  async function run(call: Promise<unknown>) {
    const settled = settle(call);
    let done = false;
    void settled.then(() => (done = true));
    for (let timers = 0; timers < 100 && !done; timers++) await jest.advanceTimersToNextTimerAsync();
    if (!done) throw new Error('the call had not settled after 100 timers');
    return settled;
  }
  afterEach(async () => {
    jest.useRealTimers();
    await client?.close();
    client = undefined;
  });

  it('the default policy waits 2 s before its one retry', async () => {
    const c = await open({});
    c.answer(NOT_00004, NOT_00004);
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ name: 'AltinnApiError', status: 503, attempts: 2 });
    expect(gaps(c)).toEqual([2000]);
  });

  it('Retry-After (seconds) wins over a shorter delay', async () => {
    const c = await open({ retry: { delayMs: 10 } });
    c.answer({ status: 429, headers: { 'retry-after': '1' }, body: { statusCode: 429 } });
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ created: true });
    expect(gaps(c)).toEqual([1000]);
  });

  it('Retry-After as an HTTP date is honoured too', async () => {
    const c = await open({ retry: { delayMs: 10 } });
    c.answer({ status: 503, headers: { 'retry-after': new Date(T0 + 3000).toUTCString() } });
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ created: true });
    expect(gaps(c)).toEqual([3000]);
  });

  it('Retry-After is capped by maxDelayMs', async () => {
    const c = await open({ retry: { delayMs: 10, maxDelayMs: 200 } });
    c.answer({ status: 503, headers: { 'retry-after': '120' } });
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ created: true });
    expect(gaps(c)).toEqual([200]);
  });

  it('exponential backoff doubles the ceiling of a jittered wait, and never exceeds maxDelayMs', async () => {
    const c = await open({ retry: { retries: 5, delayMs: 60, backoff: 'exponential', maxDelayMs: 300 } });
    c.answer(...Array.from({ length: 6 }, () => NOT_00004));
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ name: 'AltinnApiError', attempts: 6 });
    const ceilings = [60, 120, 240, 300, 300]; // 60·2^(n−1), capped
    expect(gaps(c)).toHaveLength(5);
    gaps(c).forEach((gap, i) => expect(gap).toBeLessThanOrEqual(ceilings[i]));
  });

  it('exponential backoff jitters: a herd of calls does not retry in lockstep', async () => {
    const c = await open({ retry: { retries: 1, delayMs: 400, backoff: 'exponential' } });
    c.answer(...Array.from({ length: 8 }, () => NOT_00004));
    const orders = Array.from({ length: 8 }, () => smsOrder());
    await run(Promise.allSettled(orders.map((o) => c.service.sendInstantSms(o))));
    const waits = orders.map((o) => {
      const [first, retry] = c.attempts.filter((a) => a.idempotencyId === o.idempotencyId);
      return retry.at - first.at;
    });
    waits.forEach((wait) => expect(wait).toBeLessThanOrEqual(400));
    // Without jitter all eight would wait the same 400 ms.
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(40);
  });

  it('an abort during the wait before a retry stops at once, and nothing more is sent', async () => {
    const c = await open({ retry: { delayMs: 10_000 } });
    c.answer(NOT_00004);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { value, after } = await run(c.service.sendInstantSms(smsOrder(), { signal: controller.signal }));
    expect(value).toBeInstanceOf(AltinnRequestError);
    expect(value).toMatchObject({ reason: 'aborted', attempts: 1 });
    expect(after).toBe(100);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(c.attempts).toHaveLength(1);
  });

  it('an abort during an attempt is not retried', async () => {
    const c = await open({ retry: { delayMs: 10 } });
    c.answer('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { value, after } = await run(c.service.sendInstantSms(smsOrder(), { signal: controller.signal }));
    expect(value).toMatchObject({ name: 'AltinnRequestError', reason: 'aborted', attempts: 1 });
    expect(after).toBe(100);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(c.attempts).toHaveLength(1);
  });

  it('deadlineMs stops retries that could not finish in time', async () => {
    const c = await open({ deadlineMs: 5000, retry: { retries: 5, delayMs: 2500 } });
    c.answer(NOT_00004, NOT_00004, NOT_00004);
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    // Attempt 1 at 0 s, attempt 2 at 2.5 s; a third at 5 s would leave no time for an answer.
    expect(value).toBeInstanceOf(AltinnApiError);
    expect(value).toMatchObject({ status: 503, attempts: 2 });
    expect(after).toBe(2500);
    expect(c.attempts).toHaveLength(2);
  });

  it('no answer: the attempt times out after timeoutMs (reason "timeout") and the retry succeeds', async () => {
    const c = await open({ timeoutMs: 5000, retry: { delayMs: 50 } });
    c.answer('hang');
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ created: true });
    expect(c.attempts.map((a) => [a.at - T0, a.timeout])).toEqual([
      [0, 5000],
      [5050, 5000],
    ]);
    expect(after).toBe(5050);
  });

  it('no answer and no retry: AltinnRequestError reason "timeout" after timeoutMs', async () => {
    const c = await open({ timeoutMs: 7000, retry: false });
    c.answer('hang');
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toBeInstanceOf(AltinnRequestError);
    expect(value).toMatchObject({ reason: 'timeout', attempts: 1 });
    expect(after).toBe(7000);
  });

  it('deadlineMs also shortens the last attempt: the call ends at the deadline', async () => {
    const c = await open({ timeoutMs: 5000, deadlineMs: 6500, retry: { delayMs: 50 } });
    c.answer('hang', 'hang');
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 2 });
    expect(c.attempts.map((a) => [a.at - T0, a.timeout])).toEqual([
      [0, 5000],
      [5050, 1450],
    ]);
    expect(after).toBe(6500);
  });

  it('a body that never ends is cut at deadlineMs (reason "timeout"), not retried past it', async () => {
    const c = await open({ deadlineMs: 6000, retry: { delayMs: 50 } });
    c.answer('trickle');
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 1 });
    expect(after).toBe(6000);
  });

  it('without deadlineMs the deadline is what the policy allows: timeoutMs × attempts + waits', async () => {
    const c = await open({ timeoutMs: 5000, retry: { retries: 1, delayMs: 300 } });
    c.answer('trickle', 'trickle');
    const { value, after } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 1 });
    expect(after).toBe(5000 * 2 + 300);
  });

  it('a finished call leaves no timer behind (the deadline timer is cleared)', async () => {
    const c = await open({ deadlineMs: 60_000 });
    const { value } = await run(c.service.sendInstantSms(smsOrder()));
    expect(value).toMatchObject({ created: true });
    expect(jest.getTimerCount()).toBe(0);
  });
});
