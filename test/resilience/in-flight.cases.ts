import { AltinnSimulator } from '../../lib/testing/index.js';
import { emailOrder, smsOrder } from '../support/altinn-client.js';
import {
  failure,
  orderAttempts,
  retryClient,
  SMS_PATH,
  type ResilienceClient,
} from './resilience.helpers.js';

describe('concurrent calls with the same idempotencyId share one request', () => {
  let sim: AltinnSimulator;
  let client: ResilienceClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await retryClient(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  it('five callers, one HTTP request, one message, one result', async () => {
    sim.inject({ kind: 'delay', ms: 200 }, { path: SMS_PATH });
    const order = smsOrder();
    const results = await Promise.all(Array.from({ length: 5 }, () => client.service.sendInstantSms(order)));

    expect(orderAttempts(sim)).toHaveLength(1);
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
    expect(new Set(results.map((r) => r.notificationOrderId)).size).toBe(1);
    expect(results.every((r) => r.created)).toBe(true);
  });

  it('different ids are not shared', async () => {
    sim.inject({ kind: 'delay', ms: 100 }, { path: SMS_PATH, times: 3 });
    await Promise.all([smsOrder(), smsOrder(), smsOrder()].map((o) => client.service.sendInstantSms(o)));
    expect(orderAttempts(sim)).toHaveLength(3);
  });

  it('a failure is shared too, retries included, without extra requests', async () => {
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: 2 });
    const order = smsOrder();
    const [a, b] = await Promise.all([
      failure(client.service.sendInstantSms(order)),
      failure(client.service.sendInstantSms(order)),
    ]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ name: 'AltinnApiError', status: 503, attempts: 2 });
    expect(orderAttempts(sim)).toHaveLength(2);
  });

  it('once settled, the id is free: the next call asks Altinn, which answers from its record', async () => {
    const order = smsOrder();
    const first = await client.service.sendInstantSms(order);
    const again = await client.service.sendInstantSms(order);
    expect(again).toEqual({ ...first, created: false });
    expect(orderAttempts(sim).map((a) => a.status)).toEqual([201, 200]);
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('SMS and email share Altinn’s key space, so an email with an SMS id in flight joins it', async () => {
    sim.inject({ kind: 'delay', ms: 200 }, { path: SMS_PATH });
    const id = `shared-${Date.now()}`;
    const [sms, email] = await Promise.all([
      client.service.sendInstantSms(smsOrder({ idempotencyId: id })),
      client.service.sendInstantEmail(emailOrder({ idempotencyId: id })),
    ]);
    expect(email).toEqual(sms);
    expect(sim.requests).toHaveLength(1);
    expect(sim.sentCount(id)).toBe(1);
  });

  it('a joining caller that aborts stops waiting; the shared request goes on for the first', async () => {
    sim.inject({ kind: 'delay', ms: 1000 }, { path: SMS_PATH });
    const order = smsOrder();
    const first = client.service.sendInstantSms(order);
    const joined = failure(client.service.sendInstantSms(order, { signal: AbortSignal.timeout(50) }));
    const started = Date.now();
    expect(await joined).toMatchObject({ name: 'AltinnRequestError', reason: 'aborted' });
    expect(Date.now() - started).toBeLessThan(600);
    await expect(first).resolves.toMatchObject({ created: true });
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
  });
});

describe('the guarantee is per process', () => {
  it("two separate clients racing on one id: Altinn sends twice, then answers 500 (a race on Altinn's unique index)", async () => {
    const sim = await AltinnSimulator.start({ sendLatencyMs: 200 });
    const [a, b] = await Promise.all([retryClient(sim), retryClient(sim)]);
    try {
      const order = smsOrder();
      const results = await Promise.all([a.service.sendInstantSms(order), b.service.sendInstantSms(order)]);
      expect(sim.sentCount(order.idempotencyId)).toBe(2);
      expect(
        orderAttempts(sim)
          .map((r) => r.status)
          .sort(),
      ).toEqual([200, 201, 500]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    } finally {
      await a.close();
      await b.close();
      await sim.close();
    }
  });
});
