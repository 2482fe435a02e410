import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importPKCS8,
  SignJWT,
  type CryptoKey,
} from 'jose';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, postOrder, smsBody } from './simulator.helpers.js';

const SCOPE = 'altinn:serviceowner/notifications.create';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('AltinnSimulator fake Maskinporten and token exchange', () => {
  let sim: AltinnSimulator;
  let privateKey: CryptoKey;

  /** A grant as Altinn's own client builds it; `claims`/`header` override or (undefined) remove fields. */
  async function grant(
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
    key: CryptoKey = privateKey,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      aud: sim.maskinporten.issuer,
      iss: 'client-1',
      scope: SCOPE,
      iat: now,
      exp: now + 10,
      jti: randomUUID(),
      ...claims,
    };
    for (const name of Object.keys(payload)) if (payload[name] === undefined) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'key-1', ...header }).sign(key);
  }

  const requestToken = (assertion: string, contentType = 'application/x-www-form-urlencoded') =>
    call(sim.maskinporten.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
    });

  const exchange = (token: string | undefined, accept?: string) =>
    call(`${sim.platformUrl}/authentication/api/v1/exchange/maskinporten`, {
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(accept === undefined ? {} : { accept }),
      },
    });

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ tokenLifetimeSeconds: 900 });
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    sim.registerMaskinportenClient({
      clientId: 'client-1',
      publicKey: await exportJWK(pair.publicKey),
      keyId: 'key-1',
    });
    sim.registerMaskinportenClient({
      clientId: 'client-other-scope',
      publicKey: pair.publicKey,
      keyId: 'key-1',
      scopes: ['digdir:dialogporten'],
      orgNumber: '123456785',
    });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('grants a token for a valid kid grant', async () => {
    const res = await requestToken(await grant());
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 120,
      scope: SCOPE,
    });
    const claims = decodeJwt(res.json.access_token);
    expect(claims).toMatchObject({
      iss: sim.maskinporten.issuer,
      scope: SCOPE,
      client_id: 'client-1',
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:991825827' },
    });
    expect(claims.exp! - claims.iat!).toBe(120);
    expect(sim.counters.grants).toBe(1);
  });

  it.each([
    [
      'bad aud (the token URL)',
      () => grant({ aud: `${sim.url}/maskinporten/token` }),
      'invalid_grant',
      /aud/,
    ],
    ['two audiences', () => grant({ aud: [sim.maskinporten.issuer, 'x'] }), 'invalid_grant', /aud/],
    ['exp - iat > 120', () => grant({ exp: Math.floor(Date.now() / 1000) + 121 }), 'invalid_grant', /120/],
    ['missing exp', () => grant({ exp: undefined }), 'invalid_grant', /exp/],
    ['iat 30 s off', () => grant({ iat: Math.floor(Date.now() / 1000) - 30 }), 'invalid_grant', /iat/],
    [
      'a scope not registered',
      () => grant({ scope: `${SCOPE} altinn:other` }),
      'invalid_scope',
      /altinn:other/,
    ],
    ['no scope', () => grant({ scope: undefined }), 'invalid_scope', /scope/],
    ['an unknown kid', () => grant({}, { kid: 'key-2' }), 'invalid_client', /kid/],
    ['neither kid nor x5c', () => grant({}, { kid: undefined }), 'invalid_grant', /kid or x5c/],
    ['an unknown client', () => grant({ iss: 'nobody' }), 'invalid_client', /Client not found/],
    ['an unknown claim', () => grant({ sub: 'client-1' }), 'invalid_grant', /sub/],
    [
      'another signing key',
      async () => grant({}, {}, (await generateKeyPair('RS256')).privateKey),
      'invalid_grant',
      /signature/i,
    ],
  ])('rejects %s', async (_name, build, error, description) => {
    const res = await requestToken(await build());
    expect(res.status).toBe(400);
    expect(res.json.error).toBe(error);
    expect(res.json.error_description).toMatch(description);
    expect(sim.counters.grants).toBe(0);
  });

  it('rejects a reused jti with "Grant is used before"', async () => {
    const assertion = await grant();
    expect((await requestToken(assertion)).status).toBe(200);
    const again = await requestToken(assertion);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('Grant is used before'),
    });
  });

  it('rejects a request that is not a form post', async () => {
    const res = await requestToken(await grant(), 'application/json');
    expect(res.json.error).toBe('invalid_request');
  });

  it('accepts an x5c grant whose certificate carries the registered key, and refuses kid for such a client', async () => {
    const cert = fixture('test-business-cert.pem');
    const certKey = await importPKCS8(fixture('test-business-key.pem'), 'RS256');
    sim.registerMaskinportenClient({
      clientId: 'cert-client',
      publicKey: cert,
      certificateChainRequired: true,
    });
    const der = cert.replace(/-----[^-]+-----|\s/g, '');

    const ok = await requestToken(
      await grant({ iss: 'cert-client' }, { kid: undefined, x5c: [der] }, certKey),
    );
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.json.access_token).client_amr).toBe('virksomhetssertifikat');

    const byKid = await requestToken(await grant({ iss: 'cert-client' }, {}, certKey));
    expect(byKid.json.error).toBe('invalid_client');
    const wrongCert = await requestToken(await grant({}, { kid: undefined, x5c: [der] }, privateKey));
    expect(wrongCert.json.error).toBe('invalid_client');
  });

  describe('exchange', () => {
    async function maskinportenToken(clientId = 'client-1', scope = SCOPE): Promise<string> {
      const res = await requestToken(await grant({ iss: clientId, scope }));
      return res.json.access_token as string;
    }

    it('returns the raw JWT without Accept, and a JSON string literal for Accept: application/json', async () => {
      const mp = await maskinportenToken();
      const raw = await exchange(mp);
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(raw.text).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      const quoted = await exchange(mp, 'application/json');
      expect(quoted.headers.get('content-type')).toMatch(/^application\/json/);
      expect(quoted.text.startsWith('"')).toBe(true);
      expect(typeof quoted.json).toBe('string');
      expect((await exchange(mp, 'text/plain')).text.startsWith('"')).toBe(false);
      expect(sim.counters.exchanges).toBe(3);
    });

    it('issues an Altinn token the notification endpoints accept, with org, org number and lifetime', async () => {
      const altinn = (await exchange(await maskinportenToken())).text;
      const claims = decodeJwt(altinn);
      expect(decodeProtectedHeader(altinn).alg).toBe('RS256');
      expect(claims).toMatchObject({
        scope: SCOPE,
        'urn:altinn:org': 'ttd',
        'urn:altinn:orgNumber': '991825827',
        iss: expect.not.stringContaining('maskinporten'),
      });
      expect(claims).not.toHaveProperty('aud');
      expect(claims.exp! - claims.iat!).toBe(900);
      expect(claims.nbf).toBe(claims.iat);
      expect((await postOrder(sim, 'sms', smsBody(), { token: altinn })).status).toBe(201);
    });

    it('leaves out urn:altinn:org when the scope has no altinn:serviceowner part', async () => {
      const altinn = (await exchange(await maskinportenToken('client-other-scope', 'digdir:dialogporten')))
        .text;
      const claims = decodeJwt(altinn);
      expect(claims).not.toHaveProperty('urn:altinn:org');
      expect(claims['urn:altinn:orgNumber']).toBe('123456785');
    });

    it('answers 401 with an empty body for a missing, garbage, foreign or Altinn token', async () => {
      const other = await AltinnSimulator.start();
      try {
        const foreign = await other.issueToken();
        for (const token of [undefined, 'garbage', foreign, await sim.issueToken()]) {
          const res = await exchange(token);
          expect(res.status).toBe(401);
          expect(res.text).toBe('');
        }
        expect(sim.counters.exchanges).toBe(0);
      } finally {
        await other.close();
      }
    });
  });
});
