import {
  AltinnApiError,
  AltinnOrderNotCancellableError,
  AltinnValidationError,
  isFinalShipmentStatus,
  type AltinnShipment,
  type NotificationOrder,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, smsOrder, type TestClient } from '../support/altinn-client.js';
import { NIN, ORG, baseOrder, emailSettings, smsSettings } from './order-rules.table.js';
import { registerContacts } from './support.js';

// 10:00 in Oslo on a weekday: inside the Daytime window, so an SMS is not held back. Far enough ahead that the
// library's own clock sees every send time as future.
const START = Date.parse('2031-03-04T09:00:00Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
const UNKNOWN = '5d1c1f0e-2a43-4c8e-9b1a-7f0e3c2d4b6a';

function chain(sendAt = at(30)): Record<string, any> {
  const order = baseOrder();
  order.requestedSendTime = sendAt;
  order.recipient.recipientPerson.channelSchema = 'EmailAndSms';
  return order;
}

describe('shipments and cancel on the simulator clock', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  beforeEach(async () => {
    sim = await AltinnSimulator.start({ startTime: START, deliveryStepMs: 1000 });
    client = await createTestClient(sim, { logging: false });
    registerContacts(sim);
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });
  const send = (order: Record<string, any>) => client.service.sendOrder(order as NotificationOrder);
  const shipment = (id: string) => client.service.getShipment(id);

  /**
   * Moves the clock five minutes at a time until the shipment is final (a bounded number of steps). Each step
   * runs all the work that fell due in it, delivery steps included.
   */
  async function untilFinal(id: string): Promise<AltinnShipment> {
    for (let i = 0; i < (25 * 60) / 5; i++) {
      const s = await shipment(id);
      if (isFinalShipmentStatus(s.status)) return s;
      await sim.advance(5 * 60_000);
    }
    throw new Error(`shipment ${id} never reached a final status`);
  }

  it('Notification and Reminder shipments: registered with no recipients, then final with one per address', async () => {
    const { notification } = await send(chain());
    const [reminder] = notification.reminders;
    expect(await shipment(notification.shipmentId)).toEqual({
      shipmentId: notification.shipmentId,
      sendersReference: 'case-4711',
      type: 'Notification',
      status: 'Order_Registered',
      lastUpdate: expect.any(String),
      recipients: [],
    });
    expect(await shipment(reminder.shipmentId)).toMatchObject({
      type: 'Reminder',
      status: 'Order_Registered',
    });

    const main = await untilFinal(notification.shipmentId);
    expect(main.status).toBe('Order_Completed');
    expect(main.recipients).toEqual(
      expect.arrayContaining([
        { type: 'SMS', destination: '+4799999999', status: 'SMS_Delivered', lastUpdate: expect.any(String) },
        {
          type: 'Email',
          destination: 'kari@example.no',
          status: 'Email_Delivered',
          lastUpdate: expect.any(String),
        },
      ]),
    );
    expect(main.recipients).toHaveLength(2);
    expect(main.recipients.every((r) => isFinalShipmentStatus(r.status))).toBe(true);

    // Nothing is due until the reminder's send time, a day after the notification's: skip most of that day.
    await sim.advance(23 * 60 * 60_000);
    expect(await shipment(reminder.shipmentId)).toMatchObject({ status: 'Order_Registered' });
    const later = await untilFinal(reminder.shipmentId);
    expect(later).toMatchObject({
      type: 'Reminder',
      status: 'Order_Completed',
      sendersReference: 'case-4711-reminder',
    });
    expect(later.recipients).toEqual([
      {
        type: 'Email',
        destination: 'post@digdir.example.no',
        status: 'Email_Delivered',
        lastUpdate: expect.any(String),
      },
    ]);
  });

  it('a reserved person: no 422, the notification fails as reserved with an empty destination', async () => {
    sim.contacts.setPerson(NIN, { email: 'kari@example.no', reserved: true });
    const order = chain();
    order.recipient.recipientPerson.channelSchema = 'Email';
    const { notification } = await send({ ...order, reminders: undefined });
    const final = await untilFinal(notification.shipmentId);
    expect(final.recipients).toEqual([
      {
        type: 'Email',
        destination: '',
        status: 'Email_Failed_RecipientReserved',
        lastUpdate: expect.any(String),
      },
    ]);
  });

  it('Instant shipments keep their model', async () => {
    const sent = await client.service.sendInstantSms(smsOrder());
    expect(await shipment(sent.notification.shipmentId)).toMatchObject({
      type: 'Instant',
      recipients: [expect.objectContaining({ type: 'SMS', destination: '+4799999999' })],
    });
  });

  it('cancel 200: the shipment is Order_Cancelled, its reminders are named and still scheduled; again is 200', async () => {
    const { notification } = await send(chain());
    const [reminder] = notification.reminders;
    const cancelled = await client.service.cancelOrder(notification);
    expect(cancelled).toEqual({
      shipmentId: notification.shipmentId,
      status: 'Cancelled',
      sendersReference: 'case-4711',
      requestedSendTime: expect.any(String),
      lastUpdate: expect.any(String),
      reminders: [reminder],
    });
    expect(Date.parse(cancelled.requestedSendTime!)).toBe(Date.parse(at(30)));
    expect(await shipment(notification.shipmentId)).toMatchObject({
      status: 'Order_Cancelled',
      recipients: [],
    });
    expect(await shipment(reminder.shipmentId)).toMatchObject({ status: 'Order_Registered' });

    const again = await client.service.cancelOrder(notification.shipmentId);
    expect(again).toMatchObject({ shipmentId: notification.shipmentId, status: 'Cancelled' });
    expect(again.reminders).toBeUndefined(); // a bare id says nothing of reminders
    await client.service.cancelOrder(reminder.shipmentId);
    expect(await shipment(reminder.shipmentId)).toMatchObject({ status: 'Order_Cancelled' });
    const puts = sim.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, r.status])).toEqual([
      [`/notifications/api/v1/orders/${notification.shipmentId}/cancel`, 200],
      [`/notifications/api/v1/orders/${notification.shipmentId}/cancel`, 200],
      [`/notifications/api/v1/orders/${reminder.shipmentId}/cancel`, 200],
    ]);
  });

  it('cancel 409 five minutes or less before the send time: AltinnOrderNotCancellableError, not retried', async () => {
    const { notification } = await send(chain(at(4)));
    const err = await client.service.cancelOrder(notification).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AltinnOrderNotCancellableError);
    expect(err).toBeInstanceOf(AltinnApiError);
    expect(err).toMatchObject({
      status: 409,
      shipmentId: notification.shipmentId,
      retryable: false,
      attempts: 1,
    });
    expect((err as Error).message).toMatch(/can no longer be cancelled/);
    expect(await shipment(notification.shipmentId)).toMatchObject({ status: 'Order_Registered' });
  });

  it('cancel 409 once the shipment was processed', async () => {
    const { notification } = await send({ ...chain(), reminders: undefined });
    await untilFinal(notification.shipmentId);
    await expect(client.service.cancelOrder(notification.shipmentId)).rejects.toBeInstanceOf(
      AltinnOrderNotCancellableError,
    );
  });

  it('cancel of an unknown shipment is a 404 AltinnApiError; a malformed id is refused locally', async () => {
    await expect(client.service.cancelOrder(UNKNOWN)).rejects.toMatchObject({
      name: 'AltinnApiError',
      status: 404,
    });
    const before = sim.requests.length;
    await expect(client.service.cancelOrder('not-a-guid')).rejects.toBeInstanceOf(AltinnValidationError);
    await expect(client.service.cancelOrder({} as never)).rejects.toBeInstanceOf(AltinnValidationError);
    expect(sim.requests.length).toBe(before);
  });

  it('an organisation with EmailAndSms gets one notification per official address and channel', async () => {
    sim.contacts.setOrganisation(ORG, {
      emails: ['a@org.example.no', 'b@org.example.no'],
      mobiles: ['+4741234567'],
    });
    const order = {
      requestedSendTime: at(30),
      recipient: {
        recipientOrganization: {
          orgNumber: ORG,
          channelSchema: 'EmailAndSms',
          emailSettings: emailSettings(),
          smsSettings: smsSettings(),
        },
      },
    };
    const { notification } = await send(order);
    const final = await untilFinal(notification.shipmentId);
    expect(final.recipients.map((r) => `${r.type} ${r.destination}`).sort()).toEqual([
      'Email a@org.example.no',
      'Email b@org.example.no',
      'SMS +4741234567',
    ]);
  });
});

