import { Test } from '@nestjs/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnAuthError,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  getAltinnNotificationsToken,
  StaticTokenProvider,
  type AltinnTokenProvider,
} from '../../lib/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { useSharedSimulator } from '../support/shared-simulator.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createMaskinportenClient, registerClient } from './support/maskinporten-client.js';
import { rsaKey } from './support/maskinporten-keys.js';

// Tokens off the send path (issue 15): the module fetches the token while the app starts and renews it in the
// background, so sends do not wait for Maskinporten or the exchange. The timing rules: token-refresher.cases.ts.

const key = rsaKey();
const SMS = /instant\/sms$/;
const EXCHANGE = '/authentication/api/v1/exchange/maskinporten';

describe('token prefetch', () => {
  // One simulator for the tests with its default options (each registers its own client).
  const sims = useSharedSimulator();

  it('app.init() fetches the token; the first send makes no token call', async () => {
    const client = await createMaskinportenClient(sims.sim, registerClient(sims.sim, key));
    try {
      expect(sims.sim.counters).toEqual({ grants: 1, exchanges: 1, notificationRequests: 0 });
      await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
      expect(sims.sim.counters).toEqual({ grants: 1, exchanges: 1, notificationRequests: 1 });
    } finally {
      await client.close();
    }
  });

  it('renews ahead of expiry in the background: sends go on with the old token while the exchange takes 300 ms', async () => {
    // 4 s tokens, 1 s margin: handed out for 3 s, renewed when 0.75 s of that is left. That plan, and the next
    // ones, on fake timers: token-refresher.cases.ts. Here the module's refresher over HTTP, for one renewal.
    await sims.start({ tokenLifetimeSeconds: 4 });
    const client = await createMaskinportenClient(
      sims.sim,
      registerClient(sims.sim, key, { refreshMarginSeconds: 1 }),
    );
    try {
      sims.sim.exchangeDown(Infinity, { kind: 'delay', ms: 300 });
      const renewal = () => sims.sim.requests.filter((r) => r.path === EXCHANGE)[1];
      const tokensUsed = () =>
        new Set(sims.sim.requests.filter((r) => SMS.test(r.path)).map((r) => r.authorization)).size;
      // Send every 20 ms until a send carries the renewed token.
      const until = Date.now() + 10_000;
      while (tokensUsed() < 2 && Date.now() < until) {
        await client.service.sendInstantSms(smsOrder());
        await sleep(20);
      }
      expect(sims.sim.counters.grants).toBe(2); // at init, then in the background

      const sends = sims.sim.requests.filter((r) => SMS.test(r.path));
      expect(sends.every((r) => r.status === 201)).toBe(true);
      // Sends kept arriving while the exchange was held, each with the token from before the renewal.
      const start = renewal()!.at.getTime();
      const during = sends.filter((r) => r.at.getTime() > start + 20 && r.at.getTime() < start + 280);
      expect(during.length).toBeGreaterThan(0);
      const before = sends.filter((r) => r.at.getTime() <= start).at(-1)!;
      expect(during.every((r) => r.authorization === before.authorization)).toBe(true);
      // And the renewed token after it.
      expect(sends.at(-1)!.authorization).not.toBe(before.authorization);
      expect(sends.at(-1)!.at.getTime()).toBeGreaterThanOrEqual(start + 300);
    } finally {
      await client.close();
    }
  });

  it('a failure at start-up is logged, not fatal, and retried in the background', async () => {
    sims.sim.maskinportenDown(1);
    const client = await createMaskinportenClient(sims.sim, registerClient(sims.sim, key));
    try {
      expect(sims.sim.counters.grants).toBe(0);
      expect(client.logger.lines).toContain(
        'warn Altinn token prefetch failed (Maskinporten rejected the token request (503)); next try in 1000 ms',
      );
      // The retry, a second later (its timing on fake timers: token-refresher.cases.ts).
      for (let i = 0; i < 100 && sims.sim.counters.grants === 0; i++) await sleep(50);
      expect(sims.sim.counters.grants).toBe(1);
      await client.service.sendInstantSms(smsOrder());
      expect(sims.sim.counters).toMatchObject({ grants: 1, exchanges: 1 });
    } finally {
      await client.close();
    }
  });

  it('with failFast, a failure at start-up fails app.init() with AltinnAuthError', async () => {
    sims.sim.maskinportenDown(1);
    const error = await createMaskinportenClient(sims.sim, registerClient(sims.sim, key), {
      tokenPrefetch: { failFast: true },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('each named registration prefetches its own token', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: ['a', 'b'].map((name) =>
        AltinnNotificationsModule.forRoot({
          name,
          baseUrl: sims.sim.baseUrl,
          maskinporten: registerClient(sims.sim, key),
          logging: false,
        }),
      ),
    }).compile();
    await moduleRef.init();
    try {
      expect(sims.sim.counters.grants).toBe(2);
      for (const name of ['a', 'b']) {
        await moduleRef
          .get<AltinnNotificationsService>(getAltinnNotificationsToken(name))
          .sendInstantSms(smsOrder());
      }
      expect(sims.sim.counters).toEqual({ grants: 2, exchanges: 2, notificationRequests: 2 });
    } finally {
      await moduleRef.close();
    }
  });

  it('calls prefetch() of a custom provider that has one, also one swapped in with overrideProvider', async () => {
    const token = await sims.sim.issueToken();
    const calls: string[] = [];
    const custom = (label: string): AltinnTokenProvider => ({
      getToken: () => Promise.resolve(token),
      prefetch: () => (calls.push(label), Promise.resolve()),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sims.sim.baseUrl,
          tokenProvider: custom('from options'),
          logging: { logger: new CaptureLogger() },
        }),
      ],
    })
      .overrideProvider(ALTINN_TOKEN_PROVIDER)
      .useValue(custom('override'))
      .compile();
    await moduleRef.init();
    await moduleRef.close();
    expect(calls).toEqual(['override']);

    const plain = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sims.sim.baseUrl,
          tokenProvider: new StaticTokenProvider(token),
        }),
      ],
    }).compile();
    await plain.init(); // no prefetch(): nothing to do, nothing fails
    await plain.close();
  });

  it('tokenPrefetch: false leaves the token to the first send', async () => {
    const client = await createMaskinportenClient(sims.sim, registerClient(sims.sim, key), {
      tokenPrefetch: false,
    });
    try {
      expect(sims.sim.counters.grants).toBe(0);
      await client.service.sendInstantSms(smsOrder());
      expect(sims.sim.counters.grants).toBe(1);
    } finally {
      await client.close();
    }
  });
});
