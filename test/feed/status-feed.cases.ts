import { setTimeout as sleep } from 'node:timers/promises';
import {
  AltinnApiError,
  AltinnStatusFeed,
  RedisFeedCursorStore,
  type AltinnNotificationsModuleOptions,
  type AltinnStatusFeedEntry,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, type TestClient } from '../support/altinn-client.js';
import { describeRedis, startRedis, type TestRedis } from '../support/redis.js';
import { deliveredSms } from './feed.helpers.js';

describe('AltinnStatusFeed over the simulator', () => {
  let sim: AltinnSimulator;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    sim.reset();
  });
  afterAll(() => sim.close());

  async function client(statusFeed: AltinnNotificationsModuleOptions['statusFeed']) {
    const c = await createTestClient(sim, { statusFeed, retry: false });
    clients.push(c);
    return { ...c, feed: c.moduleRef.get(AltinnStatusFeed) };
  }

  const delivered = (c: TestClient, n: number) => deliveredSms(sim, c, n);

  it('reads from cursor 0 through several pages, in order, each entry once', async () => {
    const c = await client({ startAt: 0, pageSize: 2 });
    const shipments = await delivered(c, 5);
    const seen: AltinnStatusFeedEntry[] = [];
    const polls = [];
    for (let i = 0; i < 4; i++) polls.push(await c.feed.poll((e) => void seen.push(e)));
    expect(polls.map((p) => [p.handled, p.more])).toEqual([
      [2, true],
      [2, true],
      [1, false],
      [0, false],
    ]);
    expect(seen.map((e) => e.shipmentId)).toEqual(shipments);
    expect(seen.map((e) => e.shipmentType)).toEqual(Array(5).fill('Instant'));
    expect(seen[0]).toMatchObject({ status: 'Order_Completed', recipients: [{ status: 'SMS_Delivered' }] });
    expect(polls[3].cursor).toBe(seen[4].sequenceNumber);
    // One request per poll: no first-start lookup when a start is configured.
    expect(sim.requests.filter((r) => r.path.endsWith('/future/shipment/feed'))).toHaveLength(4);
  });

  it('hands an entry again after its handler failed (at least once), and moves on after success', async () => {
    const c = await client({ startAt: 0 });
    const shipments = await delivered(c, 3);
    const calls: string[] = [];
    let failOnce = true;
    const handler = (e: AltinnStatusFeedEntry) => {
      calls.push(e.shipmentId);
      if (e.shipmentId === shipments[1] && failOnce) {
        failOnce = false;
        throw new Error('database down');
      }
    };
    await expect(c.feed.poll(handler)).rejects.toThrow('database down');
    const second = await c.feed.poll(handler);
    expect(second.handled).toBe(2);
    expect(calls).toEqual([shipments[0], shipments[1], shipments[1], shipments[2]]);
  });

  it("starts at the newest entry with 'latest' and keeps that start, so later entries are not skipped", async () => {
    const c = await client({});
    await delivered(c, 2); // before the first poll: not for this reader
    const first = await c.feed.poll(() => undefined);
    expect(first.handled).toBe(0);
    const later = await delivered(c, 2);
    const seen: string[] = [];
    await c.feed.poll((e) => void seen.push(e.shipmentId));
    expect(seen).toEqual(later);
  });

  it('polls in the background until stopped, and backs off when Altinn fails', async () => {
    const c = await client({ startAt: 0, pollIntervalMs: 100 });
    sim.inject({ kind: 'status', status: 503 }, { path: /\/future\/shipment\/feed/, times: 2 });
    const shipments = await delivered(c, 3);
    const seen: string[] = [];
    c.feed.start((e) => void seen.push(e.shipmentId));
    for (let i = 0; i < 100 && seen.length < 3; i++) await sleep(50);
    await c.feed.stop();
    expect(seen).toEqual(shipments);
    const warnings = c.logger.lines.filter((l) => l.startsWith('warn status feed poll failed'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toContain('AltinnApiError');
    expect(warnings.join('\n')).not.toMatch(/\+47\d{8}/);
  });

  it('rejects a page that is not a feed with a typed error', async () => {
    const c = await client({ startAt: 0 });
    sim.inject(
      { kind: 'status', status: 200, body: { not: 'a feed' } },
      { path: /\/future\/shipment\/feed/ },
    );
    await expect(c.feed.poll(() => undefined)).rejects.toBeInstanceOf(AltinnApiError);
  });
});

describeRedis('AltinnStatusFeed with RedisFeedCursorStore (several instances)', () => {
  let sim: AltinnSimulator;
  let redis: TestRedis;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    [sim, redis] = await Promise.all([AltinnSimulator.start(), startRedis()]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    sim.reset();
  });
  afterAll(async () => {
    await sim.close();
    await redis.stop();
  });

  async function instance(keyPrefix: string, extra: { pageSize?: number; leaseMs?: number } = {}) {
    const cursorStore = new RedisFeedCursorStore(redis.client(), { keyPrefix });
    const c = await createTestClient(sim, { statusFeed: { cursorStore, startAt: 0, ...extra } });
    clients.push(c);
    return { ...c, feed: c.moduleRef.get(AltinnStatusFeed) };
  }

  const delivered = (c: TestClient, n: number) => deliveredSms(sim, c, n);

  it('keeps the cursor across a restart: the next process goes on where the last one stopped', async () => {
    const prefix = redis.prefix();
    const a = await instance(prefix, { pageSize: 3 });
    const shipments = await delivered(a, 5);
    const seen: string[] = [];
    await a.feed.poll((e) => void seen.push(e.shipmentId));
    await a.close(); // the app stops (releases its lease)
    const b = await instance(prefix, { pageSize: 3 });
    await b.feed.poll((e) => void seen.push(e.shipmentId));
    expect(seen).toEqual(shipments);
  });

  it('renews the lease on the way through a long page: no other instance takes over mid-page', async () => {
    const prefix = redis.prefix();
    const a = await instance(prefix, { leaseMs: 300 });
    const b = await instance(prefix, { leaseMs: 300 });
    await delivered(a, 3);
    let handled = 0;
    let other: { skipped: boolean } | undefined;
    const page = await a.feed.poll(async () => {
      handled++;
      // The first entry outlasts the lease; a renews it before the next, which is when b tries.
      if (handled === 1) await sleep(400);
      if (handled === 2) other = await b.feed.poll(() => undefined);
    });
    expect(other?.skipped).toBe(true);
    expect(page).toMatchObject({ handled: 3, skipped: false });
  });

  it('lets one instance poll at a time, and another take over after the holder stops or dies', async () => {
    const prefix = redis.prefix();
    const a = await instance(prefix, { leaseMs: 400 });
    const b = await instance(prefix, { leaseMs: 400 });
    await delivered(a, 2);
    expect((await a.feed.poll(() => undefined)).handled).toBe(2);
    expect((await b.feed.poll(() => undefined)).skipped).toBe(true);

    await a.feed.stop(); // a clean stop hands over at once
    await delivered(a, 1);
    expect((await b.feed.poll(() => undefined)).handled).toBe(1);

    // b now holds the lease and "dies" without stopping: a takes over once the lease ran out.
    expect((await a.feed.poll(() => undefined)).skipped).toBe(true);
    await sleep(500);
    await delivered(a, 1);
    const takeover = await a.feed.poll(() => undefined);
    expect(takeover).toMatchObject({ skipped: false, handled: 1 });
  });
});
