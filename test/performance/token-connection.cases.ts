import { createMaskinportenClient, registerClient } from '../auth/support/maskinporten-client.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { smsOrder } from '../support/altinn-client.js';
import { useCountedSimulator } from './connection-counter.js';

/**
 * In production the token exchange (platform.altinn.no/authentication/...) and the notifications API
 * (platform.altinn.no/notifications/...) are one host. The exchange goes through the registration's keep-alive
 * pool, so the connection the start-up prefetch opened is the one the first send uses: no TCP and TLS handshake
 * on it. Counted on the server side of the loopback, with both URLs on the counter's port and Maskinporten elsewhere.
 */
describe('the start-up token exchange leaves the first send a warm connection', () => {
  const key = rsaKey();
  const ctx = useCountedSimulator();

  async function client(extra: Parameters<typeof createMaskinportenClient>[2] = {}) {
    const maskinporten = registerClient(ctx.sim, key, { platformUrl: ctx.counter.via(ctx.sim.platformUrl) });
    return createMaskinportenClient(ctx.sim, maskinporten, {
      baseUrl: ctx.counter.via(ctx.sim.baseUrl),
      ...extra,
    });
  }

  it('after app.init() the exchange’s connection is open, and the first sends open no other', async () => {
    const app = await client();
    try {
      expect(ctx.sim.counters).toMatchObject({ exchanges: 1, notificationRequests: 0 });
      expect(ctx.counter.connections).toBe(1);
      for (let i = 0; i < 3; i++) {
        await expect(app.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
      }
      expect(ctx.sim.counters).toMatchObject({ exchanges: 1, notificationRequests: 3 });
      expect(ctx.counter.connections).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('closing the module ends that connection too (no socket left in a global pool)', async () => {
    const app = await client();
    expect(ctx.counter.open).toBe(1);
    await app.close();
    await ctx.counter.allClosed();
    expect(ctx.counter.open).toBe(0);
  });

  it('keepAlive: false applies to the token calls as well: each call its own connection', async () => {
    const app = await client({ keepAlive: false });
    try {
      await app.service.sendInstantSms(smsOrder());
      expect(ctx.sim.counters).toMatchObject({ exchanges: 1, notificationRequests: 1 });
      expect(ctx.counter.connections).toBe(2);
    } finally {
      await app.close();
    }
  });
});
