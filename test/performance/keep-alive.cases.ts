import { createTestClient, smsOrder, type TestClient } from '../support/altinn-client.js';
import { useCountedSimulator } from './connection-counter.js';

/**
 * Real Altinn is HTTPS: a connection per message is a TLS handshake per message. Counted on the server side of
 * the loopback, through a TCP pass-through in front of the simulator.
 */
describe('keep-alive agents on the module’s own axios instance', () => {
  const SENDS = 8;
  const ctx = useCountedSimulator();
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  async function sendSequentially(n: number) {
    for (let i = 0; i < n; i++) {
      const result = await client!.service.sendInstantSms(smsOrder());
      expect(result.created).toBe(true);
    }
  }

  it('by default, sequential sends reuse one connection', async () => {
    client = await createTestClient(ctx.sim, { baseUrl: ctx.counter.via(ctx.sim.baseUrl), retry: false });
    await sendSequentially(SENDS);
    expect(ctx.sim.orders).toHaveLength(SENDS);
    expect(ctx.counter.connections).toBe(1);
  });

  it('keepAlive: false opens a new connection for every send', async () => {
    client = await createTestClient(ctx.sim, {
      baseUrl: ctx.counter.via(ctx.sim.baseUrl),
      retry: false,
      keepAlive: false,
    });
    await sendSequentially(SENDS);
    expect(ctx.sim.orders).toHaveLength(SENDS);
    expect(ctx.counter.connections).toBe(SENDS);
  });

  it('keepAlive: { maxSockets: 2 } sends concurrent calls over at most two connections', async () => {
    client = await createTestClient(ctx.sim, {
      baseUrl: ctx.counter.via(ctx.sim.baseUrl),
      retry: false,
      keepAlive: { maxSockets: 2 },
    });
    const results = await Promise.all(
      Array.from({ length: SENDS }, () => client!.service.sendInstantSms(smsOrder())),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(ctx.sim.orders).toHaveLength(SENDS);
    expect(ctx.counter.connections).toBe(2);
  });

  it('closing the module ends its kept-alive connections', async () => {
    client = await createTestClient(ctx.sim, { baseUrl: ctx.counter.via(ctx.sim.baseUrl), retry: false });
    await sendSequentially(2);
    expect(ctx.counter.open).toBe(1);
    await client.close();
    client = undefined;
    await ctx.counter.allClosed();
    expect(ctx.counter.open).toBe(0);
  });
});
