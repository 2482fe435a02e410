import { request } from 'node:http';
import { AltinnSimulator } from '../../lib/testing/index.js';

/** Raw GET with a chosen Host header (fetch does not let a caller set it). */
function get(url: string, host: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { host };
    const req = request(url, { headers, setHost: host === undefined ? false : undefined }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * DNS rebinding: a page on evil.example re-resolves its name to 127.0.0.1 and reads the simulator's outbox (with
 * one-time codes) from the developer's machine. The browser then sends `Host: evil.example`; only loopback names
 * (or ones the test configured) may be answered.
 */
describe('simulator: DNS rebinding via the Host header', () => {
  let sim: AltinnSimulator;
  let port: string;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    port = new URL(sim.url).port;
    const token = await sim.issueToken();
    await fetch(`${sim.baseUrl}/future/orders/instant/sms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyId: 'rebinding-1',
        recipientSms: {
          phoneNumber: '+4799999999',
          timeToLiveInSeconds: 300,
          smsSettings: { body: 'Code 481516' },
        },
      }),
    });
  });
  afterAll(() => sim.close());

  // PORT stands for the simulator's port, known only once it has started.
  const withPort = (host: string) => host.replace('PORT', port);

  it.each(['evil.example', 'evil.example:PORT', 'localhost.evil.example', '127.0.0.1.nip.io'])(
    'refuses Host %s with 403 and no outbox content',
    async (pattern) => {
      const host = withPort(pattern);
      for (const path of ['/outbox.json', '/', '/notifications/api/v1/future/shipment/feed']) {
        const res = await get(`${sim.url}${path}`, host);
        expect(res.status).toBe(403);
        expect(res.text).not.toContain('481516');
      }
    },
  );

  it('refuses a request without a Host header (Node itself answers 400)', async () => {
    const res = await get(`${sim.url}/outbox.json`, undefined);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('481516');
  });

  it.each(['localhost', 'localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'LOCALHOST.'])(
    'answers loopback Host %s',
    async (pattern) => {
      const res = await get(`${sim.url}/outbox.json`, withPort(pattern));
      expect(res.status).toBe(200);
      expect(res.text).toContain('481516');
    },
  );

  it('answers extra names given in allowedHosts, or any with allowedHosts: "any"', async () => {
    const named = await AltinnSimulator.start({ allowedHosts: ['altinn-sim'] });
    const open = await AltinnSimulator.start({ allowedHosts: 'any' });
    try {
      expect((await get(`${named.url}/outbox.json`, 'altinn-sim:8080')).status).toBe(200);
      expect((await get(`${named.url}/outbox.json`, 'evil.example')).status).toBe(403);
      expect((await get(`${open.url}/outbox.json`, 'evil.example')).status).toBe(200);
    } finally {
      await named.close();
      await open.close();
    }
  });
});
