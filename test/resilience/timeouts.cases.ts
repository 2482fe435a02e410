// What only a real socket shows: axios' per-attempt timeout before the headers and in a pause of the body, and the
// deadline ending a body that never pauses. Timeouts are at least 5 s, so these tests run concurrently, each on its
// own simulator. The time rules themselves (which attempt gets how long, when the call ends) are asserted to the
// millisecond on fake timers in retry-timing.cases.ts.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AltinnRequestError } from '../../lib/index.js';
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

  it.concurrent('no answer and no retry: AltinnRequestError reason "timeout" after timeoutMs', async () => {
    await withOwnSimulator({ retry: false }, async (sim, client) => {
      sim.inject({ kind: 'hang' }, { path: SMS_PATH });
      const started = Date.now();
      const error = await failure(client.service.sendInstantSms(smsOrder()));
      expect(error).toBeInstanceOf(AltinnRequestError);
      expect(error).toMatchObject({ reason: 'timeout', attempts: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    });
  });

  it.concurrent('slow body within the timeout: one attempt, created', async () => {
    await withOwnSimulator({}, async (sim, client) => {
      sim.inject({ kind: 'slowBody', delayMs: 300 }, { path: SMS_PATH });
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

  it.concurrent(
    'a body that keeps trickling in is cut at the deadline, by default timeoutMs × attempts + waits',
    async () => {
      // Headers at once, then a byte every 300 ms of a body that never completes: no gap is long enough for the
      // per-attempt timeout, so only the deadline ends it. No deadlineMs, no retry: the deadline is the 5 s timeout.
      // (Issue 12, item 5: such a body outlived timeoutMs for ever; test/security/altinn-unbounded-answer.cases.ts.)
      const trickler = createServer((req, res) => {
        req.resume();
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 300);
        res.on('close', () => clearInterval(timer));
      });
      await new Promise<void>((resolve) => trickler.listen(0, '127.0.0.1', resolve));
      const { port } = trickler.address() as AddressInfo;
      const options = { baseUrl: `http://127.0.0.1:${port}`, retry: false as const };
      try {
        await withOwnSimulator(options, async (_sim, client) => {
          const started = Date.now();
          const error = await failure(client.service.sendInstantSms(smsOrder()));
          const elapsed = Date.now() - started;
          expect(error).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 1 });
          expect(elapsed).toBeGreaterThanOrEqual(4900);
          expect(elapsed).toBeLessThan(6500);
        });
      } finally {
        trickler.closeAllConnections();
        await new Promise((resolve) => trickler.close(resolve));
      }
    },
  );
});
