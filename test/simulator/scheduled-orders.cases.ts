import { AltinnSimulator } from '../../lib/testing/index.js';
import { sleep } from './simulator.helpers.js';
import { DAY, emailSettings, NIN, ORG_NO, personOrder, postChain, smsSettings } from './scheduled.helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('AltinnSimulator POST /future/orders', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z' });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    sim.contacts.setPerson(NIN, { email: 'kari@example.com', mobile: '+4799999999' });
  });

  it('answers 201 with the chain ids, then 200 with the same body and nothing new stored', async () => {
    const body = personOrder(sim, {
      reminders: [
        { delayDays: 7, sendersReference: 'r-1', recipient: personOrder(sim).recipient },
        { requestedSendTime: '2026-03-20T10:00:00Z', recipient: personOrder(sim).recipient },
      ],
    });
    const first = await postChain(sim, body);
    expect(first.status).toBe(201);
    expect(first.json.notificationOrderId).toMatch(UUID);
    expect(first.json.notification).toEqual({
      shipmentId: expect.stringMatching(UUID),
      sendersReference: 'case-1',
      reminders: [
        { shipmentId: expect.stringMatching(UUID), sendersReference: 'r-1' },
        { shipmentId: expect.stringMatching(UUID) },
      ],
    });
    expect(first.headers.get('location')).toBe(
      `${sim.baseUrl}/orders/chain/${first.json.notificationOrderId}`,
    );

    const again = await postChain(sim, { ...body, sendersReference: 'changed', reminders: [] });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('location')).toBeNull();
  });

  it('omits reminders when there are none, on 201 and 200 alike', async () => {
    const body = personOrder(sim, { sendersReference: null });
    const first = await postChain(sim, body);
    expect(first.json.notification).toEqual({ shipmentId: expect.stringMatching(UUID) });
    expect((await postChain(sim, body)).json).toEqual(first.json);
  });

  it('keeps its idempotency key space apart from the instant endpoints', async () => {
    const body = personOrder(sim);
    const token = await sim.issueToken();
    const instant = await fetch(`${sim.baseUrl}/future/orders/instant/sms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyId: body.idempotencyId,
        recipientSms: { phoneNumber: '+4799999999', timeToLiveInSeconds: 300, smsSettings: { body: 'x' } },
      }),
    });
    expect(instant.status).toBe(201);
    expect((await postChain(sim, body)).status).toBe(201);
  });

  it('answers a retry after requestedSendTime has passed with 400, not 200 (validation runs first)', async () => {
    const body = personOrder(sim, {}, 10);
    expect((await postChain(sim, body)).status).toBe(201);
    await sim.advance(11 * 60_000);
    const retry = await postChain(sim, body);
    expect(retry.status).toBe(400);
    expect(retry.json.errors).toEqual({
      RequestedSendTime: ['RequestedSendTime must be greater than or equal to now.'],
    });
  });

  it('defaults requestedSendTime to now when it is left out', async () => {
    const { requestedSendTime: _omit, ...body } = personOrder(sim);
    expect((await postChain(sim, body)).status).toBe(201);
  });

  it('answers 422 NOT-00001 without saying which recipient, and stores nothing', async () => {
    const body = personOrder(sim, {
      reminders: [
        {
          delayDays: 1,
          recipient: { recipientOrganization: { orgNumber: ORG_NO, channelSchema: 'Sms', smsSettings } },
        },
      ],
    });
    const res = await postChain(sim, body);
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      type: 'urn:altinn:error:NOT-00001',
      title: 'Missing contact information for recipient(s)',
      status: 422,
      code: 'NOT-00001',
      traceId: expect.any(String),
      statusDescription: 'Unprocessable Entity',
    });
    sim.contacts.setOrganisation(ORG_NO, { mobiles: ['+4798765432'] });
    expect((await postChain(sim, body)).status).toBe(201);
  });

  it('decides "missing" per channel schema, never for e-mail/SMS recipients, and not for reserved persons', async () => {
    sim.contacts.setPerson('02029012345', { email: 'only@example.com' });
    sim.contacts.setPerson('03039012345', { reserved: true });
    const person = (nin: string, channelSchema: string) => ({
      recipientPerson: { nationalIdentityNumber: nin, channelSchema, emailSettings, smsSettings },
    });
    const status = async (recipient: object) =>
      (await postChain(sim, personOrder(sim, { recipient }))).status;
    expect(await status(person('02029012345', 'Sms'))).toBe(422);
    expect(await status(person('02029012345', 'SmsPreferred'))).toBe(201);
    expect(await status(person('11111111111', 'Email'))).toBe(422);
    expect(await status(person('03039012345', 'Email'))).toBe(201);
    expect(await status({ recipientSms: { phoneNumber: '+4799999999', smsSettings } })).toBe(201);
    expect(
      await status({
        recipientExternalIdentity: {
          externalIdentity: 'urn:altinn:person:idporten-email:a@example.com',
          channelSchema: 'Email',
          emailSettings,
        },
      }),
    ).toBe(201);
    expect(
      await status({
        recipientExternalIdentity: {
          externalIdentity: 'urn:altinn:party:username:kari',
          channelSchema: 'Email',
          emailSettings,
        },
      }),
    ).toBe(422);
  });

  it('answers 401 without a token, 403 without an org claim, 415 for another media type', async () => {
    expect((await postChain(sim, personOrder(sim), { token: null })).status).toBe(401);
    expect(
      (await postChain(sim, personOrder(sim), { token: await sim.issueToken({ org: null }) })).status,
    ).toBe(403);
    expect((await postChain(sim, personOrder(sim), { contentType: 'text/plain' })).status).toBe(415);
  });

  it('stores nothing when the client aborts before the commit; the same id then creates the order', async () => {
    const slow = await AltinnSimulator.start({ sendLatencyMs: 300 });
    try {
      slow.contacts.setPerson(NIN, { email: 'kari@example.com' });
      const body = personOrder(slow);
      await expect(postChain(slow, body, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
      await sleep(350);
      expect(slow.requests.at(-1)?.status).toBe(499);
      expect((await postChain(slow, body)).status).toBe(201);
    } finally {
      await slow.close();
    }
  });

  it('lets a reminder fall before the main send time and adds delayDays to the main time', async () => {
    const body = personOrder(sim, {
      requestedSendTime: '2026-03-10T10:00:00Z',
      reminders: [
        { requestedSendTime: '2026-03-05T10:00:00+01:00', recipient: personOrder(sim).recipient },
        { delayDays: 2, recipient: personOrder(sim).recipient },
      ],
    });
    expect((await postChain(sim, body)).status).toBe(201);
    await sim.advance(3 * DAY);
    expect(sim.deliveries).toHaveLength(1);
  });
});
