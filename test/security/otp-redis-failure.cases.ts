import { createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { AltinnOtpStoreError, RedisOtpStore } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createOtpTestApp, type OtpTestApp } from '../otp/otp-test-app.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';

const PHONE = '+4799999999';
/** The arguments of a store call are hex: nonce (32), recipient key (32), code hash (64), script SHA (40). */
const HEX_ARGUMENT = /[0-9a-f]{32}/;

/** Every way an error is read: message, stack, JSON and inspect with hidden properties. */
function views(err: unknown): string[] {
  const e = err as Error;
  return [e.message, String(e.stack), JSON.stringify(err), inspect(err, { showHidden: true, depth: 10 })];
}

/**
 * Attack 1: Redis errors were rethrown raw; ioredis puts every script argument (nonce, code HMAC, recipient key)
 * on the error, so `JSON.stringify(err)` in an app's error log held them. Attack 2: with Redis gone, verify waited
 * for the client's own retries (> 20 s). Store failures are now `AltinnOtpStoreError`, without arguments, and
 * every store call fails closed after `timeoutMs` (default 2 s).
 */
describe('attack: a failing or silent Redis behind the OTP store', () => {
  let sim: AltinnSimulator;
  let app: OtpTestApp | undefined;
  const clients: Redis[] = [];

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await app?.close();
    app = undefined;
    for (const client of clients.splice(0)) client.disconnect();
  });

  /** A client as an app makes it (ioredis defaults), for a Redis at `url`. */
  function client(url: string): Redis {
    const redis = new Redis(url);
    redis.on('error', () => undefined); // ioredis reports each reconnect here; the store call is what matters
    clients.push(redis);
    return redis;
  }

  /** verify()'s outcome, or 'still waiting' after 10 s; and how long it took. */
  async function timedVerify(otp: OtpTestApp['otp']): Promise<{ outcome: unknown; ms: number }> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      otp.verify({ challengeId: 'login-1' }, '123456').then(
        (result) => result,
        (err: unknown) => err,
      ),
      new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting after 10 s'), 10_000))),
    ]);
    clearTimeout(timer);
    return { outcome, ms: performance.now() - started };
  }

  describeRedis('a real Redis answering with an error', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => redis?.stop());

    it('send and verify fail with AltinnOtpStoreError carrying no argument of the call', async () => {
      const keyPrefix = redis.prefix();
      const admin = redis.client();
      // A key of the wrong type where the challenge goes: Redis answers WRONGTYPE to the script.
      await admin.set(`${keyPrefix}c:login-1`, 'not a hash');
      app = await createOtpTestApp(sim, { store: new RedisOtpStore(redis.client(), { keyPrefix }) });
      const failures = [
        await app.otp
          .send({ channel: 'sms', recipient: PHONE, challengeId: 'login-1' })
          .catch((e: unknown) => e),
        await app.otp.verify({ challengeId: 'login-1' }, '123456').catch((e: unknown) => e),
      ];
      expect(failures).toEqual([
        expect.objectContaining({ name: 'AltinnOtpStoreError', operation: 'begin', code: 'WRONGTYPE' }),
        expect.objectContaining({ name: 'AltinnOtpStoreError', operation: 'check', code: 'WRONGTYPE' }),
      ]);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(AltinnOtpStoreError);
        for (const view of views(failure)) {
          expect(view).not.toMatch(HEX_ARGUMENT);
          expect(view).not.toContain('login-1');
          expect(view).not.toContain(keyPrefix);
          expect(view).not.toContain(PHONE.slice(3));
        }
      }
      expect(sim.deliveries).toHaveLength(0);
    });
  });

  describe('Redis gone or silent: verify fails closed within seconds', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      // Accepts connections and never answers a byte: a hung Redis, or a black-holing network.
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    async function closedPortUrl(): Promise<string> {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as { port: number };
      await new Promise((resolve) => probe.close(resolve));
      return `redis://127.0.0.1:${port}`;
    }

    it('a server that accepts and never answers, and nothing listening any more (Redis stopped): AltinnOtpStoreError timeout in about 2 s', async () => {
      // Both at once, on two apps: each waits out the default timeout.
      const urls = [
        `redis://127.0.0.1:${(silent.address() as { port: number }).port}`,
        await closedPortUrl(),
      ];
      const apps = await Promise.all(
        urls.map((url) => createOtpTestApp(sim, { store: new RedisOtpStore(client(url)) })),
      );
      try {
        const results = await Promise.all(apps.map((a) => timedVerify(a.otp)));
        for (const { outcome, ms } of results) {
          expect(outcome).toBeInstanceOf(AltinnOtpStoreError);
          expect(outcome).toMatchObject({ operation: 'check', reason: 'timeout' });
          // The bound: "within seconds" (the default timeoutMs is 2000).
          expect(ms).toBeGreaterThanOrEqual(1900);
          expect(ms).toBeLessThan(5000);
        }
      } finally {
        await Promise.all(apps.map((a) => a.close()));
      }
    });

    it('the timeout is an option', async () => {
      const url = `redis://127.0.0.1:${(silent.address() as { port: number }).port}`;
      app = await createOtpTestApp(sim, { store: new RedisOtpStore(client(url), { timeoutMs: 300 }) });
      const { outcome, ms } = await timedVerify(app.otp);
      expect(outcome).toMatchObject({ name: 'AltinnOtpStoreError', reason: 'timeout' });
      expect((outcome as Error).message).toBe('OTP store check did not answer in 300 ms');
      expect(ms).toBeLessThan(2000);
      expect(() => new RedisOtpStore(client(url), { timeoutMs: 0 })).toThrow(
        'RedisOtpStore: option "timeoutMs" must be an integer from 100 to 60000',
      );
    });
  });
});
