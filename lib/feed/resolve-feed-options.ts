import type { LoggerService } from '@nestjs/common';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { InMemoryFeedCursorStore } from './in-memory-feed-cursor.store.js';
import type { AltinnStatusFeedOptions, FeedCursorStore } from './status-feed.interfaces.js';

/** @internal The slice of the resolved module options the feed reads. */
export interface FeedSettings {
  logger: LoggerService;
  statusFeed: ResolvedFeedOptions;
}

/** @internal */
export interface ResolvedFeedOptions {
  store: FeedCursorStore;
  key: string;
  startAt: 'latest' | number;
  pageSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  leaseMs: number;
}

/** @internal Checked when the feed is created (at start-up), with a message that names the option. */
export function resolveFeedOptions(options: AltinnStatusFeedOptions = {}): ResolvedFeedOptions {
  const store = options.cursorStore ?? new InMemoryFeedCursorStore();
  for (const method of ['get', 'set', 'lease', 'release'] as const) {
    if (typeof store[method] !== 'function') fail('cursorStore', `must implement ${method}()`);
  }
  const startAt = options.startAt ?? 'latest';
  if (startAt !== 'latest' && !(Number.isSafeInteger(startAt) && startAt >= 0))
    fail('startAt', "must be 'latest' or a sequence number ≥ 0");
  const key = options.cursorKey ?? 'default';
  if (typeof key !== 'string' || key === '') fail('cursorKey', 'must be a non-empty string');
  return {
    store,
    key,
    startAt,
    pageSize: integer('pageSize', options.pageSize, 500, 1, 500),
    pollIntervalMs: integer('pollIntervalMs', options.pollIntervalMs, 30_000, 100),
    maxBackoffMs: integer('maxBackoffMs', options.maxBackoffMs, 300_000, 100),
    leaseMs: integer('leaseMs', options.leaseMs, 30_000, 100),
  };
}

function integer(name: string, value: number | undefined, fallback: number, min: number, max = Infinity) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    fail(name, `must be an integer from ${min}${max === Infinity ? '' : ` to ${max}`}`);
  return value;
}

function fail(option: string, problem: string): never {
  throw new AltinnConfigurationError(`statusFeed.${option}`, problem);
}
