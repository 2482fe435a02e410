import { AltinnApiError, AltinnRequestError } from '../../lib/index.js';
import { AltinnSimulator, type SimulatorFault } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import {
  failure,
  NOT_00004,
  orderAttempts,
  retryClient,
  SMS_PATH,
  type ResilienceClient,
} from './resilience.helpers.js';

const retryable: [string, SimulatorFault][] = [
  ['connection reset', { kind: 'reset' }],
  ['500 with an empty body', { kind: 'status', status: 500 }],
  [
    '502 HTML page',
    { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
  ],
  ['503 NOT-00004', NOT_00004],
  ['504 with an empty body', { kind: 'status', status: 504 }],
  ['429 from API Management', { kind: 'retryAfter', status: 429, seconds: 0 }],
];

const notRetryable: [number, SimulatorFault][] = [
  [
    400,
    { kind: 'status', status: 400, body: { title: 'One or more validation errors occurred.', status: 400 } },
  ],
  [401, { kind: 'status', status: 401 }], // a static token cannot be refreshed: nothing to resend with
  [403, { kind: 'status', status: 403 }],
  [404, { kind: 'status', status: 404 }],
  [415, { kind: 'status', status: 415 }],
  [422, { kind: 'status', status: 422, body: { code: 'NOT-00001', title: 'Missing contact information' } }],
  [501, { kind: 'status', status: 501 }],
];

describe('which failures are retried (default policy: one retry, same idempotencyId)', () => {
  let sim: AltinnSimulator;
  let client: ResilienceClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await retryClient(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    client.audit.length = 0;
  });

  it.each(retryable)('%s once: retried once with the same body, then created', async (_name, fault) => {
    sim.inject(fault, { path: SMS_PATH });
    const order = smsOrder();
    const result = await client.service.sendInstantSms(order);

    expect(result).toMatchObject({ created: true, idempotencyId: order.idempotencyId });
    const attempts = orderAttempts(sim);
    expect(attempts.map((a) => a.status)).toEqual([fault.kind === 'reset' ? 0 : expect.any(Number), 201]);
    expect(attempts[0].fault).toBe(fault.kind);
    expect(sim.orders[0].idempotencyId).toBe(order.idempotencyId);
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
    expect(client.audit).toEqual([expect.objectContaining({ result: 'created', attempts: 2 })]);
  });

  it.each(retryable)('%s twice: gives up after the one retry with the typed error', async (_name, fault) => {
    sim.inject(fault, { path: SMS_PATH, times: 2 });
    const order = smsOrder();
    const error = await failure(client.service.sendInstantSms(order));

    expect(error).toBeInstanceOf(fault.kind === 'reset' ? AltinnRequestError : AltinnApiError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(orderAttempts(sim)).toHaveLength(2);
    expect(sim.sentCount(order.idempotencyId)).toBe(0);
    await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
  });

  it('a generated idempotencyId is the same in every attempt of one call', async () => {
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH });
    const { idempotencyId: _none, ...order } = smsOrder();
    const result = await client.service.sendInstantSms(order);
    const ids = orderAttempts(sim).map((a) => a.idempotencyId);
    expect(ids).toEqual([result.idempotencyId, result.idempotencyId]);
  });

  it.each(notRetryable)('%d is attempted exactly once', async (status, fault) => {
    sim.inject(fault, { path: SMS_PATH, times: 2 });
    const error = await failure(client.service.sendInstantSms(smsOrder()));

    expect(error).toBeInstanceOf(AltinnApiError);
    expect(error).toMatchObject({ status, attempts: 1, retryable: false });
    expect(orderAttempts(sim)).toHaveLength(1);
    expect(sim.deliveries).toHaveLength(0);
  });

  it('a 2xx whose body is not JSON is not retried (the message may be out)', async () => {
    sim.inject({
      kind: 'status',
      status: 201,
      body: '{"notificationOrderId": ',
      contentType: 'application/json',
    });
    const error = await failure(client.service.sendInstantSms(smsOrder()));
    expect(error).toMatchObject({ name: 'AltinnApiError', status: 201, attempts: 1 });
    expect(orderAttempts(sim)).toHaveLength(1);
  });
});

describe('how many retries', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('retries: 3 makes up to four attempts', async () => {
    const client = await retryClient(sim, { retry: { retries: 3, delayMs: 10 } });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: 3 });
    const order = smsOrder();
    await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
    expect(orderAttempts(sim).map((a) => a.status)).toEqual([503, 503, 503, 201]);
    expect(new Set(orderAttempts(sim).map((a) => a.idempotencyId))).toEqual(new Set([order.idempotencyId]));
    await client.close();
  });

  it('retry: false makes one attempt', async () => {
    const client = await retryClient(sim, { retry: false });
    sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH });
    await expect(client.service.sendInstantSms(smsOrder())).rejects.toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(orderAttempts(sim)).toHaveLength(1);
    await client.close();
  });
});
