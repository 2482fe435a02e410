import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import {
  ALTINN_OTP_STORE,
  AltinnNotificationsModule,
  AltinnOtpModule,
  AltinnOtpService,
  InMemoryOtpStore,
  StaticTokenProvider,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { codeIn, TEST_SECRET } from './otp-test-app.js';

describe('AltinnOtpModule wiring', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('forRootAsync with ConfigService, the notifications module passed in `imports`, the user’s store used', async () => {
    const store = new InMemoryOtpStore();
    const token = await sim.issueToken();
    const notifications = AltinnNotificationsModule.forRoot({
      baseUrl: sim.baseUrl,
      tokenProvider: new StaticTokenProvider(token),
      logging: false,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => ({ OTP_SECRET: TEST_SECRET })],
        }),
        AltinnOtpModule.forRootAsync({
          imports: [notifications],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            secret: config.getOrThrow<string>('OTP_SECRET'),
            store,
            codeLength: 7,
            language: 'en',
            logging: false,
          }),
        }),
      ],
    }).compile();
    await moduleRef.init();
    try {
      expect(moduleRef.get(ALTINN_OTP_STORE)).toBe(store);
      const otp = moduleRef.get(AltinnOtpService);
      const sent = await otp.send({ channel: 'sms', recipient: '+4799999999' });
      expect(sent.success).toBe(true);
      const code = codeIn(sim.deliveries[0]);
      expect(code).toMatch(/^\d{7}$/);
      expect(sim.deliveries[0].body).toMatch(/^Your one-time code is/);
      if (!sent.success) throw new Error('expected success');
      // The store the app gave is the one that holds the challenge.
      expect(await store.check({ challengeId: sent.challengeId }, 'f'.repeat(64), Date.now())).toMatchObject({
        result: 'INVALID_OTP',
        attemptsLeft: 2,
      });
      expect((await otp.verify({ channel: 'sms', recipient: '+4799999999' }, code)).success).toBe(true);
    } finally {
      await moduleRef.close();
    }
  });

  it('isGlobal makes the service injectable in any module of the app', async () => {
    @Injectable()
    class LoginService {
      constructor(readonly otp: AltinnOtpService) {}
    }
    @Module({ providers: [LoginService] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          isGlobal: true,
          baseUrl: sim.baseUrl,
          tokenProvider: new StaticTokenProvider(await sim.issueToken()),
          logging: false,
        }),
        AltinnOtpModule.forRoot({ isGlobal: true, secret: TEST_SECRET, logging: false }),
        FeatureModule,
      ],
    }).compile();
    expect(moduleRef.get(LoginService).otp).toBeInstanceOf(AltinnOtpService);
    expect(moduleRef.get(ALTINN_OTP_STORE)).toBeInstanceOf(InMemoryOtpStore);
    await moduleRef.close();
  });

  it('fails at start-up naming the option when the secret is missing or short', async () => {
    await expect(
      Test.createTestingModule({
        imports: [
          AltinnNotificationsModule.forRoot({
            isGlobal: true,
            baseUrl: sim.baseUrl,
            tokenProvider: new StaticTokenProvider('t'),
            logging: false,
          }),
          AltinnOtpModule.forRoot({ secret: 'too-short' }),
        ],
      }).compile(),
    ).rejects.toThrow('AltinnOtpModule: option "secret"');
  });
});
