import { setTimeout as sleep } from 'node:timers/promises';
import { AltinnNotificationsError } from '../errors/altinn-notifications.error.js';
import type { FeedCursorStore } from './status-feed.interfaces.js';

/**
 * The two commands the store needs. An `ioredis` client (`new Redis(url)`) fits; typed structurally so this
 * library neither loads nor type-references ioredis, an optional peer.
 */
export interface FeedRedisClient {
  get(key: string): Promise<string | null>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisFeedCursorStoreOptions {
  /** Prefix of every key. @default 'altinn-feed:' */
  keyPrefix?: string;
  /** A Redis call that takes longer fails with `AltinnNotificationsError`. @default 2000 */
  timeoutMs?: number;
}

// Take the lease if free or ours (then extend it); the holder's id is the value, Redis expiry ends it.
const LEASE = `local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return 0`;
// The cursor moves only for the lease holder: an instance that lost its lease while a handler ran cannot
// write an older cursor over the new holder's.
const SET = `if ARGV[2] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1]) return 1`;

/**
 * Cursor and lease in Redis, for apps running several instances: the cursor survives restarts, and one instance
 * polls at a time (another takes over `leaseMs` after the holder died, at once after it stopped). The app owns
 * the client. Keys: `<prefix><key>:cursor` and `<prefix><key>:lease`.
 */
export class RedisFeedCursorStore implements FeedCursorStore {
  readonly #redis: FeedRedisClient;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  constructor(redis: FeedRedisClient, options: RedisFeedCursorStoreOptions = {}) {
    if (!redis || typeof redis.get !== 'function' || typeof redis.eval !== 'function') {
      throw new TypeError('RedisFeedCursorStore needs a Redis client with get and eval (e.g. ioredis)');
    }
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? 'altinn-feed:';
    this.#timeoutMs = options.timeoutMs ?? 2000;
  }

  async get(key: string): Promise<number | undefined> {
    const value = await this.#call(() => this.#redis.get(`${this.#prefix}${key}:cursor`));
    return value === null ? undefined : Number(value);
  }

  async set(key: string, sequenceNumber: number, owner = ''): Promise<boolean> {
    const keys = [`${this.#prefix}${key}:cursor`, `${this.#prefix}${key}:lease`];
    return (await this.#call(() => this.#redis.eval(SET, 2, ...keys, sequenceNumber, owner))) === 1;
  }

  async lease(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const lease = `${this.#prefix}${key}:lease`;
    return (await this.#call(() => this.#redis.eval(LEASE, 1, lease, owner, ttlMs))) === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    await this.#call(() => this.#redis.eval(RELEASE, 1, `${this.#prefix}${key}:lease`, owner));
  }

  /** Bounded in time, and failures without Redis' own error (it can quote the command's arguments). */
  async #call<T>(command: () => Promise<T>): Promise<T> {
    const timeout = new AbortController();
    try {
      return await Promise.race([
        command(),
        sleep(this.#timeoutMs, undefined, { signal: timeout.signal }).then(() => {
          throw new Error('timeout');
        }),
      ]);
    } catch (err) {
      const why = (err as Error)?.message === 'timeout' ? `no answer within ${this.#timeoutMs} ms` : 'error';
      throw new AltinnNotificationsError(`The status feed's Redis cursor store failed (${why})`);
    } finally {
      timeout.abort();
    }
  }
}
