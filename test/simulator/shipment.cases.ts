import { randomUUID } from 'node:crypto';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, emailBody, postOrder, sleep, smsBody } from './simulator.helpers.js';

describe('AltinnSimulator GET /future/shipment/{id}', () => {
  let sim: AltinnSimulator;
  let token: string;

  const getShipment = (id: string, auth = token) =>
    call(`${sim.baseUrl}/future/shipment/${id}`, { headers: { authorization: `Bearer ${auth}` } });

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ deliveryStepMs: 300 });
    token = await sim.issueToken();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('moves an SMS through SMS_New → SMS_Accepted → SMS_Delivered and the order to Order_Completed', async () => {
    const created = await postOrder(sim, 'sms', smsBody({}, { phoneNumber: '0047 99999999' }));
    const shipmentId: string = created.json.notification.shipmentId;

    const first = await getShipment(shipmentId);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      shipmentId,
      sendersReference: 'ref-1',
      type: 'Instant',
      status: 'Order_Processing',
      lastUpdate: expect.any(String),
      recipients: [
        { type: 'SMS', destination: '0047 99999999', status: 'SMS_New', lastUpdate: expect.any(String) },
      ],
    });

    await sleep(330);
    expect((await getShipment(shipmentId)).json.recipients[0].status).toBe('SMS_Accepted');
    await sleep(300);
    const done = await getShipment(shipmentId);
    expect(done.json.recipients[0].status).toBe('SMS_Delivered');
    expect(done.json.status).toBe('Order_Completed');
    expect(Date.parse(done.json.lastUpdate)).toBeGreaterThan(Date.parse(first.json.lastUpdate));
  });

  it('moves an email through Email_New → Email_Sending → Email_Delivered', async () => {
    const created = await postOrder(sim, 'email', emailBody({ sendersReference: null }));
    const shipmentId: string = created.json.notification.shipmentId;
    const first = await getShipment(shipmentId);
    expect(first.json.recipients[0]).toMatchObject({ destination: 'user@example.com', status: 'Email_New' });
    expect(first.json).not.toHaveProperty('sendersReference');
    await sleep(330);
    expect((await getShipment(shipmentId)).json.recipients[0].status).toBe('Email_Sending');
    await sleep(300);
    expect((await getShipment(shipmentId)).json.recipients[0].status).toBe('Email_Delivered');
  });

  it('accepts the id in upper case and N format', async () => {
    const created = await postOrder(sim, 'sms', smsBody());
    const shipmentId: string = created.json.notification.shipmentId;
    expect((await getShipment(shipmentId.toUpperCase())).status).toBe(200);
    expect((await getShipment(shipmentId.replace(/-/g, ''))).status).toBe(200);
  });

  it('404 NOT-00003 for an unknown id', async () => {
    const res = await getShipment(randomUUID());
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      type: 'urn:altinn:error:NOT-00003',
      title: 'Shipment not found',
      status: 404,
      code: 'NOT-00003',
      traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      statusDescription: 'Not Found',
    });
  });

  it("404 NOT-00003 for another org's shipment", async () => {
    const created = await postOrder(sim, 'sms', smsBody());
    const res = await getShipment(
      created.json.notification.shipmentId,
      await sim.issueToken({ org: 'digdir' }),
    );
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('NOT-00003');
  });

  it('a malformed id is a plain route 404 with an empty body', async () => {
    const res = await getShipment('not-a-guid');
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
  });

  it('requires a valid token', async () => {
    const res = await call(`${sim.baseUrl}/future/shipment/${randomUUID()}`);
    expect(res.status).toBe(401);
  });
});
