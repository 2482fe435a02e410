import { AltinnApiError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import {
  createMaskinportenClient,
  registerClient,
  type MaskinportenTestClient,
} from './support/maskinporten-client.js';
import { fakeDate } from './support/fake-date.js';
import { rsaKey } from './support/maskinporten-keys.js';

const SMS = /instant\/sms$/;

describe('a 401 from the Notifications API', () => {
  let sim: AltinnSimulator;
  let client: MaskinportenTestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createMaskinportenClient(sim, registerClient(sim, rsaKey()));
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  const smsRequests = (id: string) => sim.requests.filter((r) => SMS.test(r.path) && r.idempotencyId === id);

  it('mid-flight: one refresh, one resend with the same idempotencyId, one message out', async () => {
    await client.service.sendInstantSms(smsOrder());
    expect(sim.counters).toMatchObject({ grants: 1, exchanges: 1 });

    sim.inject({ kind: 'status', status: 401 }, { path: SMS });
    const order = smsOrder();
    const result = await client.service.sendInstantSms(order);

    expect(result).toMatchObject({ idempotencyId: order.idempotencyId, created: true });
    expect(sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
    const attempts = smsRequests(order.idempotencyId);
    expect(attempts.map((r) => r.status)).toEqual([401, 201]);
    expect(attempts[0].authorization).not.toBe(attempts[1].authorization);
    expect(sim.orders.filter((o) => o.idempotencyId === order.idempotencyId)).toHaveLength(1);
    expect(sim.sentCount(order.idempotencyId)).toBe(1);

    // The fresh token is cached: the next send needs no token call.
    await client.service.sendInstantSms(smsOrder());
    expect(sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
  });

  it('a second 401 is not retried again: AltinnApiError 401 after two attempts and one refresh', async () => {
    // The last test dropped a token for a 401; one is dropped at most every 10 s.
    const clock = fakeDate();
    clock.advance(10_000);
    const before = sim.counters;
    sim.inject({ kind: 'status', status: 401 }, { path: SMS, times: 2 });
    const order = smsOrder();
    const error = await client.service
      .sendInstantSms(order)
      .catch((e: unknown) => e)
      .finally(() => clock.restore());

    expect(error).toBeInstanceOf(AltinnApiError);
    expect(error).toMatchObject({ status: 401, attempts: 2 });
    expect(smsRequests(order.idempotencyId).map((r) => r.status)).toEqual([401, 401]);
    expect(sim.counters.grants - before.grants).toBe(1);
    expect(sim.counters.exchanges - before.exchanges).toBe(1);
    expect(sim.sentCount(order.idempotencyId)).toBe(0);
  });
});
