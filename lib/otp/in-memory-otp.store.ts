import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { OTP_EXPIRED_GRACE_MS } from './otp.constants.js';
import { hashesEqual } from './otp.crypto.js';
import type {
  OtpBeginResult,
  OtpChallengeRecord,
  OtpCheckResult,
  OtpLookup,
  OtpSendLimits,
  OtpStore,
} from './otp-store.interfaces.js';

interface StoredChallenge extends OtpChallengeRecord {
  attempts: number;
}

interface SendCounter {
  windowStart: number;
  count: number;
  last: number;
  dropAt: number;
}

/** How often, at most, expired entries are swept (on the next call; no timers to keep a process alive). */
const SWEEP_EVERY_MS = 60_000;

/** How often, at most, a full store sweeps early: a flood at capacity must not make every call a full scan. */
const FULL_SWEEP_EVERY_MS = 1_000;

export interface InMemoryOtpStoreOptions {
  /**
   * Recipients tracked at once (each has a send counter and at most one live challenge). A new recipient beyond it
   * is refused as `TOO_MANY_SENDS` until older entries age out; recipients already tracked are not affected. Keeps
   * a flood of sends to ever-new addresses from growing the process without bound. @default 100_000
   */
  maxRecipients?: number;
}

/**
 * The default store: one process's memory. Every method runs synchronously to completion, which makes it atomic
 * on Node's single thread. Apps with several instances need a shared store such as `RedisOtpStore`.
 */
export class InMemoryOtpStore implements OtpStore {
  readonly #challenges = new Map<string, StoredChallenge>();
  readonly #current = new Map<string, string>();
  readonly #counters = new Map<string, SendCounter>();
  readonly #maxRecipients: number;
  #sweptAt = -Infinity;

  constructor(options: InMemoryOtpStoreOptions = {}) {
    const max = options.maxRecipients ?? 100_000;
    if (!Number.isInteger(max) || max < 1) {
      throw new AltinnConfigurationError('maxRecipients', 'must be a positive integer', 'InMemoryOtpStore');
    }
    this.#maxRecipients = max;
  }

  begin(challenge: OtpChallengeRecord, limits: OtpSendLimits, now: number): Promise<OtpBeginResult> {
    this.#sweep(now);
    const existing = this.#challenges.get(challenge.challengeId);
    if (existing && now <= existing.expiresAt) {
      return Promise.resolve({ status: 'existing', challenge: toRecord(existing) });
    }
    const key = challenge.recipientKey;
    const limitKey = challenge.limitKey ?? key;
    const counter = this.#counters.get(limitKey);
    if (!counter && this.#counters.size >= this.#maxRecipients) {
      this.#sweep(now, FULL_SWEEP_EVERY_MS);
      if (this.#counters.size >= this.#maxRecipients) {
        return Promise.resolve({ status: 'limit', retryAfterMs: SWEEP_EVERY_MS });
      }
    }
    if (counter && now - counter.last < limits.cooldownMs) {
      return Promise.resolve({ status: 'cooldown', retryAfterMs: counter.last + limits.cooldownMs - now });
    }
    const inWindow = counter && now - counter.windowStart < limits.windowMs;
    const windowStart = inWindow ? counter.windowStart : now;
    const count = inWindow ? counter.count : 0;
    if (count >= limits.maxSends) {
      return Promise.resolve({ status: 'limit', retryAfterMs: windowStart + limits.windowMs - now });
    }
    this.#counters.set(limitKey, {
      windowStart,
      count: count + 1,
      last: now,
      dropAt: Math.max(windowStart + limits.windowMs, now + limits.cooldownMs),
    });
    const previous = this.#current.get(key);
    if (previous !== undefined && previous !== challenge.challengeId) this.#challenges.delete(previous);
    const { limitKey: _counted, ...record } = challenge;
    this.#challenges.set(challenge.challengeId, { ...record, attempts: 0 });
    this.#current.set(key, challenge.challengeId);
    return Promise.resolve({ status: 'created', challenge: { ...challenge } });
  }

  check(lookup: OtpLookup, codeHash: string, now: number): Promise<OtpCheckResult> {
    this.#sweep(now);
    const byRecipient = 'recipientKey' in lookup;
    const id = byRecipient ? this.#current.get(lookup.recipientKey) : lookup.challengeId;
    const stored = id === undefined ? undefined : this.#challenges.get(id);
    if (!stored || (byRecipient && stored.recipientKey !== lookup.recipientKey)) {
      return Promise.resolve({ result: 'NO_OTP_FOUND' });
    }
    const known = {
      challengeId: stored.challengeId,
      recipientKey: stored.recipientKey,
      channel: stored.channel,
    };
    if (now > stored.expiresAt) return Promise.resolve({ result: 'OTP_EXPIRED', ...known });
    if (stored.attempts >= stored.maxAttempts)
      return Promise.resolve({ result: 'TOO_MANY_ATTEMPTS', ...known });
    stored.attempts += 1;
    if (hashesEqual(stored.codeHash, codeHash)) {
      this.#remove(stored);
      return Promise.resolve({ result: 'SUCCESS', ...known });
    }
    return Promise.resolve({
      result: 'INVALID_OTP',
      attemptsLeft: stored.maxAttempts - stored.attempts,
      ...known,
    });
  }

  discard(challengeId: string): Promise<void> {
    const stored = this.#challenges.get(challengeId);
    if (stored) this.#remove(stored);
    return Promise.resolve();
  }

  #remove(stored: StoredChallenge): void {
    this.#challenges.delete(stored.challengeId);
    if (this.#current.get(stored.recipientKey) === stored.challengeId)
      this.#current.delete(stored.recipientKey);
  }

  /** Keeps memory bounded by the live window without a timer. */
  #sweep(now: number, every = SWEEP_EVERY_MS): void {
    if (now - this.#sweptAt < every) return;
    this.#sweptAt = now;
    for (const stored of this.#challenges.values()) {
      if (now > stored.expiresAt + OTP_EXPIRED_GRACE_MS) this.#remove(stored);
    }
    for (const [key, counter] of this.#counters) {
      if (now >= counter.dropAt) this.#counters.delete(key);
    }
  }
}

function toRecord({ attempts: _attempts, ...record }: StoredChallenge): OtpChallengeRecord {
  return record;
}
