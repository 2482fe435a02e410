import { AltinnRequestError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, emailOrder, smsOrder, type TestClient } from '../support/altinn-client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sending instant SMS and email over HTTP', () => {
  let sim: AltinnSimulator;
  let client: TestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createTestClient(sim, { retry: false });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  it('sends an SMS: 201 → created, with Altinn ids and the idempotencyId', async () => {
    const order = smsOrder({ sendersReference: 'login-42' });
    const result = await client.service.sendInstantSms(order);
    expect(result).toEqual({
      notificationOrderId: sim.orders[0].notificationOrderId,
      notification: { shipmentId: sim.orders[0].shipmentId, sendersReference: 'login-42' },
      idempotencyId: order.idempotencyId,
      created: true,
    });
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/notifications/api/v1/future/orders/instant/sms',
    });
    expect(sim.requests[0].authorization).toBe(`Bearer ${client.token}`);
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('a replay with the same idempotencyId resolves created: false with the original ids, and sends nothing', async () => {
    const order = smsOrder();
    const first = await client.service.sendInstantSms(order);
    const again = await client.service.sendInstantSms({ ...order, sendersReference: 'changed' });
    expect(again).toEqual({ ...first, created: false });
    expect(again.notification).not.toHaveProperty('sendersReference');
    expect(sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('generates a UUID idempotencyId when the order has none', async () => {
    const { idempotencyId: _drop, ...order } = smsOrder();
    const result = await client.service.sendInstantSms(order);
    expect(result.idempotencyId).toMatch(UUID);
    expect(sim.orders[0].idempotencyId).toBe(result.idempotencyId);
    const second = await client.service.sendInstantSms(order);
    expect(second.idempotencyId).not.toBe(result.idempotencyId);
    expect(second.created).toBe(true);
  });

  it('sends an email with its settings on the wire', async () => {
    const order = emailOrder();
    const result = await client.service.sendInstantEmail({
      ...order,
      recipientEmail: {
        ...order.recipientEmail,
        emailSettings: {
          subject: 'Kode',
          body: '<p>Kode</p>',
          contentType: 'Html',
          senderEmailAddress: 'noreply@etat.no',
        },
      },
    });
    expect(result.created).toBe(true);
    expect(sim.orders[0]).toMatchObject({ channel: 'email', idempotencyId: order.idempotencyId });
    expect(sim.orders[0].request).toMatchObject({
      recipientEmail: { emailSettings: { contentType: 'Html', senderEmailAddress: 'noreply@etat.no' } },
    });
  });

  it('SMS and email share Altinn’s idempotency key space: reusing an SMS id on email sends nothing', async () => {
    const id = `shared-${Date.now()}`;
    const sms = await client.service.sendInstantSms(smsOrder({ idempotencyId: id }));
    const email = await client.service.sendInstantEmail(emailOrder({ idempotencyId: id }));
    expect(email).toEqual({ ...sms, created: false });
    expect(sim.deliveries.filter((d) => d.idempotencyId === id)).toHaveLength(1);
  });

  it('an AbortSignal cancels the call with AltinnRequestError reason "aborted"', async () => {
    sim.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client.service.sendInstantSms(smsOrder(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnRequestError);
    expect((error as AltinnRequestError).reason).toBe('aborted');
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await client.service
      .sendInstantSms(smsOrder(), { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as AltinnRequestError).reason).toBe('aborted');
    expect(sim.requests).toHaveLength(0);
  });

  it('times out after timeoutMs with reason "timeout"', async () => {
    const slow = await createTestClient(sim, { timeoutMs: 5000, retry: false });
    sim.inject({ kind: 'hang' });
    const started = Date.now();
    const error = await slow.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnRequestError);
    expect((error as AltinnRequestError).reason).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await slow.close();
  }, 15_000);

  it('a connection reset is AltinnRequestError reason "network"', async () => {
    sim.inject({ kind: 'reset' });
    const error = await client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnRequestError);
    expect((error as AltinnRequestError).reason).toBe('network');
  });
});
