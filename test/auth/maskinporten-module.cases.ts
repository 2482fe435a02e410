import 'reflect-metadata';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  MaskinportenTokenProvider,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { registerClient } from './support/maskinporten-client.js';
import { rsaKey } from './support/maskinporten-keys.js';

describe('Maskinporten in the module', () => {
  let sim: AltinnSimulator;
  const key = rsaKey();

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  async function boot(imports: Parameters<typeof Test.createTestingModule>[0]['imports']) {
    const ref = await Test.createTestingModule({ imports }).compile();
    await ref.init();
    return ref;
  }

  it('forRootAsync with @nestjs/config, values as a .env file holds them (PEM with literal \\n)', async () => {
    const mp = registerClient(sim, key);
    const env = {
      MASKINPORTEN_CLIENT_ID: mp.clientId,
      MASKINPORTEN_KEY_ID: mp.keyId!,
      MASKINPORTEN_PRIVATE_KEY: key.pkcs8Pem.trim().replace(/\n/g, '\\n'),
    };
    const ref = await boot([
      AltinnNotificationsModule.forRootAsync({
        imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => env] })],
        inject: [ConfigService],
        useFactory: (config: ConfigService): AltinnNotificationsModuleOptions => ({
          baseUrl: sim.baseUrl,
          logging: false,
          maskinporten: {
            clientId: config.getOrThrow('MASKINPORTEN_CLIENT_ID'),
            keyId: config.getOrThrow('MASKINPORTEN_KEY_ID'),
            privateKey: config.getOrThrow('MASKINPORTEN_PRIVATE_KEY'),
            tokenUrl: sim.maskinporten.tokenUrl,
            audience: sim.maskinporten.issuer,
            platformUrl: sim.platformUrl,
          },
        }),
      }),
    ]);
    try {
      expect(ref.get(ALTINN_TOKEN_PROVIDER)).toBeInstanceOf(MaskinportenTokenProvider);
      const result = await ref.get(AltinnNotificationsService).sendInstantSms(smsOrder());
      expect(result.created).toBe(true);
      expect(sim.counters).toMatchObject({ grants: 1, exchanges: 1 });
    } finally {
      await ref.close();
    }
  });

  it('a hand-built provider under tokenProvider works the same (custom providers unchanged)', async () => {
    const logger = new CaptureLogger();
    const provider = new MaskinportenTokenProvider({ ...registerClient(sim, key), logger });
    const ref = await boot([
      AltinnNotificationsModule.forRoot({ baseUrl: sim.baseUrl, tokenProvider: provider, logging: false }),
    ]);
    try {
      expect(ref.get(ALTINN_TOKEN_PROVIDER)).toBe(provider);
      sim.inject({ kind: 'status', status: 401 }, { path: /instant\/sms$/ });
      await ref.get(AltinnNotificationsService).sendInstantSms(smsOrder());
      expect(sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
      expect(
        logger.lines.filter((l) => l.startsWith('log Maskinporten POST /maskinporten/token 200')),
      ).toHaveLength(2);
    } finally {
      await ref.close();
    }
  });

  it.each<[string, AltinnNotificationsModuleOptions['logging'], number]>([
    ['on by default', {}, 2],
    ['off with logging.requests: false', { requests: false }, 0],
  ])('token-call lines follow the module logging: %s', async (_name, logging, expected) => {
    const logger = new CaptureLogger();
    const ref = await boot([
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        maskinporten: registerClient(sim, key),
        logging: { ...(logging as object), logger },
      }),
    ]);
    try {
      await ref.get(AltinnNotificationsService).sendInstantSms(smsOrder());
      const tokenLines = logger.lines.filter((l) => /Maskinporten POST|Altinn token exchange GET/.test(l));
      expect(tokenLines).toHaveLength(expected);
    } finally {
      await ref.close();
    }
  });
});
