import { decodeJwt } from 'jose';
import { AltinnAuthError, MaskinportenTokenProvider } from '../../lib/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { useSharedSimulator } from '../support/shared-simulator.js';
import { fakeDate } from './support/fake-date.js';
import { createMaskinportenClient, registerClient } from './support/maskinporten-client.js';
import { rsaKey } from './support/maskinporten-keys.js';

const SMS_PATH = '/notifications/api/v1/future/orders/instant/sms';
const key = rsaKey();

describe('Maskinporten token cache', () => {
  // One simulator for the tests with its default options (each registers its own client).
  const sims = useSharedSimulator();
  let clock: ReturnType<typeof fakeDate> | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('200 concurrent first sends cause exactly one grant and one exchange', async () => {
    // Without the start-up prefetch, which would fetch the token before any send (token-prefetch.cases.ts).
    const client = await createMaskinportenClient(sims.sim, registerClient(sims.sim, key), {
      tokenPrefetch: false,
    });
    try {
      const orders = Array.from({ length: 200 }, () => smsOrder());
      const results = await Promise.all(orders.map((order) => client.service.sendInstantSms(order)));

      expect(results.every((r) => r.created)).toBe(true);
      expect(sims.sim.counters).toEqual({ grants: 1, exchanges: 1, notificationRequests: 200 });
      expect(sims.sim.requests.filter((r) => r.path === '/maskinporten/token')).toHaveLength(1);
      const sent = sims.sim.requests.filter((r) => r.path === SMS_PATH);
      expect(new Set(sent.map((r) => r.authorization)).size).toBe(1);
      expect(sent.every((r) => r.status === 201)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('caches until exp minus the margin, then exactly one refresh for many concurrent sends', async () => {
    // A 3 s Altinn token with a 1 s margin: refreshed 2 s or less after it was issued, never used after exp.
    // The clock (shared by library and simulator) is moved instead of waited for; HTTP stays real.
    clock = fakeDate();
    await sims.start({ tokenLifetimeSeconds: 3 });
    // Without the background refresh, which would renew it first (token-prefetch.cases.ts).
    const client = await createMaskinportenClient(
      sims.sim,
      registerClient(sims.sim, key, { refreshMarginSeconds: 1 }),
      {
        tokenPrefetch: false,
      },
    );
    try {
      await client.service.sendInstantSms(smsOrder());
      await Promise.all(Array.from({ length: 20 }, () => client.service.sendInstantSms(smsOrder())));
      expect(sims.sim.counters).toMatchObject({ grants: 1, exchanges: 1 });

      clock.advance(2100);
      await Promise.all(Array.from({ length: 50 }, () => client.service.sendInstantSms(smsOrder())));
      expect(sims.sim.counters).toMatchObject({ grants: 2, exchanges: 2, notificationRequests: 71 });

      const sent = sims.sim.requests.filter((r) => r.path === SMS_PATH);
      expect(sent.every((r) => r.status === 201)).toBe(true);
      expect(new Set(sent.map((r) => r.authorization)).size).toBe(2);
      for (const r of sent) {
        const exp = decodeJwt(r.authorization!.slice('Bearer '.length)).exp!;
        expect(exp * 1000).toBeGreaterThan(r.at.getTime());
      }
    } finally {
      await client.close();
    }
  });

  it('a token living less than twice the margin is refreshed at half-life, not on every call', async () => {
    clock = fakeDate();
    await sims.start({ tokenLifetimeSeconds: 4 });
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    const first = await provider.getToken();
    clock.advance(1000); // within half its life: 1.5 to 2 s, as `exp` is in whole seconds
    expect(await provider.getToken()).toBe(first);
    expect(sims.sim.counters.grants).toBe(1);
    clock.advance(1100);
    expect(await provider.getToken()).not.toBe(first);
    expect(sims.sim.counters.grants).toBe(2);
  });

  it('a failed refresh rejects every waiter with the same AltinnAuthError; the next call tries again', async () => {
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    sims.sim.maskinportenDown(1);

    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => provider.getToken()));
    const reasons = outcomes.map((o) => (o.status === 'rejected' ? o.reason : o.value));
    expect(reasons[0]).toBeInstanceOf(AltinnAuthError);
    expect(reasons[0]).toMatchObject({ status: 503 });
    expect(reasons.every((r) => r === reasons[0])).toBe(true);
    expect(sims.sim.requests.filter((r) => r.path === '/maskinporten/token')).toHaveLength(1);

    const token = await provider.getToken();
    expect(decodeJwt(token)['urn:altinn:org']).toBe(sims.sim.org);
    expect(await provider.getToken()).toBe(token);
    expect(sims.sim.counters).toMatchObject({ grants: 1, exchanges: 1 });
  });

  it('invalidate(rejectedToken) drops only that token; invalidate() drops whatever is cached', async () => {
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    const first = await provider.getToken();

    provider.invalidate('some-older-token');
    expect(await provider.getToken()).toBe(first);
    expect(sims.sim.counters.grants).toBe(1);

    provider.invalidate(first);
    const second = await provider.getToken();
    expect(second).not.toBe(first);

    provider.invalidate();
    const [a, b, c] = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(a).not.toBe(second);
    expect(sims.sim.counters).toMatchObject({ grants: 3, exchanges: 3 });
  });

  it('invalidations while a refresh is running join it instead of starting another', async () => {
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    await provider.getToken();
    provider.invalidate();
    const refreshing = provider.getToken();
    for (let i = 0; i < 20; i += 1) provider.invalidate();
    const tokens = await Promise.all([refreshing, ...Array.from({ length: 20 }, () => provider.getToken())]);
    expect(new Set(tokens).size).toBe(1);
    expect(sims.sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
  });

  it('prefetch(): the cached token goes on being handed out, without waiting, until the new one arrives', async () => {
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    const first = await provider.getToken();
    const due = provider.expiresAt()!;
    expect(due).toBeGreaterThan(Date.now());

    sims.sim.exchangeDown(1, { kind: 'delay', ms: 300 });
    const prefetching = provider.prefetch();
    const during = await Promise.all(Array.from({ length: 20 }, () => provider.getToken()));
    expect(new Set(during)).toEqual(new Set([first]));
    await Promise.all([prefetching, provider.prefetch()]); // the second joins the first: one grant

    const second = await provider.getToken();
    expect(second).not.toBe(first);
    expect(provider.expiresAt()).toBeGreaterThanOrEqual(due);
    expect(sims.sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
  });

  it('prefetch(): a 401 on the old token meanwhile joins the running fetch; a failed one keeps the old token', async () => {
    const provider = new MaskinportenTokenProvider({ ...registerClient(sims.sim, key), logger: false });
    const first = await provider.getToken();

    sims.sim.exchangeDown(1, { kind: 'delay', ms: 300 });
    const prefetching = provider.prefetch();
    provider.invalidate(first);
    const [afterRejection] = await Promise.all([provider.getToken(), prefetching]);
    expect(afterRejection).not.toBe(first);
    expect(sims.sim.counters).toMatchObject({ grants: 2, exchanges: 2 });

    sims.sim.maskinportenDown(1);
    await expect(provider.prefetch()).rejects.toBeInstanceOf(AltinnAuthError);
    expect(await provider.getToken()).toBe(afterRejection);
    expect(sims.sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
  });
});
