import type { RetryPolicy } from '../http/http.interfaces.js';
import type { AltinnRetryOptions } from './options.interfaces.js';

/** @internal One retry after 2 s (docs.altinn.studio, Notifications, "Send Instant Notifications", Retry). */
export const DEFAULT_RETRY: RetryPolicy = { retries: 1, delayMs: 2000, backoff: 'fixed', maxDelayMs: 30_000 };

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
