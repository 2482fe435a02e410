import { Test } from '@nestjs/testing';
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnConfigurationError,
  AltinnNotificationsModule,
  MaskinportenTokenProvider,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
  type MaskinportenOptions,
} from '../../lib/index.js';
import { resolveMaskinportenOptions } from '../../lib/auth/maskinporten-options.js';
import { rsaKey, selfSignedCertificate } from './support/maskinporten-keys.js';

const key = rsaKey();
const other = rsaKey();
const base: MaskinportenOptions = { clientId: 'client-1', privateKey: key.pkcs8Pem, keyId: 'kid-1' };

async function boot(options: AltinnNotificationsModuleOptions) {
  return Test.createTestingModule({ imports: [AltinnNotificationsModule.forRoot(options)] }).compile();
}

/** Every way the message could leak: message, stack, JSON and inspect. */
function rendered(err: unknown): string {
  return [String(err), (err as Error).stack, JSON.stringify(err), inspect(err, { depth: 5 })].join('\n');
}

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
const { d: _d, ...publicJwk } = key.jwk;

const badKeys: [string, unknown, string[]][] = [
  ['garbage text', 'not a key at all', []],
  ['an empty string', '', []],
  ['a public key PEM', key.publicKey.export({ type: 'spki', format: 'pem' }).toString(), []],
  ['a truncated PEM', key.pkcs8Pem.slice(0, 400) + '\n-----END PRIVATE KEY-----', key.secrets],
  [
    'a PEM with one character changed',
    key.pkcs8Pem.replace(/[A-Za-z](?=[A-Za-z0-9+/]{60})/, 'A'),
    key.secrets,
  ],
  ['an EC key', ec.export({ type: 'pkcs8', format: 'pem' }).toString(), []],
  ['a 1024-bit RSA key', small.export({ type: 'pkcs8', format: 'pem' }).toString(), []],
  ['a JWK without d', publicJwk, []],
  ['a JWK JSON string that does not parse', JSON.stringify(key.jwk).slice(0, -3), key.secrets],
  [
    'an encrypted PEM',
    key.publicKey &&
      small.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' }).toString(),
    [],
  ],
  ['a number', 42, []],
];

