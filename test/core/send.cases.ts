import { AltinnRequestError } from '../../lib/index.js';
import { useTestClient, emailOrder, smsOrder } from '../support/altinn-client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sending instant SMS and email over HTTP', () => {
  // Retries are the resilience suite's subject; here each fault surfaces as it is.
  const ctx = useTestClient({ retry: false });

  it('sends an SMS: 201 → created, with Altinn ids and the idempotencyId', async () => {
    const order = smsOrder({ sendersReference: 'login-42' });
    const result = await ctx.client.service.sendInstantSms(order);
    expect(result).toEqual({
      notificationOrderId: ctx.sim.orders[0].notificationOrderId,
      notification: { shipmentId: ctx.sim.orders[0].shipmentId, sendersReference: 'login-42' },
      idempotencyId: order.idempotencyId,
      created: true,
    });
    expect(ctx.sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/notifications/api/v1/future/orders/instant/sms',
    });
    expect(ctx.sim.requests[0].authorization).toBe(`Bearer ${ctx.client.token}`);
    expect(ctx.sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('a replay with the same idempotencyId resolves created: false with the original ids, and sends nothing', async () => {
    const order = smsOrder();
    const first = await ctx.client.service.sendInstantSms(order);
    const again = await ctx.client.service.sendInstantSms({ ...order, sendersReference: 'changed' });
    expect(again).toEqual({ ...first, created: false });
    expect(again.notification).not.toHaveProperty('sendersReference');
    expect(ctx.sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('generates a UUID idempotencyId when the order has none', async () => {
    const { idempotencyId: _drop, ...order } = smsOrder();
    const result = await ctx.client.service.sendInstantSms(order);
    expect(result.idempotencyId).toMatch(UUID);
    expect(ctx.sim.orders[0].idempotencyId).toBe(result.idempotencyId);
    const second = await ctx.client.service.sendInstantSms(order);
    expect(second.idempotencyId).not.toBe(result.idempotencyId);
    expect(second.created).toBe(true);
  });

  it('sends an email with its settings on the wire', async () => {
    const order = emailOrder();
    const result = await ctx.client.service.sendInstantEmail({
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
    expect(ctx.sim.orders[0]).toMatchObject({ channel: 'email', idempotencyId: order.idempotencyId });
    expect(ctx.sim.orders[0].request).toMatchObject({
      recipientEmail: { emailSettings: { contentType: 'Html', senderEmailAddress: 'noreply@etat.no' } },
    });
  });

  it('SMS and email share Altinn’s idempotency key space: reusing an SMS id on email sends nothing', async () => {
    const id = `shared-${Date.now()}`;
    const sms = await ctx.client.service.sendInstantSms(smsOrder({ idempotencyId: id }));
    const email = await ctx.client.service.sendInstantEmail(emailOrder({ idempotencyId: id }));
    expect(email).toEqual({ ...sms, created: false });
    expect(ctx.sim.deliveries.filter((d) => d.idempotencyId === id)).toHaveLength(1);
  });

  it('an AbortSignal cancels the call with AltinnRequestError reason "aborted"', async () => {
    ctx.sim.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = ctx.client.service.sendInstantSms(smsOrder(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnRequestError);
    expect((error as AltinnRequestError).reason).toBe('aborted');
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await ctx.client.service
      .sendInstantSms(smsOrder(), { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as AltinnRequestError).reason).toBe('aborted');
    expect(ctx.sim.requests).toHaveLength(0);
  });

  // reason "timeout": test/resilience/timeouts.cases.ts over a real socket, retry-timing.cases.ts to the millisecond.

  it('a connection reset is AltinnRequestError reason "network"', async () => {
    ctx.sim.inject({ kind: 'reset' });
    const error = await ctx.client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnRequestError);
    expect((error as AltinnRequestError).reason).toBe('network');
  });
});
