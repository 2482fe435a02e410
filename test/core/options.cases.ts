import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { CaptureLogger } from '../support/capture-logger.js';

const provider = new StaticTokenProvider('t');

async function boot(options: AltinnNotificationsModuleOptions) {
  const ref = await Test.createTestingModule({
    imports: [AltinnNotificationsModule.forRoot(options)],
  }).compile();
  return ref;
}

describe('module options', () => {
  it.each([
    [{ tokenProvider: provider }, 'environment'],
    [{ environment: 'staging', tokenProvider: provider }, 'environment'],
    [{ baseUrl: 'http://altinn.example.no/notifications/api/v1', tokenProvider: provider }, 'baseUrl'],
    [{ baseUrl: 'not a url', tokenProvider: provider }, 'baseUrl'],
    [{ environment: 'tt02' }, 'tokenProvider'],
    [{ environment: 'tt02', tokenProvider: provider, timeoutMs: 1000 }, 'timeoutMs'],
    [
      { environment: 'tt02', tokenProvider: provider, defaults: { smsSender: 'A very long sender' } },
      'defaults.smsSender',
    ],
    [
      { environment: 'tt02', tokenProvider: provider, phoneNumbers: { allowedCountries: ['norway'] } },
      'phoneNumbers.allowedCountries',
    ],
    [{ environment: 'tt02', tokenProvider: provider, onAudit: 'yes' }, 'onAudit'],
    [{ environment: 'tt02', tokenProvider: provider, orders: { checkDigits: 'no' } }, 'orders.checkDigits'],
    [
      { environment: 'tt02', tokenProvider: provider, orders: { sendTimeMarginSeconds: -1 } },
      'orders.sendTimeMarginSeconds',
    ],
  ])('bad options fail at start-up naming the option: %j', async (options, name) => {
    await expect(boot(options as never)).rejects.toThrow(`option "${name}"`);
  });

  it.each([
    'http://localhost:1234',
    'http://127.0.0.1:1234/x/',
    'http://[::1]:8080',
    'https://platform.tt02.altinn.no/notifications/api/v1',
  ])('accepts baseUrl %s', async (baseUrl) => {
    const ref = await boot({ baseUrl, tokenProvider: provider });
    expect(ref.get(AltinnNotificationsService)).toBeInstanceOf(AltinnNotificationsService);
    await ref.close();
  });

  it('an option set to undefined (say, from an unset config variable) means its default, as in a call', async () => {
    const unset = undefined;
    const ref = await boot({
      environment: 'tt02',
      tokenProvider: provider,
      timeoutMs: unset,
      deadlineMs: unset,
      maxResponseBytes: unset,
      maxSmsSegments: unset,
      defaults: { smsSender: unset, emailSenderAddress: unset },
      phoneNumbers: { mobileOnly: unset, allowedCountries: unset },
      orders: { checkDigits: unset, sendTimeMarginSeconds: unset },
    });
    expect(ref.get(AltinnNotificationsService)).toBeInstanceOf(AltinnNotificationsService);
    await ref.close();
  });

  it('exposes the token provider under ALTINN_TOKEN_PROVIDER', async () => {
    const ref = await boot({ environment: 'production', tokenProvider: provider });
    expect(ref.get(ALTINN_TOKEN_PROVIDER)).toBe(provider);
    await ref.close();
  });
});

describe('forRootAsync', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());

  it('useFactory with @nestjs/config, sending for real', async () => {
    const token = await sim.issueToken();
    const ref = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRootAsync({
          imports: [
            ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ ALTINN_BASE_URL: sim.baseUrl })] }),
          ],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            baseUrl: config.getOrThrow<string>('ALTINN_BASE_URL'),
            tokenProvider: new StaticTokenProvider(token),
            logging: { logger: new CaptureLogger() },
          }),
        }),
      ],
    }).compile();
    await expect(ref.get(AltinnNotificationsService).sendInstantSms(smsOrder())).resolves.toMatchObject({
      created: true,
    });
    await ref.close();
  });

  it('useClass and useExisting with an options factory', async () => {
    const token = await sim.issueToken();
    @Injectable()
    class AltinnConfig {
      createAltinnNotificationsOptions(): AltinnNotificationsModuleOptions {
        return { baseUrl: sim.baseUrl, tokenProvider: new StaticTokenProvider(token), logging: false };
      }
    }
    @Module({ providers: [AltinnConfig], exports: [AltinnConfig] })
    class ConfigHolder {}

    for (const async of [
      { useClass: AltinnConfig },
      { imports: [ConfigHolder], useExisting: AltinnConfig },
    ]) {
      const ref = await Test.createTestingModule({
        imports: [AltinnNotificationsModule.forRootAsync(async)],
      }).compile();
      await expect(ref.get(AltinnNotificationsService).sendInstantSms(smsOrder())).resolves.toMatchObject({
        created: true,
      });
      await ref.close();
    }
  });

  it('bad async options also fail at start-up', async () => {
    const build = Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRootAsync({
          useFactory: () => ({ baseUrl: 'ftp://x', tokenProvider: provider }),
        }),
      ],
    }).compile();
    await expect(build).rejects.toThrow('option "baseUrl"');
  });

  it('isGlobal makes the service injectable from other modules', async () => {
    @Injectable()
    class Consumer {
      constructor(readonly altinn: AltinnNotificationsService) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    const ref = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({ environment: 'tt02', tokenProvider: provider, isGlobal: true }),
        FeatureModule,
      ],
    }).compile();
    expect(ref.get(Consumer).altinn).toBeInstanceOf(AltinnNotificationsService);
    await ref.close();
  });
});
