import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AltinnConfigurationError,
  AltinnNotificationsModule,
  AltinnOtpModule,
  AltinnOtpService,
  StaticTokenProvider,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { TEST_SECRET } from './otp-test-app.js';

const PHONE = '+4799999999';

/** Which AltinnNotificationsModule registration the OTP service sends through, and how it finds it. */
describe('AltinnOtpModule with the notifications registrations of an app', () => {
  let simA: AltinnSimulator;
  let simB: AltinnSimulator;
  beforeAll(async () => {
    [simA, simB] = await Promise.all([AltinnSimulator.start(), AltinnSimulator.start()]);
  });
  afterAll(async () => {
    await simA.close();
    await simB.close();
  });
  beforeEach(() => {
    simA.reset();
    simB.reset();
  });

  async function notifications(
    sim: AltinnSimulator,
    extras: { name?: string; isGlobal?: boolean } = {},
  ): Promise<DynamicModule> {
    const tokenProvider = new StaticTokenProvider(await sim.issueToken());
    return AltinnNotificationsModule.forRoot({
      baseUrl: sim.baseUrl,
      tokenProvider,
      logging: false,
      ...extras,
    });
  }

  /** Compiles and inits the app, sends one code, and says which simulator delivered it. */
  async function sendThrough(imports: DynamicModule[]): Promise<string[]> {
    const moduleRef = await Test.createTestingModule({ imports }).compile();
    await moduleRef.init();
    try {
      const sent = await moduleRef.get(AltinnOtpService).send({ channel: 'sms', recipient: PHONE });
      expect(sent.success).toBe(true);
      return [...simA.deliveries.map(() => 'A'), ...simB.deliveries.map(() => 'B')];
    } finally {
      await moduleRef.close();
    }
  }

  const otp = (extra: { notifications?: string } = {}) =>
    AltinnOtpModule.forRoot({ secret: TEST_SECRET, logging: false, ...extra });

  it('imported side by side, without isGlobal: the app’s only registration', async () => {
    expect(await sendThrough([await notifications(simA), otp()])).toEqual(['A']);
  });

  it('notifications: "name" sends through that named registration, not the unnamed or another named one', async () => {
    const imports = [
      await notifications(simA),
      await notifications(simA, { name: 'first' }),
      await notifications(simB, { name: 'second' }),
      otp({ notifications: 'second' }),
    ];
    expect(await sendThrough(imports)).toEqual(['B']);
  });

  it('forRootAsync: the name may come from configuration', async () => {
    const imports = [
      await notifications(simA, { name: 'first' }),
      await notifications(simB, { name: 'second' }),
      AltinnOtpModule.forRootAsync({
        useFactory: () => ({ secret: TEST_SECRET, logging: false, notifications: 'second' }),
      }),
    ];
    expect(await sendThrough(imports)).toEqual(['B']);
  });

  it('unnamed beside named registrations: the one visible to the module (isGlobal) is used', async () => {
    const imports = [
      await notifications(simB, { name: 'other' }),
      await notifications(simA, { isGlobal: true }),
      otp(),
    ];
    expect(await sendThrough(imports)).toEqual(['A']);
  });

  it('fails at start-up, saying what is missing, for an unknown name, no registration, or an ambiguous app', async () => {
    const start = async (imports: DynamicModule[]) => {
      const moduleRef = await Test.createTestingModule({ imports }).compile();
      return moduleRef.init().finally(() => moduleRef.close());
    };
    await expect(start([await notifications(simA), otp({ notifications: 'nope' })])).rejects.toThrow(
      'AltinnOtpModule: option "notifications" names no AltinnNotificationsModule registration',
    );
    await expect(start([otp()])).rejects.toThrow(
      'AltinnOtpModule: option "notifications" is unset and the app has no AltinnNotificationsModule registration',
    );
    await expect(
      start([await notifications(simA, { name: 'a' }), await notifications(simB, { name: 'b' }), otp()]),
    ).rejects.toThrow('none visible to AltinnOtpModule: set it to the name of one');
    await expect(start([await notifications(simA), otp({ notifications: 'bad name!' })])).rejects.toThrow(
      AltinnConfigurationError,
    );
  });
});
