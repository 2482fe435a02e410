import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { codeOf, startSampleApp, startSampleSimulator, type Clock } from './sample-app.harness.js';

const PHONE = '+4799999999';

// One simulator for the file, reset for each app: a start makes three RSA key pairs.
let sim: AltinnSimulator;
let config: Record<string, string>;
beforeAll(async () => {
  ({ sim, config } = await startSampleSimulator());
});
afterAll(() => sim.close());

describe('sample app e2e: the one-time-code flow over HTTP', () => {
  let app: INestApplication;
  let clock: Clock;
  const http = () => request(app.getHttpServer());

  beforeEach(async () => {
    sim.reset();
    ({ app, clock } = await startSampleApp(config));
  });
  afterEach(() => app.close());

  async function sendCode(body: object = { channel: 'sms', recipient: PHONE }) {
    const res = await http().post('/otp/send').send(body).expect(201);
    return {
      challengeId: res.body.challengeId as string,
      code: codeOf(sim.deliveries.at(-1)),
      body: res.body,
    };
  }

  it('send → verify wrong code → verify right code → the code is used up', async () => {
    const { challengeId, code, body } = await sendCode();
    expect(body).toEqual({
      challengeId,
      channel: 'sms',
      expiresAt: new Date(clock.ms + 300_000).toISOString(),
      ttlSeconds: 300,
    });
    expect(sim.deliveries[0]).toMatchObject({ to: PHONE, timeToLiveInSeconds: 300 });
    // Through the real token flow: a grant to the fake Maskinporten, then the exchange.
    expect(sim.counters).toMatchObject({ grants: 1, exchanges: 1 });

    const wrong = code === '000000' ? '111111' : '000000';
    await http()
      .post('/otp/verify')
      .send({ challengeId, code: wrong })
      .expect(401, { statusCode: 401, success: false, error: 'INVALID_OTP', attemptsLeft: 2 });
    await http()
      .post('/otp/verify')
      .send({ challengeId, code })
      .expect(200, { success: true, challengeId, channel: 'sms' });
    await http()
      .post('/otp/verify')
      .send({ challengeId, code })
      .expect(401, { statusCode: 401, success: false, error: 'NO_OTP_FOUND' });
  });

  it('verifies by recipient, and by email in English', async () => {
    const { code } = await sendCode({ channel: 'email', recipient: 'kari@example.no', language: 'en' });
    expect(sim.deliveries[0]).toMatchObject({ channel: 'email', subject: 'Your one-time code' });
    await http()
      .post('/otp/verify')
      .send({ channel: 'email', recipient: 'KARI@example.no', code })
      .expect(200);
  });

  it('expiry: OTP_EXPIRED once the code’s 300 s are over', async () => {
    const { challengeId, code } = await sendCode();
    clock.ms += 300_001;
    await http()
      .post('/otp/verify')
      .send({ challengeId, code })
      .expect(401, { statusCode: 401, success: false, error: 'OTP_EXPIRED' });
  });

  it('attempt limit: 3 wrong codes, then 429 TOO_MANY_ATTEMPTS even for the right one', async () => {
    const { challengeId, code } = await sendCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [2, 1, 0]) {
      await http()
        .post('/otp/verify')
        .send({ challengeId, code: wrong })
        .expect(401)
        .expect((res) => {
          expect(res.body.attemptsLeft).toBe(left);
        });
    }
    await http()
      .post('/otp/verify')
      .send({ challengeId, code })
      .expect(429, { statusCode: 429, success: false, error: 'TOO_MANY_ATTEMPTS' });
  });

  it('cooldown: a new code within 60 s is 429 with Retry-After and nothing is sent', async () => {
    await sendCode();
    clock.ms += 15_000;
    const res = await http().post('/otp/send').send({ channel: 'sms', recipient: PHONE }).expect(429);
    expect(res.headers['retry-after']).toBe('45');
    expect(res.body).toEqual({
      statusCode: 429,
      success: false,
      error: 'RESEND_COOLDOWN',
      retryAfterSeconds: 45,
    });
    expect(sim.deliveries).toHaveLength(1);
    clock.ms += 45_000;
    await sendCode();
    expect(sim.deliveries).toHaveLength(2);
  });

  it('a client retry with the same Idempotency-Key re-sends nothing new: same challenge, one message', async () => {
    const send = () =>
      http()
        .post('/otp/send')
        .set('Idempotency-Key', 'login-9f2c')
        .send({ channel: 'sms', recipient: PHONE });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
    expect(first.body.challengeId).toBe('login-9f2c');
    expect(sim.deliveries).toHaveLength(1);
  });

  it('bad input: the ValidationPipe answers 400; a number Altinn’s rules refuse gets the filter’s problem', async () => {
    const pipe = await http()
      .post('/otp/send')
      .send({ channel: 'fax', recipient: PHONE, extra: 1 })
      .expect(400);
    expect(pipe.body.message).toEqual(
      expect.arrayContaining(['property extra should not exist', expect.stringContaining('channel')]),
    );
    const filter = await http()
      .post('/otp/send')
      .send({ channel: 'sms', recipient: '+4722225555' })
      .expect(400);
    expect(filter.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(filter.body).toMatchObject({
      title: 'The notification order is invalid',
      errors: [{ path: 'recipientSms.phoneNumber', message: 'must be a mobile number' }],
    });
    await http().post('/otp/verify').send({ challengeId: 'x', code: 'abc' }).expect(400);
    expect(sim.deliveries).toHaveLength(0);
  });

  it('Altinn down (503 NOT-00004): the filter answers 503, and a retry with the same key sends the same code', async () => {
    sim.inject(
      {
        kind: 'status',
        status: 503,
        body: { code: 'NOT-00004', title: 'A temporary network failure occurred' },
      },
      { path: '/future/orders/instant/sms', times: 2 },
    );
    const send = () =>
      http()
        .post('/otp/send')
        .set('Idempotency-Key', 'login-down')
        .send({ channel: 'sms', recipient: PHONE });
    const down = await send().expect(503);
    expect(down.body).toMatchObject({ status: 503, code: 'NOT-00004' });
    await send().expect(201);
    expect(sim.deliveries).toHaveLength(1);
    await http()
      .post('/otp/verify')
      .send({ challengeId: 'login-down', code: codeOf(sim.deliveries[0]) })
      .expect(200);
  });
});

