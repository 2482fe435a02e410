import { setTimeout as sleep } from 'node:timers/promises';
import { AltinnApiError, AltinnAuthError, AltinnRequestError } from '../errors/altinn-notifications.error.js';

/** How failed attempts are retried, always with the same idempotencyId. */
export interface AltinnRetryOptions {
  /** Retries after the first attempt. @default 1 (the guide's best practice 3) */
  retries?: number;
  /** Wait before the first retry. @default 2000 */
  delayMs?: number;
  /** `exponential` doubles the wait each retry, with full jitter. @default 'fixed' */
  backoff?: 'fixed' | 'exponential';
  /** Upper bound of one wait, `Retry-After` included. @default 30000 */
  maxDelayMs?: number;
}

/** @internal */
export type RetryPolicy = Required<AltinnRetryOptions>;

/** @internal */
export const DEFAULT_RETRY: RetryPolicy = { retries: 1, delayMs: 2000, backoff: 'fixed', maxDelayMs: 30_000 };

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * @internal Network errors, timeouts, 429 and 5xx but 501: the contract (§4c, §5) says these are safe with the same
 * idempotencyId. Never 4xx (the same body fails again), never after the caller aborted. A token service that is
 * briefly down is retried too: nothing was sent yet.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AltinnRequestError) return error.reason !== 'aborted';
  if (error instanceof AltinnAuthError) return error.retryable;
  return error instanceof AltinnApiError && RETRY_STATUSES.has(error.status);
}

/** @internal Wait before retry number `retry` (1-based); `Retry-After` wins when longer, both capped. */
export function retryDelay(policy: RetryPolicy, error: unknown, retry: number, random = Math.random): number {
  const base =
    policy.backoff === 'exponential'
      ? Math.round(random() * policy.delayMs * 2 ** (retry - 1)) // full jitter spreads a herd of clients
      : policy.delayMs;
  const retryAfterMs = error instanceof AltinnApiError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.min(Math.max(base, retryAfterMs), policy.maxDelayMs);
}

/** @internal Sleeps, or rejects with the caller's abort as an `AltinnRequestError`. */
export async function waitBeforeRetry(
  ms: number,
  signal: AbortSignal | undefined,
  site: { method: string; path: string; attempts: number },
) {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new AltinnRequestError('aborted', { ...site, detail: 'aborted by the caller' });
  }
}

/** @internal */
export function resolveRetry(
  retry: AltinnRetryOptions | false | undefined,
  fail: (option: string, problem: string) => never,
): RetryPolicy {
  if (retry === false) return { ...DEFAULT_RETRY, retries: 0 };
  const policy = { ...DEFAULT_RETRY, ...retry };
  if (!Number.isInteger(policy.retries) || policy.retries < 0 || policy.retries > 10)
    fail('retry.retries', 'must be an integer 0–10');
  if (!Number.isFinite(policy.delayMs) || policy.delayMs < 0) fail('retry.delayMs', 'must be a number ≥ 0');
  if (!Number.isFinite(policy.maxDelayMs) || policy.maxDelayMs < 0)
    fail('retry.maxDelayMs', 'must be a number ≥ 0');
  if (policy.backoff !== 'fixed' && policy.backoff !== 'exponential')
    fail('retry.backoff', "must be 'fixed' or 'exponential'");
  return policy;
}
