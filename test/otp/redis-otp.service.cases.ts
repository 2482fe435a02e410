import { RedisOtpStore } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { codeIn, createOtpTestApp, wrong, type OtpTestApp } from './otp-test-app.js';

const PHONE = '+4799999999';

describeRedis('two AltinnOtpService instances sharing one real Redis', () => {
  let redis: TestRedis;
  let sim: AltinnSimulator;
  let a: OtpTestApp;
  let b: OtpTestApp;

  beforeAll(async () => {
    redis = await startRedis();
    sim = await AltinnSimulator.start();
  });
  afterAll(async () => {
    await sim?.close();
    await redis?.stop();
  });
  beforeEach(async () => {
    sim.reset();
    const keyPrefix = redis.prefix();
    // Separate apps, separate Redis connections, one key space: two instances behind a load balancer.
    a = await createOtpTestApp(sim, { store: new RedisOtpStore(redis.client(), { keyPrefix }) });
    b = await createOtpTestApp(sim, { store: new RedisOtpStore(redis.client(), { keyPrefix }) });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('a code sent by one instance is verified by the other, once', async () => {
    const sent = await a.otp.send({ channel: 'sms', recipient: PHONE });
    if (!sent.success) throw new Error('expected success');
    const code = codeIn(sim.deliveries[0]);
    expect(await b.otp.verify({ challengeId: sent.challengeId }, code)).toMatchObject({ success: true });
    expect(await a.otp.verify({ challengeId: sent.challengeId }, code)).toEqual({
      success: false,
      error: 'NO_OTP_FOUND',
    });
  });

  it('concurrent verifies of the right code on both instances: exactly one success', async () => {
    const sent = await a.otp.send({ channel: 'sms', recipient: PHONE });
    if (!sent.success) throw new Error('expected success');
    const code = codeIn(sim.deliveries[0]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).otp.verify({ challengeId: sent.challengeId }, code),
      ),
    );
    expect(results.filter((r) => r.success)).toHaveLength(1);
    expect(results.filter((r) => !r.success && r.error === 'NO_OTP_FOUND')).toHaveLength(11);
  });

  it('concurrent wrong guesses on both instances never exceed 3 attempts in total', async () => {
    await b.otp.send({ channel: 'sms', recipient: PHONE });
    const code = codeIn(sim.deliveries[0]);
    const target = { channel: 'sms' as const, recipient: PHONE };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).otp.verify(target, wrong(code))),
    );
    const errors = results.map((r) => (r.success ? 'SUCCESS' : r.error));
    expect(errors.filter((e) => e === 'INVALID_OTP')).toHaveLength(3);
    expect(errors.filter((e) => e === 'TOO_MANY_ATTEMPTS')).toHaveLength(27);
    expect(await a.otp.verify(target, code)).toEqual({ success: false, error: 'TOO_MANY_ATTEMPTS' });
  });

  it('the cooldown holds across instances, also for simultaneous requests', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).otp.send({ channel: 'sms', recipient: PHONE })),
    );
    expect(results.filter((r) => r.success)).toHaveLength(1);
    expect(results.filter((r) => !r.success && r.error === 'RESEND_COOLDOWN')).toHaveLength(5);
    expect(sim.deliveries).toHaveLength(1);
  });

  it('the same challengeId sent by both instances at once: one challenge, one code, one idempotencyId', async () => {
    const request = { channel: 'sms' as const, recipient: PHONE, challengeId: 'checkout-7781' };
    const settled = await Promise.allSettled([a.otp.send(request), b.otp.send(request)]);
    const sent = settled.flatMap((s) => (s.status === 'fulfilled' && s.value.success ? [s.value] : []));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sim.deliveries.map((d) => d.idempotencyId)).size).toBe(1);
    // Altinn's own race: two first requests with one id may both send, and one then gets a 500 (the idempotency
    // record is written after the send: src/Altinn.Notifications/Controllers/InstantOrdersController.cs).
    // What the OTP service guarantees is that every message carries the same code.
    const codes = new Set(sim.deliveries.map(codeIn));
    expect(codes.size).toBe(1);
    expect(await b.otp.verify({ challengeId: 'checkout-7781' }, [...codes][0])).toMatchObject({
      success: true,
    });
  });
});