describe('Maskinporten options', () => {
  it.each(badKeys)(
    'a bad privateKey (%s) fails at start-up naming maskinporten.privateKey, never echoing it',
    async (_name, privateKey, secrets) => {
      const error = await boot({
        environment: 'tt02',
        maskinporten: { ...base, privateKey: privateKey as string },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AltinnConfigurationError);
      expect(error).toMatchObject({ option: 'maskinporten.privateKey', source: 'AltinnNotificationsModule' });
      expect((error as Error).message).toMatch(
        /^AltinnNotificationsModule: option "maskinporten\.privateKey" /,
      );
      const text = rendered(error);
      for (const secret of [
        ...secrets,
        ...(typeof privateKey === 'string' && privateKey.length > 20
          ? privateKey.split('\n').filter((l) => l.length > 20)
          : []),
      ]) {
        expect(text).not.toContain(secret);
      }
    },
  );

  it('standalone, a bad key throws AltinnConfigurationError from the constructor naming privateKey', () => {
    const build = () => new MaskinportenTokenProvider({ ...base, environment: 'tt02', privateKey: 'nope' });
    expect(build).toThrow(AltinnConfigurationError);
    expect(build).toThrow(/^MaskinportenTokenProvider: option "privateKey" /);
    expect(() => new StaticTokenProvider(' ')).toThrow(AltinnConfigurationError);
  });

  it("refuses environment 'toString' (an inherited key) as unknown", () => {
    expect(
      () => new MaskinportenTokenProvider({ ...base, environment: 'toString' as never, logger: false }),
    ).toThrow("option \"environment\" must be 'tt02' or 'production'");
  });

  it.each<[string, string, Partial<MaskinportenOptions>]>([
    ['no clientId', 'maskinporten.clientId', { clientId: ' ' }],
    ['no keyId, no certificate, no JWK kid', 'maskinporten.keyId', { keyId: undefined }],
    [
      'both keyId and certificateChain',
      'maskinporten.keyId',
      { certificateChain: selfSignedCertificate(key) },
    ],
    [
      'a certificate of another key',
      'maskinporten.certificateChain',
      { keyId: undefined, certificateChain: selfSignedCertificate(other) },
    ],
    [
      'a certificate that is not one',
      'maskinporten.certificateChain',
      { keyId: undefined, certificateChain: ['bm90IGEgY2VydA=='] },
    ],
    ['an unknown environment', 'maskinporten.environment', { environment: 'staging' as never }],
    [
      'plain http to a remote tokenUrl',
      'maskinporten.tokenUrl',
      { tokenUrl: 'http://maskinporten.example/token' },
    ],
    ['a platformUrl that is not a URL', 'maskinporten.platformUrl', { platformUrl: 'platform' }],
    [
      'credentials in exchangeUrl',
      'maskinporten.exchangeUrl',
      { exchangeUrl: 'https://u:p@platform.altinn.no/x' },
    ],
    ['an empty scope', 'maskinporten.scope', { scope: [] }],
    ['a scope with spaces inside an array entry', 'maskinporten.scope', { scope: ['a b'] }],
    ['an unknown algorithm', 'maskinporten.algorithm', { algorithm: 'HS256' as never }],
    ['a timeout of zero', 'maskinporten.timeoutMs', { timeoutMs: 0 }],
    ['a response cap below 16 kB', 'maskinporten.maxResponseBytes', { maxResponseBytes: 1000 }],
    ['a negative refresh margin', 'maskinporten.refreshMarginSeconds', { refreshMarginSeconds: -1 }],
  ])('%s fails at start-up naming %s', async (_name, option, change) => {
    await expect(boot({ environment: 'tt02', maskinporten: { ...base, ...change } })).rejects.toThrow(
      `option "${option}"`,
    );
  });

  it("needs an environment (its own or the module's) unless every URL is given", async () => {
    await expect(boot({ baseUrl: 'http://127.0.0.1:1', maskinporten: base })).rejects.toThrow(
      'option "maskinporten.environment" is required',
    );
    const ref = await boot({ environment: 'tt02', maskinporten: base });
    expect(ref.get(ALTINN_TOKEN_PROVIDER)).toBeInstanceOf(MaskinportenTokenProvider);
    await ref.close();
  });

  it("refuses a Maskinporten environment that differs from the module's", async () => {
    await expect(
      boot({ environment: 'production', maskinporten: { ...base, environment: 'tt02' } }),
    ).rejects.toThrow("option \"maskinporten.environment\" ('tt02') differs from environment ('production')");
  });

  it('takes exactly one of tokenProvider and maskinporten', async () => {
    await expect(
      boot({ environment: 'tt02', maskinporten: base, tokenProvider: new StaticTokenProvider('t') }),
    ).rejects.toThrow('option "maskinporten" and "tokenProvider" are mutually exclusive');
    await expect(boot({ environment: 'tt02' })).rejects.toThrow('option "tokenProvider" is required');
  });

  it.each([
    [
      'tt02',
      'https://test.maskinporten.no/token',
      'https://test.maskinporten.no/',
      'https://platform.tt02.altinn.no/authentication/api/v1/exchange/maskinporten',
    ],
    [
      'production',
      'https://maskinporten.no/token',
      'https://maskinporten.no/',
      'https://platform.altinn.no/authentication/api/v1/exchange/maskinporten',
    ],
  ] as const)(
    '%s uses the documented token URL, audience and exchange URL',
    (environment, tokenUrl, audience, exchangeUrl) => {
      expect(resolveMaskinportenOptions({ ...base, environment, logger: false })).toMatchObject({
        tokenUrl,
        audience,
        exchangeUrl,
        scope: 'altinn:serviceowner/notifications.create',
        algorithm: 'RS256',
        timeoutMs: 10_000,
        maxResponseBytes: 1024 * 1024,
        refreshMarginSeconds: 60,
        keyId: 'kid-1',
      });
    },
  );

  it('lets every URL be overridden, exchangeUrl over platformUrl', () => {
    const resolved = resolveMaskinportenOptions({
      ...base,
      environment: 'production',
      tokenUrl: 'https://proxy.example/mp/token',
      audience: 'https://maskinporten.no/',
      platformUrl: 'https://proxy.example/platform/',
      logger: false,
    });
    expect(resolved.tokenUrl).toBe('https://proxy.example/mp/token');
    expect(resolved.exchangeUrl).toBe(
      'https://proxy.example/platform/authentication/api/v1/exchange/maskinporten',
    );
    expect(
      resolveMaskinportenOptions({
        ...base,
        environment: 'tt02',
        exchangeUrl: 'https://x.example/ex',
        logger: false,
      }).exchangeUrl,
    ).toBe('https://x.example/ex');
  });

  it('keeps the key out of JSON and inspect of the provider', () => {
    const provider = new MaskinportenTokenProvider({ ...base, environment: 'tt02', logger: false });
    const text = `${JSON.stringify(provider)}\n${inspect(provider, { depth: 10, showHidden: true })}`;
    for (const secret of key.secrets) expect(text).not.toContain(secret);
  });
});
