import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { OTP_EXPIRED_GRACE_MS } from './otp.constants.js';
import { AltinnOtpStoreError } from './otp-store.error.js';
import type {
  OtpBeginResult,
  OtpChallengeRecord,
  OtpCheckResult,
  OtpLookup,
  OtpSendLimits,
  OtpStore,
} from './otp-store.interfaces.js';
import type { OtpChannel } from './otp.interfaces.js';
import { BEGIN, CHECK, DISCARD, type LuaScript } from './redis-otp.scripts.js';

/**
 * The two commands the store needs. An `ioredis` client (`new Redis(url)`) fits; typed structurally so this
 * library neither loads nor type-references ioredis, an optional peer.
 */
export interface OtpRedisClient {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisOtpStoreOptions {
  /** Prefix of every key, so several apps can share one database. @default 'altinn-otp:' */
  keyPrefix?: string;
  /**
   * Longest wait for one store call; past it the send or verify fails with `AltinnOtpStoreError` (reason
   * `timeout`). A Redis client's own retries (ioredis: 20 reconnects per command) can otherwise hold a verify
   * for half a minute when Redis is gone. 100–60000. @default 2000
   */
  timeoutMs?: number;
}

type Operation = AltinnOtpStoreError['operation'];

/**
 * A store shared by every instance of an app. Each operation is one Lua script, so Redis runs it atomically:
 * no two instances can both accept a code, exceed the attempt limit or the send limits. Expiry is Redis's own
 * (`PEXPIRE`), a grace period after a code's end so verify can still answer `OTP_EXPIRED`. Keys are computed
 * inside the scripts, so use a single Redis (or Sentinel), not Redis Cluster. The app owns the client.
 */
export class RedisOtpStore implements OtpStore {
  readonly #redis: OtpRedisClient;
  readonly #challengePrefix: string;
  readonly #currentPrefix: string;
  readonly #counterPrefix: string;
  readonly #timeoutMs: number;

  constructor(redis: OtpRedisClient, options: RedisOtpStoreOptions = {}) {
    if (!redis || typeof redis.evalsha !== 'function' || typeof redis.eval !== 'function') {
      throw new AltinnConfigurationError(
        'redis',
        'must be a Redis client with eval and evalsha (e.g. ioredis)',
        'RedisOtpStore',
      );
    }
    const prefix = options.keyPrefix ?? 'altinn-otp:';
    const timeoutMs = options.timeoutMs ?? 2000;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
      throw new AltinnConfigurationError(
        'timeoutMs',
        'must be an integer from 100 to 60000',
        'RedisOtpStore',
      );
    }
    this.#timeoutMs = timeoutMs;
    this.#redis = redis;
    this.#challengePrefix = `${prefix}c:`;
    this.#currentPrefix = `${prefix}r:`;
    this.#counterPrefix = `${prefix}l:`;
  }

  async begin(challenge: OtpChallengeRecord, limits: OtpSendLimits, now: number): Promise<OtpBeginResult> {
    const c = challenge;
    const reply = (await this.#run(
      'begin',
      BEGIN,
      [
        this.#challengePrefix + c.challengeId,
        this.#currentPrefix + c.recipientKey,
        this.#counterPrefix + (c.limitKey ?? c.recipientKey),
      ],
      [
        c.challengeId,
        c.recipientKey,
        c.channel,
        c.codeHash,
        c.nonce,
        c.createdAt,
        c.expiresAt,
        c.maxAttempts,
        now,
      ].concat([
        limits.cooldownMs,
        limits.maxSends,
        limits.windowMs,
        OTP_EXPIRED_GRACE_MS,
        this.#challengePrefix,
      ]),
    )) as string[];
    const [status, ...rest] = reply;
    if (status === 'cooldown' || status === 'limit') return { status, retryAfterMs: Number(rest[0]) };
    if (status === 'created') return { status: 'created', challenge: { ...challenge } };
    const [recipientKey, channel, codeHash, nonce, createdAt, expiresAt, maxAttempts] = rest;
    return {
      status: 'existing',
      challenge: {
        challengeId: c.challengeId,
        recipientKey,
        channel: channel as OtpChannel,
        codeHash,
        nonce,
        createdAt: Number(createdAt),
        expiresAt: Number(expiresAt),
        maxAttempts: Number(maxAttempts),
      },
    };
  }

  async check(lookup: OtpLookup, codeHash: string, now: number): Promise<OtpCheckResult> {
    const byRecipient = 'recipientKey' in lookup;
    const reply = (await this.#run(
      'check',
      CHECK,
      [byRecipient ? this.#currentPrefix + lookup.recipientKey : this.#challengePrefix + lookup.challengeId],
      [
        byRecipient ? 'rk' : 'id',
        codeHash,
        now,
        this.#challengePrefix,
        this.#currentPrefix,
        byRecipient ? lookup.recipientKey : lookup.challengeId,
      ],
    )) as string[];
    const [result, attemptsLeft, challengeId, recipientKey, channel] = reply;
    if (result === 'NO_OTP_FOUND') return { result };
    return {
      result: result as OtpCheckResult['result'],
      ...(attemptsLeft !== '' && { attemptsLeft: Number(attemptsLeft) }),
      challengeId,
      recipientKey,
      channel: channel as OtpChannel,
    };
  }

  async discard(challengeId: string): Promise<void> {
    await this.#run(
      'discard',
      DISCARD,
      [this.#challengePrefix + challengeId],
      [challengeId, this.#currentPrefix],
    );
  }

  /** One store call, bounded in time; any failure becomes an `AltinnOtpStoreError` without the call's arguments. */
  async #run(
    operation: Operation,
    script: LuaScript,
    keys: string[],
    args: (string | number)[],
  ): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AltinnOtpStoreError(operation, 'timeout', { timeoutMs: this.#timeoutMs })),
        this.#timeoutMs,
      );
    });
    try {
      // The race also handles a late rejection of the call after the timeout has won.
      return await Promise.race([this.#eval(script, keys, args), timeout]);
    } catch (err) {
      if (err instanceof AltinnOtpStoreError) throw err;
      throw new AltinnOtpStoreError(operation, 'failed', { code: redisErrorCode(err) });
    } finally {
      clearTimeout(timer);
    }
  }

  /** EVALSHA first (no script text on the wire); EVAL once when Redis has not cached the script yet. */
  async #eval(script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await this.#redis.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (redisErrorCode(err) !== 'NOSCRIPT') throw err;
      return this.#redis.eval(script.source, keys.length, ...keys, ...args);
    }
  }
}

/** The upper-case prefix Redis starts its error replies with (`WRONGTYPE Operation against …`), if any. */
function redisErrorCode(err: unknown): string | undefined {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? /^([A-Z]{2,20})\b/.exec(message)?.[1] : undefined;
}
