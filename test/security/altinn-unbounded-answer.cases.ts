import { jest } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AltinnRequestError, type AltinnNotificationsModuleOptions } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { stubClient } from '../resilience/stub-transport.js';
import { createTestClient, smsOrder } from '../support/altinn-client.js';

// Issue 12, item 5: an endless 200 body grew the process past 1.5 GB, and a body trickling in a byte at a time
// outlived timeoutMs for ever when deadlineMs was unset. Now answers stop at maxResponseBytes (default 1 MiB) and
// every call has a deadline (by default what the retry policy allows: timeoutMs × attempts + waits).

const MiB = 1024 * 1024;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function close(server: Server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** The library pointed at `server` (a token is still needed: the simulator issues it). */
async function clientFor(server: Server, options: Partial<AltinnNotificationsModuleOptions>) {
  const sim = await AltinnSimulator.start();
  const { port } = server.address() as AddressInfo;
  const client = await createTestClient(sim, { baseUrl: `http://127.0.0.1:${port}`, ...options });
  return {
    client,
    close: async () => {
      await client.close();
      await sim.close();
    },
  };
}

/** Fails a test that would otherwise wait for ever (the old code) within `ms`. */
function within<T>(ms: number, call: Promise<T>): Promise<T | Error> {
  return Promise.race([
    call,
    new Promise<Error>((resolve) => setTimeout(() => resolve(new Error(`still running after ${ms} ms`)), ms)),
  ]);
}

describe('unbounded answers from Altinn (or what poses as it)', () => {
  it('an endless 200 body stops at maxResponseBytes with a typed error, and is not retried', async () => {
    const sent = { bytes: 0, requests: 0 };
    const server = await listen((req, res) => {
      sent.requests++;
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"notificationOrderId":"');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed) {
          sent.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    const { client, close: closeClient } = await clientFor(server, { retry: { delayMs: 10 } });
    try {
      const error = await within(
        10_000,
        client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(AltinnRequestError);
      expect(error).toMatchObject({ reason: 'network', code: 'ERR_RESPONSE_TOO_LARGE', attempts: 1 });
      expect((error as Error).message).toContain('maxResponseBytes (1048576 bytes)');
      expect(sent.requests).toBe(1);
      // The client hung up soon after the cap: what the server managed to push is socket buffers, not gigabytes.
      expect(sent.bytes).toBeLessThan(64 * MiB);
    } finally {
      await closeClient();
      await close(server);
    }
  });

  it('maxResponseBytes is an option', async () => {
    const server = await listen((req, res) => {
      req.resume();
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ notificationOrderId: 'x'.repeat(40_000), notification: { shipmentId: 's' } }));
    });
    const { client, close: closeClient } = await clientFor(server, { maxResponseBytes: 32 * 1024 });
    try {
      await expect(client.service.sendInstantSms(smsOrder())).rejects.toMatchObject({
        code: 'ERR_RESPONSE_TOO_LARGE',
      });
    } finally {
      await closeClient();
      await close(server);
    }
  });

  it('a body that never ends, with no deadlineMs set, ends at the default deadline (timeoutMs × attempts + waits)', async () => {
    // On fake timers with a stub transport whose body never ends (and never pauses long enough for the
    // per-attempt timeout): 5 s timeout, no retry, so the default deadline is 5 s. The same body trickling in over
    // a real socket: timeouts.cases.ts ('a body that keeps trickling in is cut at the deadline ...').
    const client = await stubClient({ timeoutMs: 5000, retry: false });
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      client.answer('trickle');
      const call = client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
      // setImmediate is left real: the call's outcome once the work due so far is done, or 'still running'.
      const now = () => Promise.race([call, new Promise((r) => setImmediate(() => r('still running')))]);
      await jest.advanceTimersByTimeAsync(4999);
      expect(await now()).toBe('still running');
      await jest.advanceTimersByTimeAsync(1);
      expect(await now()).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 1 });
    } finally {
      jest.useRealTimers();
      await client.close();
    }
  });
});
