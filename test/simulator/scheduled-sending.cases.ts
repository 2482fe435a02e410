import { AltinnSimulator } from '../../lib/testing/index.js';
import { call } from './simulator.helpers.js';
import { ConditionServer, FAIL, SEND, SKIP } from './condition-server.js';
import { DAY, getJson, NIN, ORG_NO, personOrder, postChain, smsSettings } from './scheduled.helpers.js';

const MINUTE = 60_000;

describe('AltinnSimulator scheduled sending on a controlled clock', () => {
  let sim: AltinnSimulator;
  // Monday 2026-03-02 11:00 in Oslo (CET): inside the Daytime window.
  const start = () => AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z', deliveryStepMs: 1000 });
  const person = () => sim.contacts.setPerson(NIN, { email: 'kari@example.com', mobile: '+4799999999' });
  const shipment = async (id: string) => (await getJson(sim, `/future/shipment/${id}`)).json;

  describe('from a fresh start', () => {
    beforeEach(async () => {
      sim = await start();
      person();
    });
    afterEach(() => sim.close());

    it('claims a shipment one minute before its send time, then delivers and completes it', async () => {
      const created = await postChain(sim, personOrder(sim, {}, 60));
      const id: string = created.json.notification.shipmentId;
      await sim.advance(58 * MINUTE);
      expect(sim.deliveries).toHaveLength(0);
      expect(await shipment(id)).toMatchObject({
        type: 'Notification',
        status: 'Order_Registered',
        recipients: [],
      });

      await sim.advance(1 * MINUTE);
      expect(sim.deliveries).toEqual([
        expect.objectContaining({
          channel: 'email',
          to: 'kari@example.com',
          subject: 'Application received',
        }),
      ]);
      expect(await shipment(id)).toMatchObject({
        status: 'Order_Processed',
        recipients: [{ type: 'Email', destination: 'kari@example.com', status: 'Email_New' }],
      });
      await sim.advance(2000);
      const done = await shipment(id);
      expect(done).toMatchObject({ status: 'Order_Completed', sendersReference: 'case-1' });
      expect(done.recipients).toEqual([
        {
          type: 'Email',
          destination: 'kari@example.com',
          status: 'Email_Delivered',
          lastUpdate: '2026-03-02T10:59:02.000Z',
        },
      ]);
      expect(done.lastUpdate).toBe('2026-03-02T10:59:02.000Z');
    });

    it('holds a Daytime SMS until 09:00 Oslo and sends an Anytime SMS at once', async () => {
      const at = '2026-03-02T16:30:00Z'; // 17:30 in Oslo
      const daytime = personOrder(sim, {
        requestedSendTime: at,
        recipient: { recipientSms: { phoneNumber: '+4799999999', smsSettings } },
      });
      const anytime = personOrder(sim, {
        requestedSendTime: at,
        recipient: {
          recipientSms: {
            phoneNumber: '+4798765432',
            smsSettings: { ...smsSettings, sendingTimePolicy: 'Anytime' },
          },
        },
      });
      const held = (await postChain(sim, daytime)).json.notification.shipmentId;
      await postChain(sim, anytime);
      await sim.advance(7 * 60 * MINUTE);
      expect(sim.deliveries.map((d) => d.to)).toEqual(['+4798765432']);
      expect(await shipment(held)).toMatchObject({
        status: 'Order_Processed',
        recipients: [{ status: 'SMS_New' }],
      });
      const outbox = (await call(`${sim.url}/outbox.json`)).json;
      expect(outbox[0]).toMatchObject({
        state: 'scheduled',
        to: '+4799999999',
        at: '2026-03-03T08:00:01.000Z',
      });

      await sim.advance(15 * 60 * MINUTE); // 2026-03-03 08:00 Z = 09:00 Oslo: the window is not open yet
      expect(sim.deliveries).toHaveLength(1);
      await sim.advance(1000);
      expect(sim.deliveries.map((d) => d.to)).toEqual(['+4798765432', '+4799999999']);
      expect(sim.deliveries[1].at.toISOString()).toBe('2026-03-03T08:00:01.000Z');
    });

    it('sends each reminder as its own Reminder shipment at main time + delayDays', async () => {
      const body = personOrder(
        sim,
        { reminders: [{ delayDays: 7, sendersReference: 'r', recipient: personOrder(sim).recipient }] },
        10,
      );
      const created = (await postChain(sim, body)).json;
      await sim.advance(DAY);
      expect(sim.deliveries).toHaveLength(1);
      const reminderId = created.notification.reminders[0].shipmentId;
      expect(await shipment(reminderId)).toMatchObject({
        type: 'Reminder',
        status: 'Order_Registered',
        sendersReference: 'r',
      });
      await sim.advance(6 * DAY + 8 * MINUTE);
      expect(sim.deliveries).toHaveLength(1);
      await sim.advance(MINUTE);
      expect(sim.deliveries).toHaveLength(2);
      expect(sim.deliveries[1].at.toISOString()).toBe('2026-03-09T10:09:00.000Z');
      await sim.advance(5000);
      expect(await shipment(reminderId)).toMatchObject({ type: 'Reminder', status: 'Order_Completed' });
    });

    it('honours a KRR reservation unless ignoreReservation, and repeats the lookup at send time', async () => {
      sim.contacts.setPerson('02029012345', { email: 'r@example.com', reserved: true });
      const person = (nin: string, extra = {}) =>
        personOrder(
          sim,
          {
            recipient: {
              recipientPerson: {
                ...personOrder(sim).recipient.recipientPerson,
                nationalIdentityNumber: nin,
                ...extra,
              },
            },
          },
          5,
        );
      const reserved = (await postChain(sim, person('02029012345'))).json.notification.shipmentId;
      const ignored = (await postChain(sim, person('02029012345', { ignoreReservation: true }))).json
        .notification.shipmentId;
      const gone = (await postChain(sim, person(NIN))).json.notification.shipmentId;
      sim.contacts.remove(NIN);
      await sim.advance(5 * MINUTE);
      expect(await shipment(reserved)).toMatchObject({
        status: 'Order_Completed',
        recipients: [{ type: 'Email', destination: '', status: 'Email_Failed_RecipientReserved' }],
      });
      expect(await shipment(gone)).toMatchObject({
        status: 'Order_Completed',
        recipients: [{ destination: '', status: 'Email_Failed_RecipientNotIdentified' }],
      });
      expect(await shipment(ignored)).toMatchObject({
        status: 'Order_Completed',
        recipients: [{ destination: 'r@example.com', status: 'Email_Delivered' }],
      });
      expect(sim.deliveries.map((d) => d.to)).toEqual(['r@example.com']);
    });

    it('sends to every official address of an organisation and applies a test-set delivery outcome', async () => {
      sim.contacts.setOrganisation(ORG_NO, {
        emails: ['a@org.example', 'b@org.example'],
        mobiles: ['+4798765432'],
      });
      sim.setDeliveryOutcome('b@org.example', 'Email_Failed_Bounced');
      const body = personOrder(
        sim,
        {
          recipient: {
            recipientOrganization: {
              orgNumber: ORG_NO,
              channelSchema: 'EmailAndSms',
              smsSettings,
              emailSettings: { subject: 's', body: 'b' },
            },
          },
        },
        1,
      );
      const id = (await postChain(sim, body)).json.notification.shipmentId;
      await sim.advance(5000);
      const done = await shipment(id);
      expect(done.status).toBe('Order_Completed');
      expect(
        done.recipients.map((r: { destination: string; status: string }) => [r.destination, r.status]),
      ).toEqual([
        ['a@org.example', 'Email_Delivered'],
        ['b@org.example', 'Email_Failed_Bounced'],
        ['+4798765432', 'SMS_Delivered'],
      ]);
    });
  });

  // E-mail only, five minutes ahead: any clock will do, so one simulator (a start makes two RSA key pairs), reset.
  describe('send condition', () => {
    let shared: AltinnSimulator;
    let condition: ConditionServer | undefined;
    beforeAll(async () => {
      shared = await start();
    });
    afterAll(() => shared.close());
    beforeEach(() => {
      sim = shared;
      sim.reset();
      person();
    });
    afterEach(() => condition?.close());

    const order = async (...answers: { status: number; body: string }[]) => {
      condition = await ConditionServer.start(...answers);
      const res = await postChain(sim, personOrder(sim, { conditionEndpoint: condition.url }, 5));
      return res.json.notification.shipmentId as string;
    };

    it('does not send when the endpoint says false, and calls it with a Maskinporten bearer token', async () => {
      const id = await order(SKIP);
      await sim.advance(5 * MINUTE);
      expect(await shipment(id)).toMatchObject({ status: 'Order_SendConditionNotMet', recipients: [] });
      expect(sim.deliveries).toHaveLength(0);
      expect(condition?.calls[0].authorization).toMatch(/^Bearer ey/);
      expect(sim.conditionChecks).toEqual([
        expect.objectContaining({ shipmentId: id, outcome: 'skip', status: 200 }),
      ]);
    });

    it('retries a failed check once after 60 s, then sends anyway', async () => {
      const id = await order(FAIL);
      await sim.advance(4 * MINUTE);
      expect(sim.deliveries).toHaveLength(0);
      expect(await shipment(id)).toMatchObject({ status: 'Order_Registered' });
      await sim.advance(MINUTE);
      expect(sim.conditionChecks.map((c) => c.outcome)).toEqual(['error', 'error']);
      expect(sim.deliveries).toHaveLength(1);
    });

    it('takes the answer of the retry when the first check failed', async () => {
      await order({ status: 200, body: '{"SendNotification":true}' }, SKIP);
      await sim.advance(6 * MINUTE);
      expect(sim.conditionChecks.map((c) => c.outcome)).toEqual(['error', 'skip']);
      expect(sim.deliveries).toHaveLength(0);
    });

    it('sends when the endpoint says true', async () => {
      await order(SEND);
      await sim.advance(5 * MINUTE);
      expect(sim.deliveries).toHaveLength(1);
    });
  });
});
