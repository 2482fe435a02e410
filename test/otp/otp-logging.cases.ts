import { inspect } from 'node:util';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { codeIn, createOtpTestApp, TEST_SECRET, wrong, type OtpTestApp } from './otp-test-app.js';

describe('OTP logs and objects hold no secrets', () => {
  let sim: AltinnSimulator;
  let app: OtpTestApp;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    app = await createOtpTestApp(sim, { resendCooldownSeconds: 0 });
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
  });

  it('logs sends and verifies by recipient hash and idempotencyId: never the code, body, number, address or secret', async () => {
    const sms = await app.otp.send({ channel: 'sms', recipient: '+4799999999' });
    const email = await app.otp.send({
      channel: 'email',
      recipient: 'kari.nordmann@example.no',
      language: 'en',
    });
    await app.otp.send({ channel: 'sms', recipient: '+4799999999' }).catch(() => undefined);
    const codes = sim.deliveries.map(codeIn);
    await app.otp.verify({ channel: 'sms', recipient: '+4799999999' }, wrong(codes[2]));
    await app.otp.verify({ channel: 'sms', recipient: '+4799999999' }, codes[2]);
    await app.otp.verify({ channel: 'email', recipient: 'kari.nordmann@example.no' }, codes[1]);
    // Refused before the store (a landline): no line; refused by Altinn (400): the challenge is dropped.
    await app.otp.send({ channel: 'sms', recipient: '+4722225555' }).catch(() => undefined);
    sim.inject(
      { kind: 'status', status: 400, body: { title: 'Bad request' } },
      { path: '/future/orders/instant/sms' },
    );
    await app.otp.send({ channel: 'sms', recipient: '+4799999999' }).catch(() => undefined);

    const text = app.logger.text;
    expect(text).toMatch(/otp sent channel=sms recipient=[0-9a-f]{16} idempotencyId=otp-sms-\S+ new/);
    expect(text).toMatch(/otp verify result=INVALID_OTP channel=sms recipient=[0-9a-f]{16} attemptsLeft=2/);
    expect(text).toMatch(/otp verify result=SUCCESS channel=email/);
    expect(text).toMatch(/otp send failed channel=sms .* error=AltinnApiError challenge=discarded/);
    expect(text.match(/otp send failed/g)).toHaveLength(1);
    if (!sms.success || !email.success) throw new Error('expected success');
    expect(text).toContain(sms.idempotencyId);
    const forbidden = [
      ...codes,
      ...sim.deliveries.map((d) => d.body),
      '+4799999999',
      '99999999',
      '+4722225555',
      'kari.nordmann',
      'engangskode',
      'one-time code',
      TEST_SECRET,
    ];
    for (const value of forbidden) expect(text).not.toContain(value);
  });

  it('keeps the secret out of util.inspect and JSON of the service', () => {
    expect(inspect(app.otp, { depth: 10, showHidden: true })).not.toContain(TEST_SECRET);
    expect(JSON.stringify(app.otp)).not.toContain(TEST_SECRET);
  });
});
