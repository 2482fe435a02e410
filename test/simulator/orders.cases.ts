import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, emailBody, postOrder, smsBody } from './simulator.helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('AltinnSimulator instant orders', () => {
  let sim: AltinnSimulator;
  const lines: string[] = [];

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ log: (line) => lines.push(line) });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    lines.length = 0;
  });

  it('exposes its URLs', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.baseUrl).toBe(`${sim.url}/notifications/api/v1`);
    expect(sim.platformUrl).toBe(sim.url);
    expect(sim.maskinporten).toEqual({
      tokenUrl: `${sim.url}/maskinporten/token`,
      issuer: `${sim.url}/maskinporten/`,
    });
  });

  it('answers 201 with ids and Location, then 200 with the original ids and nothing sent', async () => {
    const body = smsBody();
    const first = await postOrder(sim, 'sms', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.json.notificationOrderId).toMatch(UUID);
    expect(first.json.notification.shipmentId).toMatch(UUID);
    expect(first.json.notification.sendersReference).toBe('ref-1');
    expect(first.headers.get('location')).toBe(
      `${sim.url}/notifications/api/v1/orders/chain/${first.json.notificationOrderId}`,
    );

    const again = await postOrder(sim, 'sms', { ...body, sendersReference: 'changed' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('location')).toBeNull();
    expect(sim.sentCount(body.idempotencyId)).toBe(1);
    expect(sim.orders).toHaveLength(1);
    expect(sim.orders[0]).toMatchObject({
      channel: 'sms',
      org: 'ttd',
      idempotencyId: body.idempotencyId,
      sendersReference: 'ref-1',
      notificationOrderId: first.json.notificationOrderId,
      shipmentId: first.json.notification.shipmentId,
      request: body,
    });
    expect(sim.deliveries[0]).toMatchObject({
      channel: 'sms',
      to: '+4799999999',
      body: 'Your code is 123456',
    });
  });

  it('omits sendersReference when it was null', async () => {
    const res = await postOrder(sim, 'email', emailBody({ sendersReference: null }));
    expect(res.status).toBe(201);
    expect(Object.keys(res.json.notification)).toEqual(['shipmentId']);
  });

  it('shares one key space between SMS, email and the deprecated endpoint', async () => {
    const sms = smsBody();
    const first = await postOrder(sim, 'sms', sms);
    const email = await postOrder(sim, 'email', emailBody({ idempotencyId: sms.idempotencyId }));
    expect(email.status).toBe(200);
    expect(email.json).toEqual(first.json);
    const legacy = await postOrder(sim, 'legacy', {
      idempotencyId: sms.idempotencyId,
      recipient: { recipientSms: sms.recipientSms },
    });
    expect(legacy.status).toBe(200);
    expect(legacy.json).toEqual(first.json);
    expect(sim.deliveries.map((d) => d.channel)).toEqual(['sms']);
  });

  it('matches idempotency ids exactly and case-sensitively', async () => {
    await postOrder(sim, 'sms', smsBody({ idempotencyId: 'Otp-1' }));
    expect((await postOrder(sim, 'sms', smsBody({ idempotencyId: 'otp-1' }))).status).toBe(201);
    expect((await postOrder(sim, 'sms', smsBody({ idempotencyId: 'Otp-1 ' }))).status).toBe(201);
    expect(sim.orders).toHaveLength(3);
  });

  it('keeps the key space per org', async () => {
    const body = smsBody();
    await postOrder(sim, 'sms', body);
    const other = await postOrder(sim, 'sms', body, { token: await sim.issueToken({ org: 'digdir' }) });
    expect(other.status).toBe(201);
    expect(sim.orders.map((o) => o.org)).toEqual(['ttd', 'digdir']);
  });

  it('accepts the deprecated endpoint with the SMS nested under recipient.recipientSms', async () => {
    const sms = smsBody();
    const res = await postOrder(sim, 'legacy', {
      idempotencyId: sms.idempotencyId,
      recipient: { recipientSms: sms.recipientSms },
    });
    expect(res.status).toBe(201);
    expect(sim.deliveries[0]).toMatchObject({ channel: 'sms', to: '+4799999999' });
  });

  it('records email deliveries with defaults and logs one line per message', async () => {
    await postOrder(sim, 'email', emailBody({}, { contentType: 'html' }));
    await postOrder(
      sim,
      'sms',
      smsBody({}, { phoneNumber: '0047 99999999', smsSettings: { body: 'Kode 42' } }),
    );
    expect(sim.deliveries[0]).toMatchObject({
      channel: 'email',
      to: 'user@example.com',
      from: 'noreply@altinn.cloud',
      subject: 'Your code',
      contentType: 'Html',
    });
    expect(sim.deliveries[1]).toMatchObject({ to: '0047 99999999', from: 'Altinn', body: 'Kode 42' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('EMAIL');
    expect(lines[0]).toContain('user@example.com');
    expect(lines[0]).toContain('Code 654321');
    expect(lines[1]).toContain('SMS');
    expect(lines[1]).toContain('0047 99999999');
    expect(lines[1]).toContain('Kode 42');
  });

  describe('authentication and authorization', () => {
    it('401 with an empty body and WWW-Authenticate when the token is missing', async () => {
      const res = await postOrder(sim, 'sms', smsBody(), { token: null });
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('401 for a token signed by another key', async () => {
      const other = await AltinnSimulator.start();
      try {
        const res = await postOrder(sim, 'sms', smsBody(), { token: await other.issueToken() });
        expect(res.status).toBe(401);
      } finally {
        await other.close();
      }
    });

    it('401 for an expired token (zero clock skew)', async () => {
      const res = await postOrder(sim, 'sms', smsBody(), {
        token: await sim.issueToken({ expiresInSeconds: -1 }),
      });
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
    });

    it('403 with an empty body when the scope is missing or only similar', async () => {
      for (const scope of [
        'altinn:serviceowner',
        'altinn:serviceowner/notifications.create.extra',
        'other',
      ]) {
        const res = await postOrder(sim, 'sms', smsBody(), { token: await sim.issueToken({ scope }) });
        expect(res.status).toBe(403);
        expect(res.text).toBe('');
      }
      const spaced = await sim.issueToken({ scope: 'a:b altinn:serviceowner/notifications.create' });
      expect((await postOrder(sim, 'sms', smsBody(), { token: spaced })).status).toBe(201);
    });

    it('403 without an org claim, but only after validation passed', async () => {
      const token = await sim.issueToken({ org: null });
      expect((await postOrder(sim, 'sms', smsBody(), { token })).status).toBe(403);
      expect((await postOrder(sim, 'sms', smsBody({ idempotencyId: ' ' }), { token })).status).toBe(400);
      expect(sim.deliveries).toHaveLength(0);
    });

    it('415 problem details for a wrong Content-Type, charset parameter allowed', async () => {
      const res = await postOrder(sim, 'sms', smsBody(), { contentType: 'text/plain' });
      expect(res.status).toBe(415);
      expect(res.json).toEqual({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
        title: 'Unsupported Media Type',
        status: 415,
        traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      });
      const charset = await postOrder(sim, 'sms', smsBody(), {
        contentType: 'application/json; charset=utf-8',
      });
      expect(charset.status).toBe(201);
    });

    it('checks the token before the Content-Type', async () => {
      const res = await postOrder(sim, 'sms', smsBody(), { token: null, contentType: 'text/plain' });
      expect(res.status).toBe(401);
    });
  });

  it('logs every request with status, id, authorization and content type', async () => {
    const body = smsBody();
    const token = await sim.issueToken();
    await postOrder(sim, 'sms', body, { token });
    await call(`${sim.baseUrl}/nowhere`);
    expect(sim.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/notifications/api/v1/future/orders/instant/sms',
        status: 201,
        idempotencyId: body.idempotencyId,
        authorization: `Bearer ${token}`,
        contentType: 'application/json',
        at: expect.any(Date),
      }),
      expect.objectContaining({ method: 'GET', path: '/notifications/api/v1/nowhere', status: 404 }),
    ]);
    expect(sim.counters.notificationRequests).toBe(2);
  });
});
