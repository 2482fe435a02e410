// Timeouts are at least 5 s, so these tests run concurrently, each on its own simulator.

import { smsOrder } from '../support/altinn-client.js';
import { failure, orderAttempts, SMS_PATH, withOwnSimulator } from './resilience.helpers.js';

// Jest runs concurrent tests in parallel only within one describe block.
describe('per-attempt timeout, deadline and slow body', () => {
  it.concurrent('no answer: the attempt times out after timeoutMs and the retry succeeds', async () => {
    await withOwnSimulator({}, async (sim, client) => {
      sim.inject({ kind: 'hang' }, { path: SMS_PATH });
      const order = smsOrder();
      const started = Date.now();
      await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
      // A hanging server never reads the body, so only the second attempt shows the id.
      expect(orderAttempts(sim).map((a) => a.fault ?? a.idempotencyId)).toEqual([
        'hang',
        order.idempotencyId,
      ]);
      expect(sim.sentCount(order.idempotencyId)).toBe(1);
    });
  });

  it.concurrent('deadlineMs also shortens the last attempt: the call ends at the deadline', async () => {
    await withOwnSimulator({ deadlineMs: 6500, retry: { delayMs: 50 } }, async (sim, client) => {
      sim.inject({ kind: 'hang' }, { path: SMS_PATH, times: Infinity });
      const started = Date.now();
      const error = await failure(client.service.sendInstantSms(smsOrder()));
      const elapsed = Date.now() - started;
      expect(error).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 2 });
      expect(elapsed).toBeGreaterThanOrEqual(6300);
      expect(elapsed).toBeLessThan(8000);
    });
  });

  it.concurrent('slow body within the timeout: one attempt, created', async () => {
    await withOwnSimulator({}, async (sim, client) => {
      sim.inject({ kind: 'slowBody', delayMs: 400 }, { path: SMS_PATH });
      const order = smsOrder();
      await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
      expect(orderAttempts(sim)).toHaveLength(1);
    });
  });

  it.concurrent(
    'beyond the timeout: the retry is answered from Altinn’s record, nothing sent twice',
    async () => {
      await withOwnSimulator({}, async (sim, client) => {
        sim.inject({ kind: 'slowBody', delayMs: 6000 }, { path: SMS_PATH });
        const order = smsOrder();
        const result = await client.service.sendInstantSms(order);
        expect(result).toMatchObject({
          created: false,
          notificationOrderId: sim.orders[0].notificationOrderId,
        });
        expect(orderAttempts(sim).map((a) => a.status)).toEqual([201, 200]);
        expect(sim.sentCount(order.idempotencyId)).toBe(1);
      });
    },
  );
});