describe('sample app e2e: the plain instant endpoints', () => {
  let app: INestApplication;

  beforeAll(async () => {
    sim.reset();
    ({ app } = await startSampleApp(config));
  });
  afterAll(() => app.close());

  it('POST /notifications/sms and /email send the JSON of Altinn’s examples and return Altinn’s receipt', async () => {
    const sms = await request(app.getHttpServer())
      .post('/notifications/sms')
      .send({
        idempotencyId: 'sample-sms-1',
        recipientSms: { phoneNumber: PHONE, timeToLiveInSeconds: 300, smsSettings: { body: 'Hei' } },
      })
      .expect(201);
    expect(sms.body).toMatchObject({ idempotencyId: 'sample-sms-1', created: true });
    const email = await request(app.getHttpServer())
      .post('/notifications/email')
      .send({
        recipientEmail: { emailAddress: 'ola@example.no', emailSettings: { subject: 'Hei', body: 'Hallo' } },
      })
      .expect(201);
    expect(email.body.notificationOrderId).toBe(sim.orders[1].notificationOrderId);
    expect(sim.deliveries.map((d) => [d.channel, d.to, d.body])).toEqual([
      ['sms', PHONE, 'Hei'],
      ['email', 'ola@example.no', 'Hallo'],
    ]);
  });

  it('refuses an invalid order with 400 before calling Altinn', async () => {
    const before = sim.counters.notificationRequests;
    await request(app.getHttpServer())
      .post('/notifications/sms')
      .send({ recipientSms: { phoneNumber: '12345', timeToLiveInSeconds: 10, smsSettings: { body: '' } } })
      .expect(400);
    expect(sim.counters.notificationRequests).toBe(before);
  });
});
