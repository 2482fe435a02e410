import {
  AltinnApiError,
  AltinnValidationError,
  type AltinnAuditRecord,
  type NotificationOrder,
} from '../../lib/index.js';
import { createTestClient, useTestClient } from '../support/altinn-client.js';
import { NIN, ORG, baseOrder } from './order-rules.table.js';
import { registerContacts } from './support.js';

const ORDERS = '/notifications/api/v1/future/orders';

describe('sendOrder: POST /future/orders over loopback', () => {
  const audits: AltinnAuditRecord[] = [];
  const ctx = useTestClient({ retry: { retries: 1, delayMs: 10 }, onAudit: (r) => void audits.push(r) });
  beforeEach(() => {
    registerContacts(ctx.sim);
    audits.length = 0;
  });
  const send = (order: Record<string, unknown>) =>
    ctx.client.service.sendOrder(order as unknown as NotificationOrder);
  const posts = () => ctx.sim.requests.filter((r) => r.path === ORDERS);

  it('201: the chain ids, main and reminder receipts, each with its own sendersReference', async () => {
    const order = baseOrder();
    const result = await send(order);
    expect(result).toEqual({
      notificationOrderId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      notification: {
        shipmentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sendersReference: 'case-4711',
        reminders: [
          { shipmentId: expect.stringMatching(/^[0-9a-f-]{36}$/), sendersReference: 'case-4711-reminder' },
        ],
      },
      idempotencyId: order.idempotencyId,
      created: true,
    });
    expect(result.notification.reminders[0].shipmentId).not.toBe(result.notification.shipmentId);
    expect(posts()).toEqual([expect.objectContaining({ status: 201, idempotencyId: order.idempotencyId })]);
  });

  it('200 replay: same idempotencyId, new content → the first chain ids, created false, nothing stored twice', async () => {
    const order = baseOrder();
    const first = await send(order);
    const again = await send({ ...order, sendersReference: 'other', reminders: [] });
    expect(again).toEqual({ ...first, created: false });
    expect(posts().map((r) => r.status)).toEqual([201, 200]);
  });

  it('no reminders: an empty list, not undefined', async () => {
    const result = await send({ ...baseOrder(), reminders: undefined });
    expect(result.notification.reminders).toEqual([]);
  });

  it('a generated idempotencyId is reused by the retry after a 503, and the chain is created once', async () => {
    ctx.sim.inject({ kind: 'status', status: 503 }, { path: ORDERS });
    const { idempotencyId: _, ...order } = baseOrder();
    const result = await send(order);
    expect(result.created).toBe(true);
    expect(posts().map((r) => [r.status, r.idempotencyId])).toEqual([
      [503, result.idempotencyId],
      [201, result.idempotencyId],
    ]);
  });

  it('500 twice: AltinnApiError 500 after the retry, retryable', async () => {
    ctx.sim.inject({ kind: 'status', status: 500 }, { path: ORDERS, times: 2 });
    const err = await send(baseOrder()).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AltinnApiError', status: 500, retryable: true, attempts: 2 });
  });

  it('422 NOT-00001 when a recipient has no contact point; not retried, nothing stored', async () => {
    ctx.sim.contacts.remove(ORG); // the reminder's organisation
    const err = await send(baseOrder()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AltinnApiError);
    expect(err).toMatchObject({ status: 422, code: 'NOT-00001', retryable: false, attempts: 1 });
    expect(posts()).toHaveLength(1);
  });

  it('422 NOT-00001 keeps its code when the order names a dialog: the dialog ids are not personal, never cut', async () => {
    ctx.sim.contacts.remove(ORG);
    const zeros = '00000000-0000-1000-8000-000000000000';
    const order = { ...baseOrder(), dialogportenAssociation: { dialogId: zeros, transmissionId: zeros } };
    const err = await send(order).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, code: 'NOT-00001' });
  });

  it('400 from the server (a rule the library could not see): typed, with its messages, not retried', async () => {
    const problem = {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { RequestedSendTime: ['RequestedSendTime must be greater than or equal to now.'] },
    };
    ctx.sim.inject({ kind: 'status', status: 400, body: problem }, { path: ORDERS });
    const err = (await send(baseOrder()).catch((e: unknown) => e)) as AltinnApiError;
    expect(err).toBeInstanceOf(AltinnApiError);
    expect(err.status).toBe(400);
    expect(err.errors.map((e) => e.message)).toContain(
      'RequestedSendTime must be greater than or equal to now.',
    );
    expect(posts()).toHaveLength(1);
  });

  it('403 for a token without an org claim', async () => {
    const token = await ctx.sim.issueToken({ org: null });
    const { StaticTokenProvider } = await import('../../lib/index.js');
    const client = await createTestClient(ctx.sim, {
      tokenProvider: new StaticTokenProvider(token),
      logging: false,
    });
    try {
      await expect(client.service.sendOrder(baseOrder() as NotificationOrder)).rejects.toMatchObject({
        name: 'AltinnApiError',
        status: 403,
      });
    } finally {
      await client.close();
    }
  });

  it('499 NOT-00002 is typed and not retried', async () => {
    const body = {
      type: 'urn:altinn:error:NOT-00002',
      title: 'The client disconnected',
      status: 499,
      code: 'NOT-00002',
    };
    ctx.sim.inject({ kind: 'status', status: 499, body }, { path: ORDERS });
    await expect(send(baseOrder())).rejects.toMatchObject({ status: 499, code: 'NOT-00002', attempts: 1 });
  });

  it('invalid orders are refused before any request', async () => {
    const order = baseOrder();
    order.recipient.recipientPerson.channelSchema = undefined;
    await expect(send(order)).rejects.toBeInstanceOf(AltinnValidationError);
    expect(ctx.sim.requests).toHaveLength(0);
  });

  it('audit and log lines: channel order, the keyed hash of the main recipient, never the number itself', async () => {
    const result = await send(baseOrder());
    expect(audits).toEqual([
      expect.objectContaining({
        channel: 'order',
        result: 'created',
        status: 201,
        notificationOrderId: result.notificationOrderId,
        shipmentId: result.notification.shipmentId,
        recipientHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    ]);
    const text = ctx.client.logger.text;
    expect(text).toContain(audits[0].recipientHash);
    for (const pii of [NIN, ORG, 'kari@example.no', 'Søknaden']) expect(text).not.toContain(pii);
  });
});

