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

const down: [string, (sim: AltinnSimulator) => unknown][] = [
  ['Maskinporten 503', (sim) => sim.maskinportenDown(1)],
  ['Maskinporten connection reset', (sim) => sim.maskinportenDown(1, { kind: 'reset' })],
  ['token exchange 503', (sim) => sim.exchangeDown(1)],
  ['token exchange 401', (sim) => sim.exchangeDown(1, { kind: 'status', status: 401 } as SimulatorFault)],
];

describe('token failures: AltinnAuthError, nothing sent, no retry loop', () => {
  let sim: AltinnSimulator;
  let client: MaskinportenTestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  beforeEach(async () => {
    sim.reset();
    // A fresh module per test: a fresh token cache.
    client = await createMaskinportenClient(sim, registerClient(sim, key), {
      retry: { retries: 3, delayMs: 10 },
    });
  });
  afterEach(() => client.close());
  afterAll(() => sim.close());

  it.each(down)('%s → AltinnAuthError, no notification request; the next call recovers', async (_n, fail) => {
    fail(sim);
    const order = smsOrder();
    const error = await failure(client.service.sendInstantSms(order));

    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(sim.counters.notificationRequests).toBe(0);
    expect(tokenCalls(sim)).toHaveLength(1);
    expect(sim.deliveries).toHaveLength(0);
    await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
  });

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
    sim.maskinportenDown(1);
    const error = await failure(client.service.sendInstantSms(smsOrder()));

    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(orderAttempts(sim)).toHaveLength(1);
    expect(sim.deliveries).toHaveLength(0);
  });
});
