import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { Clock, codeOf, startSampleApp, startSampleSimulator } from './sample-app.harness.js';

const PHONE = '+4799999999';

describeRedis('sample app e2e: two instances sharing one real Redis (REDIS_URL)', () => {
  let redis: TestRedis;
  let sim: AltinnSimulator;
  let a: INestApplication;
  let b: INestApplication;

  let config: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedis();
    ({ sim, config } = await startSampleSimulator());
  });
  afterAll(async () => {
    await sim?.close();
    await redis?.stop();
  });
  beforeEach(async () => {
    sim.reset();
    const shared = { ...config, REDIS_URL: redis.url, OTP_REDIS_PREFIX: redis.prefix() };
    // One clock for both, as NTP gives instances.
    const clock = new Clock();
    ({ app: a } = await startSampleApp(shared, clock));
    ({ app: b } = await startSampleApp(shared, clock));
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('a code sent through instance A is verified through instance B, once', async () => {
    const sent = await request(a.getHttpServer())
      .post('/otp/send')
      .send({ channel: 'sms', recipient: PHONE })
      .expect(201);
    const code = codeOf(sim.deliveries[0]);
    await request(b.getHttpServer())
      .post('/otp/verify')
      .send({ challengeId: sent.body.challengeId, code })
      .expect(200);
    await request(a.getHttpServer())
      .post('/otp/verify')
      .send({ challengeId: sent.body.challengeId, code })
      .expect(401, { statusCode: 401, success: false, error: 'NO_OTP_FOUND' });
  });

  it('the cooldown and the attempt limit hold across instances', async () => {
    await request(a.getHttpServer()).post('/otp/send').send({ channel: 'sms', recipient: PHONE }).expect(201);
    await request(b.getHttpServer()).post('/otp/send').send({ channel: 'sms', recipient: PHONE }).expect(429);
    const code = codeOf(sim.deliveries[0]);
    const wrong = code === '000000' ? '111111' : '000000';
    const target = { channel: 'sms', recipient: PHONE };
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request((i % 2 ? a : b).getHttpServer())
          .post('/otp/verify')
          .send({ ...target, code: wrong })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    await request(b.getHttpServer())
      .post('/otp/verify')
      .send({ ...target, code })
      .expect(429);
  });

  it('racing verifies of the right code through both instances: exactly one 200', async () => {
    const sent = await request(b.getHttpServer())
      .post('/otp/send')
      .send({ channel: 'sms', recipient: PHONE })
      .expect(201);
    const code = codeOf(sim.deliveries[0]);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request((i % 2 ? a : b).getHttpServer())
          .post('/otp/verify')
          .send({ challengeId: sent.body.challengeId, code })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
  });
});
