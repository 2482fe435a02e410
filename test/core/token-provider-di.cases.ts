import { Inject, Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnConfigurationError,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  getAltinnNotificationsToken,
  getAltinnTokenProviderToken,
  type AltinnNotificationsModuleOptions,
  type AltinnNotificationsOptionsFactory,
  type AltinnTokenProvider,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { CaptureLogger } from '../support/capture-logger.js';

/** A stand-in for a secret store the token provider depends on. */
const VAULT_TOKEN = Symbol('VAULT_TOKEN');

@Injectable()
class VaultTokenProvider implements AltinnTokenProvider {
  constructor(@Inject(VAULT_TOKEN) private readonly token: () => string) {}
  getToken(): Promise<string> {
    return Promise.resolve(this.token());
  }
}

describe('the token provider is a DI citizen', () => {
  let sim: AltinnSimulator;
  let token: string;
  const modules: TestingModule[] = [];
  const logger = new CaptureLogger();

  @Module({
    providers: [{ provide: VAULT_TOKEN, useValue: () => token }, VaultTokenProvider],
    exports: [VaultTokenProvider],
  })
  class VaultModule {}

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    token = await sim.issueToken();
  });
  afterAll(async () => {
    await Promise.all(modules.map((m) => m.close()));
    await sim.close();
  });
  beforeEach(() => sim.reset());

  async function compile(builder: ReturnType<typeof Test.createTestingModule>) {
    const moduleRef = await builder.compile();
    modules.push(moduleRef);
    return moduleRef;
  }

  const lastAuthorization = () => sim.requests.at(-1)?.authorization;

  it('overrideProvider(ALTINN_TOKEN_PROVIDER) replaces the provider the sends use', async () => {
    const moduleRef = await compile(
      Test.createTestingModule({
        imports: [
          AltinnNotificationsModule.forRoot({
            baseUrl: sim.baseUrl,
            tokenProvider: new StaticTokenProvider('not-a-token-the-simulator-knows'),
            logging: { logger },
          }),
        ],
      })
        .overrideProvider(ALTINN_TOKEN_PROVIDER)
        .useValue({ getToken: () => Promise.resolve(token) }),
    );
    const result = await moduleRef.get(AltinnNotificationsService).sendInstantSms(smsOrder());
    expect(result.created).toBe(true);
    expect(lastAuthorization()).toBe(`Bearer ${token}`);
  });

  it('forRootAsync: an @Injectable provider with its own dependencies, through imports and inject', async () => {
    const moduleRef = await compile(
      Test.createTestingModule({
        imports: [
          AltinnNotificationsModule.forRootAsync({
            imports: [VaultModule],
            inject: [VaultTokenProvider],
            useFactory: (tokenProvider: VaultTokenProvider) => ({
              baseUrl: sim.baseUrl,
              tokenProvider,
              logging: { logger },
            }),
          }),
        ],
      }),
    );
    expect(moduleRef.get(ALTINN_TOKEN_PROVIDER)).toBeInstanceOf(VaultTokenProvider);
    await moduleRef.get(AltinnNotificationsService).sendInstantSms(smsOrder());
    expect(lastAuthorization()).toBe(`Bearer ${token}`);
  });

  it('forRootAsync useClass: an AltinnNotificationsOptionsFactory that injects the provider', async () => {
    @Injectable()
    class AltinnConfig implements AltinnNotificationsOptionsFactory {
      constructor(private readonly tokens: VaultTokenProvider) {}
      createAltinnNotificationsOptions(): AltinnNotificationsModuleOptions {
        return { baseUrl: sim.baseUrl, tokenProvider: this.tokens, logging: { logger } };
      }
    }
    const moduleRef = await compile(
      Test.createTestingModule({
        imports: [AltinnNotificationsModule.forRootAsync({ imports: [VaultModule], useClass: AltinnConfig })],
      }),
    );
    await moduleRef.get(AltinnNotificationsService).sendInstantSms(smsOrder());
    expect(lastAuthorization()).toBe(`Bearer ${token}`);
  });

  it('a named registration: overriding its token swaps that registration only', async () => {
    const other = await sim.issueToken();
    expect(other).not.toBe(token);
    const named = (name: string, tokenProvider: AltinnTokenProvider) =>
      AltinnNotificationsModule.forRoot({ name, baseUrl: sim.baseUrl, tokenProvider, logging: { logger } });
    const moduleRef = await compile(
      Test.createTestingModule({
        imports: [
          named('a', new StaticTokenProvider('not-a-token-the-simulator-knows')),
          named('b', new StaticTokenProvider(other)),
        ],
      })
        .overrideProvider(getAltinnTokenProviderToken('a'))
        .useValue({ getToken: () => Promise.resolve(token) }),
    );
    const a = moduleRef.get<AltinnNotificationsService>(getAltinnNotificationsToken('a'));
    const b = moduleRef.get<AltinnNotificationsService>(getAltinnNotificationsToken('b'));
    await a.sendInstantSms(smsOrder());
    expect(lastAuthorization()).toBe(`Bearer ${token}`);
    await b.sendInstantSms(smsOrder());
    expect(lastAuthorization()).toBe(`Bearer ${other}`);
  });
});

describe('AltinnConfigurationError', () => {
  it('is what a bad module option throws at start-up, naming the option and not the value', async () => {
    const start = Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: 'http://example.com/secret-in-url',
          tokenProvider: new StaticTokenProvider('t'),
        }),
      ],
    }).compile();
    const err = await start.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AltinnConfigurationError);
    expect(err).toMatchObject({ option: 'baseUrl', source: 'AltinnNotificationsModule' });
    expect((err as Error).message).not.toContain('secret-in-url');
  });

  it('baseUrl follows the one URL rule of the library: https or loopback http, no credentials', async () => {
    for (const [baseUrl, problem] of [
      ['http://example.com', 'must use https'],
      ['https://user:pass@example.com', 'must not carry credentials'],
      ['not a url', 'must be an absolute URL'],
    ]) {
      const start = () =>
        Test.createTestingModule({
          imports: [
            AltinnNotificationsModule.forRoot({ baseUrl, tokenProvider: new StaticTokenProvider('t') }),
          ],
        }).compile();
      await expect(start()).rejects.toThrow(problem);
    }
  });

  it('is what a bad registration name throws', () => {
    expect(() => AltinnNotificationsModule.forRoot({ name: 'no spaces', environment: 'tt02' })).toThrow(
      AltinnConfigurationError,
    );
  });
});
