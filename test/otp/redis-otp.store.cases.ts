import { RedisOtpStore } from '../../lib/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { otpStoreContract } from './otp-store.contract.js';

describeRedis('RedisOtpStore (real redis-server)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  // Two clients, one key prefix: two app instances sharing one Redis. A wide timeout: a new client's first call
  // (connect, script load) took over the default 2 s on a loaded machine; the timeout has its own spec
  // (test/security/otp-redis-failure.cases.ts).
  otpStoreContract(async () => {
    const keyPrefix = redis.prefix();
    return {
      store: new RedisOtpStore(redis.client(), { keyPrefix, timeoutMs: 10_000 }),
      peer: new RedisOtpStore(redis.client(), { keyPrefix, timeoutMs: 10_000 }),
    };
  });

  it('lets Redis expire what it stores: challenge and pointer live until expiresAt plus the grace period', async () => {
    const client = redis.client();
    const keyPrefix = redis.prefix();
    const store = new RedisOtpStore(client, { keyPrefix });
    const now = Date.now();
    await store.begin(
      {
        challengeId: 'c1',
        recipientKey: 'rk1',
        channel: 'email',
        codeHash: 'a'.repeat(64),
        nonce: 'n',
        createdAt: now,
        expiresAt: now + 300_000,
        maxAttempts: 3,
      },
      { cooldownMs: 60_000, maxSends: 5, windowMs: 3_600_000 },
      now,
    );
    const grace = 15 * 60_000;
    for (const key of [`${keyPrefix}c:c1`, `${keyPrefix}r:rk1`]) {
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(300_000 + grace - 5_000);
      expect(ttl).toBeLessThanOrEqual(300_000 + grace);
    }
    const counterTtl = await client.pttl(`${keyPrefix}l:rk1`);
    expect(counterTtl).toBeGreaterThan(3_600_000 - 5_000);
    // Nothing readable about the person or the code: keyed hashes only.
    expect(await client.hgetall(`${keyPrefix}c:c1`)).toEqual({
      rk: 'rk1',
      ch: 'email',
      h: 'a'.repeat(64),
      n: 'n',
      ca: String(now),
      ea: String(now + 300_000),
      m: '3',
      a: '0',
    });
  });

  it('loads its scripts again after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const client = redis.client();
    const store = new RedisOtpStore(client, { keyPrefix: redis.prefix() });
    await client.script('FLUSH');
    await expect(store.check({ challengeId: 'missing' }, 'a'.repeat(64), Date.now())).resolves.toEqual({
      result: 'NO_OTP_FOUND',
    });
  });
});
