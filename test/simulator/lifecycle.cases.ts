import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, postOrder, sleep, smsBody } from './simulator.helpers.js';

const HANDLE_TYPES = ['TCPServerWrap', 'TCPSocketWrap'];

function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (HANDLE_TYPES.includes(type)) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** Waits until no handle type is above its count in `baseline` (other suites' handles may close meanwhile). */
async function settledHandles(baseline: Record<string, number>): Promise<string[]> {
  const excess = () => HANDLE_TYPES.filter((type) => (handles()[type] ?? 0) > (baseline[type] ?? 0));
  for (let i = 0; i < 50 && excess().length > 0; i++) await sleep(20);
  return excess();
}

/** Records timers of at least `minMs` started while installed; `pending()` lists those not yet fired or cleared. */
function trackLongTimers(minMs: number) {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Set<unknown>();
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = realSet(
      (...a: unknown[]) => {
        pending.delete(timer);
        fn(...a);
      },
      ms,
      ...args,
    );
    if ((ms ?? 0) >= minMs) pending.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(timer);
    realClear(timer);
  }) as typeof clearTimeout;
  return {
    pending: () => pending.size,
    restore: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

describe('AltinnSimulator lifecycle', () => {
  it('close() ends hanging requests, keep-alive sockets and pending send timers, leaving no handles', async () => {
    const before = handles();
    const timers = trackLongTimers(10_000);
    const sim = await AltinnSimulator.start({ sendLatencyMs: 60_000 });
    const agent = new Agent({ keepAlive: true });
    const token = await sim.issueToken();

    // A keep-alive connection that has finished one exchange and idles.
    expect((await call(`${sim.url}/outbox.json`)).status).toBe(200);
    // A hanging request, one in the middle of its 60 s "send", one waiting for its body.
    sim.inject({ kind: 'slowBody', delayMs: 60_000 }, { path: '/outbox.json' });
    const slowBody = call(`${sim.url}/outbox.json`).catch((err: Error) => err.message);
    sim.inject({ kind: 'hang' }, { path: '/future/orders/instant/email' });
    const outcomes = ['email', 'sms'].map(
      (channel) =>
        new Promise<string>((resolve) => {
          const req = request(`${sim.baseUrl}/future/orders/instant/${channel}`, {
            method: 'POST',
            agent,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          });
          req.on('response', () => resolve('answered'));
          req.on('error', (err) => resolve(err.message));
          req.end(JSON.stringify(smsBody()));
        }),
    );
    // Until the SMS is in its "send" and the slow body is held (a fixed sleep raced a busy machine).
    for (let i = 0; i < 250 && (sim.deliveries.length < 1 || timers.pending() < 2); i++) await sleep(20);
    expect(sim.deliveries).toHaveLength(1);
    expect(timers.pending()).toBe(2);

    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await Promise.all(outcomes)).toEqual(['socket hang up', 'socket hang up']);
    expect(await slowBody).toEqual(expect.any(String));
    agent.destroy();
    timers.restore();

    expect(timers.pending()).toBe(0);
    expect(await settledHandles(before)).toEqual([]);
    expect(sim.orders).toHaveLength(0);
    await sim.close(); // idempotent
  });

  it('reset() clears state but keeps registered clients, and idle() waits for work in flight', async () => {
    const sim = await AltinnSimulator.start({ sendLatencyMs: 150 });
    try {
      const pending = postOrder(sim, 'sms', smsBody());
      while (sim.requests.length === 0) await sleep(5); // in flight (a fixed sleep raced a busy machine)
      await sim.idle();
      expect(sim.orders).toHaveLength(1);
      expect((await pending).status).toBe(201);
      expect(sim.counters.notificationRequests).toBe(1);

      sim.reset();
      expect([sim.orders.length, sim.deliveries.length, sim.requests.length]).toEqual([0, 0, 0]);
      expect(sim.counters).toEqual({ grants: 0, exchanges: 0, notificationRequests: 0 });
    } finally {
      await sim.close();
    }
  });

  it('listens on the requested host and port', async () => {
    // A free port, from a plain server (a simulator start would make two RSA key pairs for it).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const sim = await AltinnSimulator.start({ port, org: 'skd' });
    try {
      expect(sim.url).toBe(`http://127.0.0.1:${port}`);
      expect(sim.org).toBe('skd');
      const res = await postOrder(sim, 'sms', smsBody());
      expect(res.status).toBe(201);
      expect(sim.orders[0].org).toBe('skd');
    } finally {
      await sim.close();
    }
  });
});
