import { AltinnValidationError, type NotificationOrder } from '../../lib/index.js';
import { useTestClient } from '../support/altinn-client.js';
import { LOCAL_EXTRAS, SERVER_RULES, baseOrder } from './order-rules.table.js';
import { postRaw, registerContacts } from './support.js';

/**
 * Every rule of `POST /future/orders`, side by side: the simulator (Altinn's server rules and messages) refuses the
 * broken order with 400, and the library refuses it first, naming the field, without a request.
 */
describe('scheduled order rules: the server and the library side by side', () => {
  const ctx = useTestClient({ logging: false });
  beforeEach(() => registerContacts(ctx.sim));

  async function localErrors(order: unknown, options = {}) {
    const before = ctx.sim.requests.length;
    const error = await ctx.client.service.sendOrder(order as NotificationOrder, options).then(
      () => undefined,
      (err: unknown) => err,
    );
    if (error === undefined) return undefined;
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect(ctx.sim.requests.length).toBe(before); // refused before any request
    return (error as AltinnValidationError).errors;
  }

  it('the base order is accepted by both', async () => {
    expect((await postRaw(ctx.sim, ctx.client.token, baseOrder())).status).toBe(201);
    expect(await localErrors(baseOrder())).toBeUndefined();
  });

  describe.each(SERVER_RULES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    it(`server: 400 ${c.server ? `"${c.server}"` : '(binder)'}; library: ${c.path} ${c.message}`, async () => {
      const order = baseOrder();
      c.change(order);
      const server = await postRaw(ctx.sim, ctx.client.token, order);
      expect(server.status).toBe(400);
      if (c.server) expect(server.messages).toContain(c.server);
      expect(await localErrors(order)).toEqual([{ path: c.path, message: expect.stringMatching(c.message) }]);
    });
  });

  describe.each(LOCAL_EXTRAS.map((c) => [c.name, c] as const))('local extra: %s', (_, c) => {
    it(`server: no 400; library: ${c.path} ${c.message}${c.off ? `; off with ${JSON.stringify(c.off)}` : ''}`, async () => {
      const order = baseOrder();
      c.change(order);
      const server = await postRaw(ctx.sim, ctx.client.token, {
        ...order,
        idempotencyId: `raw-${order.idempotencyId}`,
      });
      expect([201, 422]).toContain(server.status);
      expect(await localErrors(order)).toEqual([{ path: c.path, message: expect.stringMatching(c.message) }]);
      if (!c.off) return;
      // With the option off, the same order goes out and gets the server's answer (422 for an unknown recipient).
      const sent = await ctx.client.service.sendOrder(order as NotificationOrder, c.off).then(
        (r) => 201 + (r.created ? 0 : -1),
        (err: { status?: number }) => err.status,
      );
      expect(sent).toBe(server.status);
    });
  });
});
