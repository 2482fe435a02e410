import { X509Certificate } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { MaskinportenTokenProvider, type MaskinportenOptions } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { GrantRecorder } from './support/grant-recorder.js';
import { registerClient } from './support/maskinporten-client.js';
import { rsaKey, selfSignedCertificate, type TestKey } from './support/maskinporten-keys.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Maskinporten grant', () => {
  let sim: AltinnSimulator;
  let recorder: GrantRecorder;
  let key: TestKey;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    recorder = await GrantRecorder.start(sim.maskinporten.tokenUrl);
    key = rsaKey();
  });
  afterAll(async () => {
    await recorder.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    recorder.assertions.length = 0;
  });

  const provider = (options: MaskinportenOptions) =>
    new MaskinportenTokenProvider({ ...options, tokenUrl: recorder.tokenUrl, logger: false });

  it('is RS256 with kid and exactly aud, iss, scope, iat, exp (≤ 120 s), jti; verifiable with the public key', async () => {
    const options = registerClient(sim, key);
    const before = Math.floor(Date.now() / 1000);
    await provider(options).getToken();

    expect(recorder.assertions).toHaveLength(1);
    expect(recorder.grantTypes).toContain('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(recorder.contentTypes.at(-1)).toMatch(/^application\/x-www-form-urlencoded/);
    const grant = recorder.assertions[0];
    expect(decodeProtectedHeader(grant)).toEqual({ alg: 'RS256', kid: options.keyId });
    const { payload } = await jwtVerify(grant, key.publicKey, {
      algorithms: ['RS256'],
      audience: sim.maskinporten.issuer,
      issuer: options.clientId,
    });
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope']);
    expect(payload.aud).toBe(sim.maskinporten.issuer);
    expect(payload.scope).toBe('altinn:serviceowner/notifications.create');
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(120);
    expect(payload.jti).toMatch(UUID);
    expect(sim.counters.grants).toBe(1);
  });

  it('signs a fresh grant (new jti) for every Maskinporten call', async () => {
    const p = provider(registerClient(sim, key));
    const tokens = [await p.getToken()];
    for (let i = 0; i < 2; i += 1) {
      p.invalidate();
      tokens.push(await p.getToken());
    }
    const jtis = recorder.assertions.map((a) => decodeJwt(a).jti);
    expect(new Set(jtis).size).toBe(3);
    expect(new Set(tokens).size).toBe(3);
    expect(sim.counters).toMatchObject({ grants: 3, exchanges: 3 });
  });

  it('returns the exchanged Altinn token, got with the Maskinporten token as bearer', async () => {
    const token = await provider(registerClient(sim, key)).getToken();
    const exchange = sim.requests.find((r) => r.path === '/authentication/api/v1/exchange/maskinporten');
    expect(exchange).toMatchObject({ method: 'GET', status: 200 });
    const maskinportenToken = decodeJwt(exchange!.authorization!.replace(/^Bearer /, ''));
    expect(maskinportenToken.iss).toBe(sim.maskinporten.issuer);
    const altinn = decodeJwt(token);
    expect(altinn['urn:altinn:org']).toBe(sim.org);
    expect(altinn.scope).toBe('altinn:serviceowner/notifications.create');
  });

  it.each([
    ['PKCS#8 PEM', (k: TestKey) => k.pkcs8Pem],
    ['PKCS#1 PEM', (k: TestKey) => k.pkcs1Pem],
    ['PEM with literal \\n (from an env file)', (k: TestKey) => k.pkcs8Pem.replace(/\n/g, '\\n')],
    ['JWK object', (k: TestKey) => k.jwk],
    ['JWK JSON string', (k: TestKey) => JSON.stringify(k.jwk)],
  ])('reads the private key as %s', async (_name, form) => {
    const options = registerClient(sim, key);
    const token = await provider({ ...options, privateKey: form(key) as string }).getToken();
    expect(decodeJwt(token)['urn:altinn:org']).toBe(sim.org);
    expect(sim.counters.grants).toBe(1);
  });

  it('takes kid from the JWK when keyId is not given', async () => {
    const options = registerClient(sim, key);
    const { keyId, ...rest } = options;
    await provider({ ...rest, privateKey: { ...key.jwk, kid: keyId } }).getToken();
    expect(decodeProtectedHeader(recorder.assertions[0])).toEqual({ alg: 'RS256', kid: keyId });
  });

  it.each([
    ['a PEM certificate', (pem: string) => pem],
    ['an array of base64 DER strings', (pem: string) => [new X509Certificate(pem).raw.toString('base64')]],
  ])('sends x5c (the business certificate chain, as an array) given %s', async (_name, form) => {
    const certKey = rsaKey();
    const pem = selfSignedCertificate(certKey);
    const clientId = `cert-client-${Date.now()}`;
    sim.registerMaskinportenClient({ clientId, publicKey: pem, certificateChainRequired: true });
    const token = await provider({
      clientId,
      privateKey: certKey.pkcs8Pem,
      certificateChain: form(pem),
      tokenUrl: sim.maskinporten.tokenUrl,
      audience: sim.maskinporten.issuer,
      platformUrl: sim.platformUrl,
    }).getToken();
    const header = decodeProtectedHeader(recorder.assertions[0]);
    expect(header).toEqual({ alg: 'RS256', x5c: [new X509Certificate(pem).raw.toString('base64')] });
    expect(decodeJwt(token)['urn:altinn:org']).toBe(sim.org);
    expect(sim.counters.grants).toBe(1);
  });

  it('asks for the configured scopes with the configured algorithm', async () => {
    const scopes = ['altinn:serviceowner/notifications.create', 'altinn:serviceowner/instances.read'];
    const options = registerClient(sim, key, { scope: scopes, algorithm: 'RS512' });
    sim.registerMaskinportenClient({
      clientId: options.clientId,
      publicKey: key.publicKey,
      keyId: options.keyId,
      scopes,
    });
    await provider(options).getToken();
    const grant = recorder.assertions[0];
    expect(decodeProtectedHeader(grant).alg).toBe('RS512');
    const { payload } = await jwtVerify(grant, key.publicKey, { algorithms: ['RS512'] });
    expect(payload.scope).toBe(scopes.join(' '));
    expect(sim.counters.grants).toBe(1);
  });
});
