import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, smsOrder } from '../support/altinn-client.js';

const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy'].flatMap((name) => [
  name,
  name.toUpperCase(),
]);

/** A forward proxy for plain http on loopback: relays each absolute-URI request and counts them. */
async function startProxy(): Promise<{ server: Server; url: string; relayed: string[] }> {
  const relayed: string[] = [];
  const server = createServer((req, res) => {
    relayed.push(`${req.method} ${new URL(req.url!).pathname}`);
    const upstream = request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, relayed };
}

/**
 * The module skips axios' per-request proxy lookup when no proxy variable is set; with one set, requests still go
 * through the proxy. Both read at start-up, as the module is created.
 */
describe('proxy variables', () => {
  let sim: AltinnSimulator;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    proxy = await startProxy();
  });
  beforeEach(() => {
    for (const name of PROXY_VARIABLES) delete process.env[name];
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
    await sim.close();
  });

  it('HTTP_PROXY set: the send goes through the proxy', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const client = await createTestClient(sim);
    try {
      await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
      expect(proxy.relayed).toEqual([`POST ${new URL(sim.baseUrl).pathname}/future/orders/instant/sms`]);
    } finally {
      await client.close();
      proxy.relayed.length = 0;
    }
  });

  it('no proxy variable: the send goes straight to Altinn', async () => {
    const client = await createTestClient(sim);
    try {
      await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
      expect(proxy.relayed).toEqual([]);
      expect(sim.orders).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
