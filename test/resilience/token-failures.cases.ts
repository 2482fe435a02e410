import { AltinnApiError, AltinnAuthError } from '../../lib/index.js';
import { AltinnSimulator, type SimulatorFault } from '../../lib/testing/index.js';
import {
  createMaskinportenClient,
  registerClient,
  type MaskinportenTestClient,
} from '../auth/support/maskinporten-client.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { smsOrder } from '../support/altinn-client.js';
import { failure, orderAttempts, SMS_PATH } from './resilience.helpers.js';

const key = rsaKey();
const tokenCalls = (sim: AltinnSimulator) => sim.requests.filter((r) => r.path === '/maskinporten/token');
const exchangeCalls = (sim: AltinnSimulator) => sim.requests.filter((r) => r.path.includes('/exchange/'));

const INVALID_GRANT = {
  kind: 'status',
  status: 400,
  body: { error: 'invalid_grant', error_description: 'Invalid assertion. Client authentication failed.' },
} as SimulatorFault;

/** Rejections: the same request would be rejected again, so no retry. */
const rejected: [string, (sim: AltinnSimulator) => unknown][] = [
  ['Maskinporten 400 invalid_grant', (sim) => sim.maskinportenDown(1, INVALID_GRANT)],
  ['token exchange 401', (sim) => sim.exchangeDown(1, { kind: 'status', status: 401 } as SimulatorFault)],
];

/** Transient: the token service is briefly down; nothing reached Altinn Notifications, so the send is retried. */
const transient: [string, (sim: AltinnSimulator, times: number) => unknown][] = [
  ['Maskinporten 503', (sim, times) => sim.maskinportenDown(times)],
  ['Maskinporten connection reset', (sim, times) => sim.maskinportenDown(times, { kind: 'reset' })],
  ['token exchange 503', (sim, times) => sim.exchangeDown(times)],
];

describe('token failures: transient ones retried, rejections not; never anything sent without a token', () => {
  let sim: AltinnSimulator;
  let client: MaskinportenTestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  beforeEach(async () => {
    sim.reset();
    // A fresh module per test: a fresh token cache, which the sends fill themselves (no background prefetch).
    client = await createMaskinportenClient(sim, registerClient(sim, key), {
      retry: { retries: 3, delayMs: 10 },
      tokenPrefetch: false,
    });
  });
  afterEach(() => client.close());
  afterAll(() => sim.close());

  it.each(transient)(
    '%s once → retried like any transient failure: one message, created',
    async (_n, fail) => {
      fail(sim, 1);
      const order = smsOrder();
      await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
      expect(orderAttempts(sim)).toHaveLength(1);
      expect(sim.sentCount(order.idempotencyId)).toBe(1);
    },
  );

  it.each(transient)(
    '%s on every try → AltinnAuthError after the retries, nothing sent',
    async (_n, fail) => {
      fail(sim, Infinity);
      const error = await failure(client.service.sendInstantSms(smsOrder()));
      expect(error).toBeInstanceOf(AltinnAuthError);
      expect((error as AltinnAuthError).retryable).toBe(true);
      expect(sim.counters.notificationRequests).toBe(0);
      // retries: 3 → four tries, each one token request (Maskinporten is asked again when the exchange failed).
      expect(tokenCalls(sim)).toHaveLength(4);
    },
  );

  it.each(rejected)(
    '%s → AltinnAuthError, no notification request; the next call recovers',
    async (_n, fail) => {
      fail(sim);
      const order = smsOrder();
      const error = await failure(client.service.sendInstantSms(order));

      expect(error).toBeInstanceOf(AltinnAuthError);
      expect(sim.counters.notificationRequests).toBe(0);
      expect(tokenCalls(sim)).toHaveLength(1);
      expect(sim.deliveries).toHaveLength(0);
      await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
      expect(sim.sentCount(order.idempotencyId)).toBe(1);
    },
  );

  it('401 once: one fresh token, one resend, created', async () => {
    await client.service.sendInstantSms(smsOrder()); // caches a token
    sim.reset();
    sim.inject({ kind: 'status', status: 401 }, { path: SMS_PATH });
    const order = smsOrder();
    await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });

    expect(orderAttempts(sim).map((a) => a.status)).toEqual([401, 201]);
    expect(tokenCalls(sim)).toHaveLength(1);
    expect(exchangeCalls(sim)).toHaveLength(1);
    const [stale, fresh] = orderAttempts(sim).map((a) => a.authorization);
    expect(fresh).not.toBe(stale);
  });

  it('401 every time: exactly one refresh and one resend per call, even with retries: 3', async () => {
    sim.inject({ kind: 'status', status: 401 }, { path: SMS_PATH, times: Infinity });
    const error = await failure(client.service.sendInstantSms(smsOrder()));

    expect(error).toBeInstanceOf(AltinnApiError);
    expect(error).toMatchObject({ status: 401, attempts: 2 });
    expect(orderAttempts(sim)).toHaveLength(2);
    expect(tokenCalls(sim)).toHaveLength(2);
  });

  it('401, then the refresh fails: AltinnAuthError and nothing sent', async () => {
    await client.service.sendInstantSms(smsOrder()); // caches a token
    sim.reset();
    sim.inject({ kind: 'status', status: 401 }, { path: SMS_PATH });
    sim.maskinportenDown(1, INVALID_GRANT);
    const error = await failure(client.service.sendInstantSms(smsOrder()));

    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(orderAttempts(sim)).toHaveLength(1);
    expect(sim.deliveries).toHaveLength(0);
  });
});
