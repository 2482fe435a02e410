import { Inject, Injectable, type LoggerService, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALTINN_RESOLVED_OPTIONS } from '../altinn-notifications.constants.js';
import { AltinnHttpClient } from '../http/altinn-http.client.js';
import { traceOperation } from '../telemetry/altinn-tracing.js';
import { SPAN } from '../telemetry/telemetry.constants.js';
import type { FeedSettings, ResolvedFeedOptions } from './resolve-feed-options.js';
import type {
  AltinnStatusFeedEntry,
  AltinnStatusFeedHandler,
  AltinnStatusFeedPollResult,
} from './status-feed.interfaces.js';
import { toFeedEntries } from './status-feed.parser.js';

const FEED_PATH = '/future/shipment/feed';

/**
 * Reads Altinn's status feed from a cursor and hands each entry to a handler at least once: the cursor moves past
 * an entry only after its handler resolved. `poll()` reads one page; `start()` polls in the background (at once
 * while pages come back full, every `pollIntervalMs` once caught up, backing off after failures). With a shared
 * cursor store, one instance polls at a time. Procedure: https://docs.altinn.studio/notifications/reference/status-feed/
 */
@Injectable()
export class AltinnStatusFeed implements OnModuleDestroy {
  /** This instance's id in the store's lease. */
  readonly #owner = randomUUID();
  readonly #options: ResolvedFeedOptions;
  readonly #logger: LoggerService;
  #running?: { stop: AbortController; done: Promise<void> };

  constructor(
    private readonly client: AltinnHttpClient,
    @Inject(ALTINN_RESOLVED_OPTIONS) settings: FeedSettings,
  ) {
    this.#options = settings.statusFeed;
    this.#logger = settings.logger;
  }

  /**
   * Reads one page after the cursor and handles its entries in order. A handler's rejection ends the poll with
   * that rejection; the cursor stays on the last entry handled, so the failed one comes again next time.
   */
  async poll(
    handler: AltinnStatusFeedHandler,
    options: { signal?: AbortSignal } = {},
  ): Promise<AltinnStatusFeedPollResult> {
    const { store, key, leaseMs, pageSize } = this.#options;
    // The lease first: the cursor read after it is the one its last holder left.
    const leased = await store.lease(key, this.#owner, leaseMs);
    let cursor = await store.get(key);
    if (!leased) return { handled: 0, cursor: cursor ?? 0, more: false, skipped: true };
    if (cursor === undefined) {
      // Kept at once: with 'latest', entries written before the first page is read must not be skipped.
      cursor = await this.#startingCursor(options.signal);
      await store.set(key, cursor, this.#owner);
    }
    const entries = await this.#read({ seq: cursor, pageSize, orderBy: 'asc' }, options.signal);
    let handled = 0;
    let stale = 0;
    let renewed = Date.now();
    for (const entry of entries) {
      if (options.signal?.aborted) break;
      // Altinn answers only entries after `seq`. One at or before the cursor (from a cache that ignores the query,
      // say) was handled already; taking it would move the cursor back and, on a full page, poll again at once.
      if (entry.sequenceNumber <= cursor) {
        stale++;
        continue;
      }
      await handler(entry);
      // A long page renews the lease on the way, so that no other instance takes over mid-page.
      if (Date.now() - renewed > leaseMs / 3) {
        if (!(await store.lease(key, this.#owner, leaseMs))) break;
        renewed = Date.now();
      }
      if (!(await store.set(key, entry.sequenceNumber, this.#owner))) break; // the lease went to another
      cursor = entry.sequenceNumber;
      handled++;
    }
    if (stale > 0) {
      this.#logger.warn(
        `status feed page held ${stale} entries at or before the cursor ${cursor}; skipped, not handled again`,
      );
    }
    return {
      handled,
      cursor,
      more: entries.length >= pageSize && handled === entries.length,
      skipped: false,
    };
  }

  /** Polls in the background until `stop()` (or module destroy). Handler and Altinn failures are logged, then retried. */
  start(handler: AltinnStatusFeedHandler): void {
    if (this.#running) throw new Error('AltinnStatusFeed is already started');
    const stop = new AbortController();
    this.#running = { stop, done: this.#loop(handler, stop.signal) };
  }

  /** Ends background polling (waits for the handler in progress) and gives up the lease, so another takes over. */
  async stop(): Promise<void> {
    const running = this.#running;
    if (running) {
      running.stop.abort();
      await running.done;
      this.#running = undefined;
    }
    await this.#options.store.release(this.#options.key, this.#owner).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async #loop(handler: AltinnStatusFeedHandler, signal: AbortSignal): Promise<void> {
    const { pollIntervalMs, maxBackoffMs } = this.#options;
    let failures = 0;
    while (!signal.aborted) {
      let wait: number;
      try {
        const result = await this.poll(handler, { signal });
        failures = 0;
        wait = result.more ? 0 : pollIntervalMs;
      } catch (err) {
        failures++;
        wait = Math.min(maxBackoffMs, pollIntervalMs * 2 ** (failures - 1));
        // The error's class and Altinn code only: an entry's destination is personal data.
        const e = err as { name?: string; code?: unknown };
        this.#logger.warn(
          `status feed poll failed (${e?.name ?? 'error'}${typeof e?.code === 'string' ? ` ${e.code}` : ''}); next try in ${wait} ms`,
        );
      }
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  }

  /** Where a store without a cursor starts: the newest entry now, or the configured sequence number. */
  async #startingCursor(signal?: AbortSignal): Promise<number> {
    if (this.#options.startAt !== 'latest') return this.#options.startAt;
    const [newest] = await this.#read({ seq: 0, pageSize: 1, orderBy: 'desc' }, signal);
    return newest?.sequenceNumber ?? 0;
  }

  async #read(
    query: { seq: number; pageSize: number; orderBy: 'asc' | 'desc' },
    signal?: AbortSignal,
  ): Promise<AltinnStatusFeedEntry[]> {
    const path = `${FEED_PATH}?seq=${query.seq}&pageSize=${query.pageSize}&orderBy=${query.orderBy}`;
    return traceOperation(SPAN.feedPage, async () => {
      const response = await this.client.execute({ method: 'GET', path, context: {}, signal });
      return toFeedEntries(response, FEED_PATH);
    });
  }
}
