import { setTimeout as sleep } from 'node:timers/promises';
import { AltinnStatusFeed, InMemoryFeedCursorStore, type AltinnStatusFeedEntry } from '../../lib/index.js';
import { deliveredSms } from '../feed/feed.helpers.js';
import { useTestClient } from '../support/altinn-client.js';

const FEED = /\/future\/shipment\/feed/;

/**
 * Attack: something between us and Altinn (a cache that ignores the query string) answers every feed request with
 * the same full page. Entries at or before the cursor are not handed out again, the cursor never moves back, and
 * background polling waits its interval instead of asking again at once, hundreds of times a second.
 */
describe('a status feed page replayed by a cache that ignores the query', () => {
  const store = new InMemoryFeedCursorStore();
  const ctx = useTestClient({
    statusFeed: { cursorStore: store, startAt: 0, pageSize: 2, pollIntervalMs: 100 },
    retry: false,
  });

  it('is skipped: no entry twice, no cursor moved back, no tight loop of requests', async () => {
    const { sim, client } = ctx;
    const feed = client.moduleRef.get(AltinnStatusFeed);
    await deliveredSms(sim, client, 2);
    const seen: AltinnStatusFeedEntry[] = [];
    expect(await feed.poll((e) => void seen.push(e))).toMatchObject({ handled: 2, more: true });
    const cursor = seen[1].sequenceNumber;

    // From now on every feed request gets that same full page back.
    sim.inject({ kind: 'status', status: 200, body: seen }, { path: FEED, times: Infinity });
    expect(await feed.poll((e) => void seen.push(e))).toEqual({
      handled: 0,
      cursor,
      more: false,
      skipped: false,
    });
    const before = sim.requests.filter((r) => FEED.test(r.path)).length;
    feed.start((e) => void seen.push(e));
    await sleep(600);
    await feed.stop();

    expect(seen).toHaveLength(2);
    expect(await store.get('default')).toBe(cursor);
    // 600 ms at one poll per 100 ms; without the check, a full page meant "poll again at once".
    expect(sim.requests.filter((r) => FEED.test(r.path)).length - before).toBeLessThanOrEqual(8);
    expect(client.logger.text).toContain(`status feed page held 2 entries at or before the cursor ${cursor}`);
  });
});
