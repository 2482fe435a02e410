import { AltinnApiError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { ConnectionCounter } from '../performance/connection-counter.js';
import { createTestClient, smsOrder } from '../support/altinn-client.js';

const SMS = /instant\/sms$/;
const ANSWER_MS = 500;

/**
 * A rolling deploy closes the app (SIGTERM, `enableShutdownHooks`) while sends are in flight: a code someone waits
 * for, a queue job. They finish, then the module closes its connections.
 */
describe('app shutdown with sends in flight', () => {
  let sim: AltinnSimulator;
  let counter: ConnectionCounter;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    counter = await ConnectionCounter.start(sim.baseUrl);
  });
  afterAll(async () => {
    await counter.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  it('lets them finish (created, each message once), then closes its connections', async () => {
    const client = await createTestClient(sim, { baseUrl: counter.via(sim.baseUrl) });
    sim.inject({ kind: 'delay', ms: ANSWER_MS }, { path: SMS, times: 3 });
    const orders = [smsOrder(), smsOrder(), smsOrder()];
    const sends = orders.map((o) => client.service.sendInstantSms(o));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counter.open).toBe(3);

    const closing = Date.now();
    await client.close();
    // Closing waited for the answers (the close used to take a few ms, and the sends got ECONNRESET).
    expect(Date.now() - closing).toBeGreaterThanOrEqual(ANSWER_MS - 150);
    await expect(Promise.all(sends)).resolves.toMatchObject([
      { created: true },
      { created: true },
      { created: true },
    ]);
    for (const o of orders) expect(sim.sentCount(o.idempotencyId)).toBe(1);
    await counter.allClosed();
    expect(counter.open).toBe(0);
  });

  it('does not wait for a retry: a call between attempts fails at once with its last error', async () => {
    const client = await createTestClient(sim, { retry: { retries: 3 } });
    // Altinn asks for 3 s between attempts, three times over.
    sim.inject({ kind: 'retryAfter', status: 503, seconds: 3 }, { path: SMS, times: Infinity });
    const send = client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the first 503 is in

    const closing = Date.now();
    await client.close();
    expect(Date.now() - closing).toBeLessThan(1500);
    expect(await send).toBeInstanceOf(AltinnApiError);
    expect(await send).toMatchObject({ status: 503, attempts: 1 });
    expect(sim.requests.filter((r) => SMS.test(r.path))).toHaveLength(1);
  });
});
