import { randomUUID, sign } from 'node:crypto';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { call } from './simulator.helpers.js';
import { cancel, getJson, NIN, personOrder, postChain } from './scheduled.helpers.js';

describe('AltinnSimulator faults on the scheduled-order endpoints and the token endpoints', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    sim.contacts.setPerson(NIN, { email: 'kari@example.com' });
  });

  it('a status fault on /future/orders answers instead of the server and stores nothing', async () => {
    sim.inject({ kind: 'status', status: 503 }, { path: '/future/orders' });
    const body = personOrder(sim);
    expect((await postChain(sim, body)).status).toBe(503);
    expect(sim.requests[0]).toMatchObject({
      status: 503,
      fault: 'status',
      idempotencyId: body.idempotencyId,
    });
    expect((await postChain(sim, body)).status).toBe(201);
  });

  it('applies faults to the feed, the shipment lookup and cancel by path', async () => {
    const id = (await postChain(sim, personOrder(sim))).json.notification.shipmentId;
    sim.inject({ kind: 'retryAfter', status: 429, seconds: 2 }, { path: '/future/shipment/feed' });
    sim.inject(
      { kind: 'status', status: 502, body: 'Bad gateway' },
      { path: /\/future\/shipment\/[0-9a-f-]{36}$/ },
    );
    sim.inject({ kind: 'reset' }, { path: /\/cancel$/ });
    const feed = await getJson(sim, '/future/shipment/feed');
    expect([feed.status, feed.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await getJson(sim, `/future/shipment/${id}`)).text).toBe('Bad gateway');
    await expect(cancel(sim, id)).rejects.toThrow();
    expect((await cancel(sim, id)).status).toBe(200);
  });

  it('delays every Maskinporten grant and token exchange by N ms with a delay fault', async () => {
    const { privateKey, publicKey } = rsaKey();
    sim.registerMaskinportenClient({ clientId: 'bench', publicKey, keyId: 'k1' });
    sim.maskinportenDown(Infinity, { kind: 'delay', ms: 200 });
    sim.exchangeDown(Infinity, { kind: 'delay', ms: 200 });
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (let i = 0; i < 2; i++) {
      const now = Math.floor(Date.now() / 1000);
      const head = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({
        aud: sim.maskinporten.issuer,
        iss: 'bench',
        scope: 'altinn:serviceowner/notifications.create',
        iat: now,
        exp: now + 60,
        jti: randomUUID(),
      })}`;
      const grant = `${head}.${sign('sha256', Buffer.from(head), privateKey).toString('base64url')}`;
      let started = Date.now();
      const token = await call(sim.maskinporten.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:jwt-bearer')}&assertion=${grant}`,
      });
      expect(token.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(195);
      started = Date.now();
      const exchanged = await call(`${sim.platformUrl}/authentication/api/v1/exchange/maskinporten`, {
        headers: { authorization: `Bearer ${token.json.access_token}` },
      });
      expect(exchanged.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    }
    expect(sim.counters).toMatchObject({ grants: 2, exchanges: 2 });
  });
});
