import { randomUUID } from 'node:crypto';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { postOrder, smsBody } from './simulator.helpers.js';
import { cancel, getJson, NIN, personOrder, postChain } from './scheduled.helpers.js';

describe('AltinnSimulator PUT /orders/{id}/cancel', () => {
  let sim: AltinnSimulator;

  beforeEach(async () => {
    sim = await AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z' });
    sim.contacts.setPerson(NIN, { email: 'kari@example.com' });
  });
  afterEach(() => sim.close());

  it('cancels a registered shipment more than 5 minutes ahead (200, again 200), leaving its reminders alone', async () => {
    const body = personOrder(
      sim,
      { reminders: [{ delayDays: 1, recipient: personOrder(sim).recipient }] },
      60,
    );
    const created = (await postChain(sim, body)).json.notification;
    const first = await cancel(sim, created.shipmentId);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      id: created.shipmentId,
      sendersReference: 'case-1',
      requestedSendTime: '2026-03-02T11:00:00.000Z',
      creator: 'ttd',
      created: '2026-03-02T10:00:00.000Z',
      notificationChannel: 'Email',
      ignoreReservation: false,
      processingStatus: {
        status: 'Cancelled',
        description: 'Order processing was stopped due to order being cancelled.',
        lastUpdate: '2026-03-02T10:00:00.000Z',
      },
    });
    expect((await cancel(sim, created.shipmentId)).status).toBe(200);
    expect((await getJson(sim, `/future/shipment/${created.shipmentId}`)).json).toMatchObject({
      status: 'Order_Cancelled',
      recipients: [],
    });

    await sim.advance(2 * 24 * 3_600_000);
    expect(sim.deliveries).toHaveLength(1); // the reminder only
    expect(sim.deliveries[0].shipmentId).toBe(created.reminders[0].shipmentId);
  });

  it('answers 409 within 5 minutes of the send time, after processing, and for instant orders', async () => {
    const soon = (await postChain(sim, personOrder(sim, {}, 5))).json.notification.shipmentId;
    const res = await cancel(sim, soon);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
      title: 'Conflict',
      status: 409,
      traceId: expect.any(String),
    });
    const later = (await postChain(sim, personOrder(sim, {}, 6))).json.notification.shipmentId;
    expect((await cancel(sim, later)).status).toBe(200);
    await sim.advance(10 * 60_000);
    expect((await cancel(sim, soon)).status).toBe(409);
    const instant = (await postOrder(sim, 'sms', smsBody())).json.notification.shipmentId;
    expect((await cancel(sim, instant)).status).toBe(409);
  });

  it('answers 404 for unknown ids and other orgs, 400 for a non-GUID', async () => {
    expect((await cancel(sim, randomUUID())).json).toMatchObject({ title: 'Not Found', status: 404 });
    const id = (await postChain(sim, personOrder(sim))).json.notification.shipmentId;
    const res = await fetch(`${sim.baseUrl}/orders/${id}/cancel`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await sim.issueToken({ org: 'digdir' })}` },
    });
    expect(res.status).toBe(404);
    expect((await cancel(sim, 'not-a-guid')).status).toBe(400);
  });
});