describe('the retry-after-send-time trap (Altinn validates before it looks up the idempotencyId)', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  const ORDERS = '/notifications/api/v1/future/orders';
  beforeEach(async () => {
    sim = await AltinnSimulator.start(); // wall clock; advance() moves it on
    // One retry, 200 ms after the lost answer: time for the test to move the simulator's clock in between.
    client = await createTestClient(sim, { logging: false, retry: { retries: 1, delayMs: 200 } });
    registerContacts(sim);
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  /**
   * Created on the first attempt, answer lost; the retry reaches Altinn `elapsedMs` later. The check below runs
   * every 10 ms, so it sees the stored order before the client's 200 ms retry wait is over (timers fire in order).
   */
  async function sendWithLostAnswer(order: Record<string, any>, options: object, elapsedMs: number) {
    sim.inject({ kind: 'lostAnswer' }, { path: ORDERS });
    const pending = client.service.sendOrder(order as NotificationOrder, options).then(
      (r) => r,
      (e: unknown) => e,
    );
    while (!sim.requests.some((r) => r.path === ORDERS && r.status === 201))
      await new Promise((r) => setTimeout(r, 10));
    expect(sim.requests.filter((r) => r.path === ORDERS)).toHaveLength(1);
    await sim.advance(elapsedMs);
    return pending;
  }

  const soon = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  it('without the margin: the order is created, yet the retry 40 s later gets 400 (not 200)', async () => {
    const order = Object.assign(baseOrder(), { requestedSendTime: soon(30) });
    const outcome = await sendWithLostAnswer(order, { sendTimeMarginSeconds: 0 }, 40_000);
    expect(outcome).toBeInstanceOf(AltinnApiError);
    expect(outcome).toMatchObject({ status: 400, attempts: 2 });
    expect((outcome as AltinnApiError).errors.map((e) => e.message)).toContain(
      'RequestedSendTime must be greater than or equal to now.',
    );
    expect(sim.requests.filter((r) => r.path === ORDERS).map((r) => r.status)).toEqual([201, 400]);
  });

  it('with the default margin: that send time is refused before any request', async () => {
    const order = Object.assign(baseOrder(), { requestedSendTime: soon(30) });
    const err = await client.service.sendOrder(order as NotificationOrder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AltinnValidationError);
    expect((err as AltinnValidationError).errors).toEqual([
      { path: 'requestedSendTime', message: expect.stringMatching(/at least 300 seconds ahead/) },
    ]);
    expect(sim.requests).toHaveLength(0);
  });

  it('a send time past the margin survives the same lost answer: the retry gets 200 with the chain ids', async () => {
    const order = Object.assign(baseOrder(), { requestedSendTime: soon(310) });
    const outcome = await sendWithLostAnswer(order, {}, 40_000);
    expect(outcome).toMatchObject({
      created: false,
      idempotencyId: order.idempotencyId,
      notification: { reminders: [expect.anything()] },
    });
    expect(sim.requests.filter((r) => r.path === ORDERS).map((r) => r.status)).toEqual([201, 200]);
  });
});
