import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import {
  AltinnNotificationsError,
  InMemoryFeedCursorStore,
  RedisFeedCursorStore,
  type FeedCursorStore,
} from '../../lib/index.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';

/** What every cursor store promises; `pair` gives two handles on one store, as two app instances have. */
function cursorStoreContract(pair: () => Promise<[FeedCursorStore, FeedCursorStore]>) {
  it('keeps the cursor per key', async () => {
    const [a, b] = await pair();
    expect(await a.get('k1')).toBeUndefined();
    expect(await a.set('k1', 42)).toBe(true);
    expect(await b.get('k1')).toBe(42);
    expect(await b.get('k2')).toBeUndefined();
  });

  it('lets one owner hold the lease, renew it, and another take over after release', async () => {
    const [a, b] = await pair();
    expect(await a.lease('k', 'A', 10_000)).toBe(true);
    expect(await b.lease('k', 'B', 10_000)).toBe(false);
    expect(await a.lease('k', 'A', 10_000)).toBe(true);
    await b.release('k', 'B'); // not B's: changes nothing
    expect(await b.lease('k', 'B', 10_000)).toBe(false);
    await a.release('k', 'A');
    expect(await b.lease('k', 'B', 10_000)).toBe(true);
  });

  it('lets another owner take over once a lease expired (the holder died)', async () => {
    const [a, b] = await pair();
    expect(await a.lease('k', 'A', 150)).toBe(true);
    expect(await b.lease('k', 'B', 150)).toBe(false);
    await sleep(250);
    expect(await b.lease('k', 'B', 150)).toBe(true);
  });

  it('moves the cursor for the lease holder only (a stale holder cannot write over the new one)', async () => {
    const [a, b] = await pair();
    await a.lease('k', 'A', 10_000);
    expect(await a.set('k', 5, 'A')).toBe(true);
    expect(await b.set('k', 9, 'B')).toBe(false);
    expect(await a.get('k')).toBe(5);
  });
}

describe('InMemoryFeedCursorStore', () => {
  cursorStoreContract(async () => {
    const store = new InMemoryFeedCursorStore();
    return [store, store];
  });
});

describeRedis('RedisFeedCursorStore (real redis-server)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  cursorStoreContract(async () => {
    const keyPrefix = redis.prefix();
    return [
      new RedisFeedCursorStore(redis.client(), { keyPrefix }),
      new RedisFeedCursorStore(redis.client(), { keyPrefix }),
    ];
  });
});

describe('RedisFeedCursorStore without a Redis that answers', () => {
  let server: Server;
  let client: Redis;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers: a Redis that hangs.
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    client = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0, lazyConnect: true });
    client.on('error', () => undefined);
  });
  afterAll(async () => {
    client.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails within its timeout with a library error that quotes no command', async () => {
    const store = new RedisFeedCursorStore(client, { timeoutMs: 200 });
    const started = Date.now();
    const error = await store.set('k', 1, 'owner-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnNotificationsError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.stringify(error) + String(error)).not.toContain('owner-secret');
  });
});
