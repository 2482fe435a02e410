import { AltinnApiError, AltinnValidationError } from '../../lib/index.js';
import { codeIn, useOtpTestApp, wrong } from './otp-test-app.js';

const PHONE = '+4799999999';

describe('AltinnOtpService over the simulator', () => {
  const ctx = useOtpTestApp();

  it('sends Altinn’s example Norwegian SMS: a 6-digit code, TTL = code lifetime, derived idempotencyId', async () => {
    const sent = await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    if (!sent.success) throw new Error('expected success');
    expect(ctx.sim.deliveries).toHaveLength(1);
    const delivery = ctx.sim.deliveries[0];
    const code = codeIn(delivery);
    expect(code).toMatch(/^\d{6}$/);
    expect(delivery.body).toBe(
      `Din engangskode er: ${code}. Koden utløper om 5 minutter. Ikke del denne koden med andre.`,
    );
    expect(delivery).toMatchObject({ channel: 'sms', to: PHONE, timeToLiveInSeconds: 300 });
    expect(sent).toMatchObject({
      challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      channel: 'sms',
      ttlSeconds: 300,
      expiresAt: new Date(ctx.app.clock.ms + 300_000),
      idempotencyId: delivery.idempotencyId,
      notificationOrderId: ctx.sim.orders[0].notificationOrderId,
      shipmentId: delivery.shipmentId,
      newChallenge: true,
    });
    expect(sent.idempotencyId).toMatch(/^otp-sms-[A-Za-z0-9_-]{32}$/);
    expect(ctx.sim.orders[0].sendersReference).toBe(`otp-${sent.challengeId}`);
  });

  it('sends an English email with subject and lifetime', async () => {
    const sent = await ctx.app.otp.send({ channel: 'email', recipient: ' Kari@Example.no ', language: 'en' });
    expect(sent.success).toBe(true);
    const delivery = ctx.sim.deliveries[0];
    const code = codeIn(delivery);
    expect(delivery).toMatchObject({
      channel: 'email',
      to: 'Kari@Example.no',
      subject: 'Your one-time code',
    });
    expect(delivery.body).toBe(
      `Your one-time code is: ${code}\n\nThe code expires in 5 minutes.\n\nDo not share this code with others.`,
    );
    expect(await ctx.app.otp.verify({ channel: 'email', recipient: 'kari@example.no' }, code)).toMatchObject({
      success: true,
    });
  });

  it('verify: wrong code → INVALID_OTP with attempts left; right code → success, once', async () => {
    const sent = await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    if (!sent.success) throw new Error('expected success');
    const code = codeIn(ctx.sim.deliveries[0]);
    const target = { challengeId: sent.challengeId };
    expect(await ctx.app.otp.verify(target, wrong(code))).toEqual({
      success: false,
      error: 'INVALID_OTP',
      attemptsLeft: 2,
    });
    expect(await ctx.app.otp.verify(target, code)).toEqual({
      success: true,
      challengeId: sent.challengeId,
      channel: 'sms',
    });
    expect(await ctx.app.otp.verify(target, code)).toEqual({ success: false, error: 'NO_OTP_FOUND' });
  });

  it('verify by recipient accepts any spelling of the number, and spaces in the code', async () => {
    await ctx.app.otp.send({ channel: 'sms', recipient: '0047 999 99 999' });
    const code = codeIn(ctx.sim.deliveries[0]);
    expect(ctx.sim.deliveries[0].to).toBe(PHONE);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(await ctx.app.otp.verify({ channel: 'sms', recipient: '+47 99 99 99 99' }, spaced)).toMatchObject({
      success: true,
    });
  });

  it('expiry: valid at the last millisecond of its lifetime, OTP_EXPIRED after', async () => {
    await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    await ctx.app.otp.send({ channel: 'email', recipient: 'ola@example.no' });
    const [smsCode, emailCode] = ctx.sim.deliveries.map(codeIn);
    ctx.app.clock.advance(300_000);
    expect((await ctx.app.otp.verify({ channel: 'sms', recipient: PHONE }, smsCode)).success).toBe(true);
    ctx.app.clock.advance(1);
    expect(await ctx.app.otp.verify({ channel: 'email', recipient: 'ola@example.no' }, emailCode)).toEqual({
      success: false,
      error: 'OTP_EXPIRED',
    });
  });

  it('attempt limit: after 3 wrong guesses even the right code gets TOO_MANY_ATTEMPTS', async () => {
    await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    const code = codeIn(ctx.sim.deliveries[0]);
    const target = { channel: 'sms' as const, recipient: PHONE };
    const lefts = [];
    for (let i = 0; i < 3; i++)
      lefts.push((await ctx.app.otp.verify(target, wrong(code))) as { attemptsLeft?: number });
    expect(lefts.map((r) => r.attemptsLeft)).toEqual([2, 1, 0]);
    expect(await ctx.app.otp.verify(target, code)).toEqual({ success: false, error: 'TOO_MANY_ATTEMPTS' });
    expect(await ctx.app.otp.verify(target, '')).toEqual({ success: false, error: 'TOO_MANY_ATTEMPTS' });
  });

  it('cooldown: a second code within 60 s is refused and not sent; after it, a new code replaces the old', async () => {
    await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    const first = codeIn(ctx.sim.deliveries[0]);
    ctx.app.clock.advance(20_000);
    expect(await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).toEqual({
      success: false,
      error: 'RESEND_COOLDOWN',
      retryAfterSeconds: 40,
    });
    expect(ctx.sim.deliveries).toHaveLength(1);
    ctx.app.clock.advance(40_000);
    const again = await ctx.app.otp.send({ channel: 'sms', recipient: PHONE });
    expect(again.success).toBe(true);
    const second = codeIn(ctx.sim.deliveries[1]);
    const target = { channel: 'sms' as const, recipient: PHONE };
    if (first !== second) {
      expect(await ctx.app.otp.verify(target, first)).toMatchObject({ error: 'INVALID_OTP' });
    }
    expect((await ctx.app.otp.verify(target, second)).success).toBe(true);
  });

  it('caps sends per recipient per window (SMS pumping), other recipients unaffected', async () => {
    await ctx.start({ resendCooldownSeconds: 0, maxSendsPerWindow: 2, windowSeconds: 600 });
    expect((await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).success).toBe(true);
    ctx.app.clock.advance(1000);
    expect((await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).success).toBe(true);
    ctx.app.clock.advance(1000);
    expect(await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).toEqual({
      success: false,
      error: 'TOO_MANY_SENDS',
      retryAfterSeconds: 598,
    });
    expect((await ctx.app.otp.send({ channel: 'sms', recipient: '+4791234567' })).success).toBe(true);
    expect(ctx.sim.deliveries.map((d) => d.to)).toEqual([PHONE, PHONE, '+4791234567']);
  });

  it('a retried send (same challengeId) after Altinn failed re-sends the same code under the same idempotencyId', async () => {
    ctx.sim.inject(
      {
        kind: 'status',
        status: 503,
        body: { code: 'NOT-00004', title: 'A temporary network failure occurred' },
      },
      { path: '/future/orders/instant/sms' },
    );
    const request = { channel: 'sms' as const, recipient: PHONE, challengeId: 'login-42.attempt-1' };
    await expect(ctx.app.otp.send(request)).rejects.toBeInstanceOf(AltinnApiError);
    expect(ctx.sim.deliveries).toHaveLength(0);
    const retried = await ctx.app.otp.send(request);
    if (!retried.success) throw new Error('expected success');
    expect(retried.newChallenge).toBe(false);
    expect(ctx.sim.deliveries).toHaveLength(1);
    // And once more after it went out: Altinn recognises the id and sends nothing.
    const third = await ctx.app.otp.send(request);
    expect(third).toEqual(retried);
    expect(ctx.sim.sentCount(retried.idempotencyId)).toBe(1);
    const [failed] = ctx.sim.requests.filter((r) => r.status === 503);
    expect(failed.idempotencyId).toBe(retried.idempotencyId);
    expect(
      await ctx.app.otp.verify({ challengeId: 'login-42.attempt-1' }, codeIn(ctx.sim.deliveries[0])),
    ).toMatchObject({
      success: true,
    });
  });

  it('codes have the configured length and differ per challenge', async () => {
    await ctx.start({ codeLength: 8, resendCooldownSeconds: 0, maxSendsPerWindow: 1000 });
    for (let i = 0; i < 30; i++)
      await ctx.app.otp.send({ channel: 'email', recipient: `user${i}@example.no` });
    const codes = ctx.sim.deliveries.map(codeIn);
    expect(codes.every((c) => /^\d{8}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(30);
  });

  it('a malformed recipient is refused before the store: no send, no cooldown', async () => {
    await expect(ctx.app.otp.send({ channel: 'sms', recipient: '99999999' })).rejects.toBeInstanceOf(
      AltinnValidationError,
    );
    await expect(ctx.app.otp.send({ channel: 'email', recipient: 'not-an-address' })).rejects.toThrow(
      'recipient: must be an email address Altinn accepts',
    );
    await expect(ctx.app.otp.send({ channel: 'fax' as 'sms', recipient: PHONE })).rejects.toThrow('channel');
    expect(ctx.sim.requests).toHaveLength(0);
    expect((await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).success).toBe(true);
  });

  it('a number the module’s phone policy refuses (landline) leaves no challenge behind', async () => {
    await expect(ctx.app.otp.send({ channel: 'sms', recipient: '+4722225555' })).rejects.toBeInstanceOf(
      AltinnValidationError,
    );
    expect(ctx.sim.requests).toHaveLength(0);
    expect(await ctx.app.otp.verify({ channel: 'sms', recipient: '+4722225555' }, '000000')).toEqual({
      success: false,
      error: 'NO_OTP_FOUND',
    });
  });

  it('refuses a live challengeId for another recipient, and odd challenge ids', async () => {
    await ctx.app.otp.send({ channel: 'sms', recipient: PHONE, challengeId: 'shared' });
    await expect(
      ctx.app.otp.send({ channel: 'sms', recipient: '+4791234567', challengeId: 'shared' }),
    ).rejects.toThrow('challengeId: belongs to a live challenge for another recipient');
    await expect(
      ctx.app.otp.send({ channel: 'sms', recipient: PHONE, challengeId: 'has space' }),
    ).rejects.toThrow('challengeId');
    expect(ctx.sim.deliveries).toHaveLength(1);
    expect(await ctx.app.otp.verify({ challengeId: 'has space' }, '123456')).toEqual({
      success: false,
      error: 'NO_OTP_FOUND',
    });
  });
});