describe('module-wide order checks (the orders option)', () => {
  const ctx = useTestClient({ orders: { checkDigits: false, sendTimeMarginSeconds: 0 } });
  beforeEach(() => registerContacts(ctx.sim));
  const send = (order: Record<string, unknown>, options = {}) =>
    ctx.client.service.sendOrder(order as unknown as NotificationOrder, options);
  const posts = () => ctx.sim.requests.filter((r) => r.path === ORDERS);

  it('checkDigits: false lets a bad control digit through for every call; a call can turn it back on', async () => {
    const order = baseOrder();
    order.recipient.recipientPerson.nationalIdentityNumber = '01019010047'; // 11 digits, wrong mod-11 digit
    const refused = await send(order, { checkDigits: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AltinnValidationError);
    expect(posts()).toHaveLength(0);
    // Altinn only counts the digits: the order goes out (the unknown person is its 422, not a local refusal).
    const sent = await send(order).catch((e: unknown) => e);
    expect(sent).not.toBeInstanceOf(AltinnValidationError);
    expect(posts()).toHaveLength(1);
  });

  it("a call's bad check options are refused like bad fields, by the rules the module's are checked by", async () => {
    const err = await send(baseOrder(), { checkDigits: 'yes', sendTimeMarginSeconds: -1 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AltinnValidationError);
    expect((err as AltinnValidationError).errors).toEqual([
      { path: 'options.checkDigits', message: 'must be a boolean' },
      { path: 'options.sendTimeMarginSeconds', message: 'must be a number of seconds ≥ 0' },
    ]);
    expect(posts()).toHaveLength(0);
  });

  it('sendTimeMarginSeconds: 0 lets a send time 30 s ahead through; a call can ask for a margin', async () => {
    const order = { ...baseOrder(), requestedSendTime: new Date(Date.now() + 30_000).toISOString() };
    const refused = await send(order, { sendTimeMarginSeconds: 300 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AltinnValidationError);
    const result = await send(order);
    expect(result).toMatchObject({ created: true });
  });
});

describe('the orders option with its fields set to undefined (an unset config variable)', () => {
  const ctx = useTestClient({ orders: { checkDigits: undefined, sendTimeMarginSeconds: undefined } });
  beforeEach(() => registerContacts(ctx.sim));
  const posts = () => ctx.sim.requests.filter((r) => r.path === ORDERS);

  it('keeps the defaults: a bad control digit and a send time 30 s ahead are refused before any request', async () => {
    const badDigit = baseOrder();
    badDigit.recipient.recipientPerson.nationalIdentityNumber = '01019010047';
    const tooSoon = { ...baseOrder(), requestedSendTime: new Date(Date.now() + 30_000).toISOString() };
    for (const order of [badDigit, tooSoon]) {
      const refused = await ctx.client.service
        .sendOrder(order as unknown as NotificationOrder)
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AltinnValidationError);
    }
    expect(posts()).toHaveLength(0);
  });
});
