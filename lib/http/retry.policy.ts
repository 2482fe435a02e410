import { AltinnApiError, AltinnAuthError, AltinnRequestError } from '../errors/altinn-notifications.error.js';
import type { RetryPolicy } from './http.interfaces.js';

/** @internal `AltinnRequestError.code` of an answer past `maxResponseBytes`: broken or hostile, and a retry
 * would only read it again. */
export const RESPONSE_TOO_LARGE = 'ERR_RESPONSE_TOO_LARGE';

/**
 * @internal Network errors (but an answer past `maxResponseBytes`), timeouts, and the statuses `AltinnApiError.retryable` names (429, 5xx but 501): safe
 * with the same idempotencyId. Never 4xx (the same body fails again), never after the caller aborted. A token
 * service that is briefly down is retried too: nothing was sent yet.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AltinnRequestError)
    return error.reason !== 'aborted' && error.code !== RESPONSE_TOO_LARGE;
  if (error instanceof AltinnAuthError || error instanceof AltinnApiError) return error.retryable;
  return false;
}

/** @internal Wait before retry number `retry` (1-based); `Retry-After` wins when longer, both capped. */
export function retryDelay(policy: RetryPolicy, error: unknown, retry: number, random = Math.random): number {
  const base =
    policy.backoff === 'exponential'
      ? fullJitterDelay(policy.delayMs, policy.maxDelayMs, retry, random)
      : policy.delayMs;
  const retryAfterMs = error instanceof AltinnApiError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.min(Math.max(base, retryAfterMs), policy.maxDelayMs);
}

/**
 * @internal Exponential backoff with full jitter: a random wait up to `delayMs × 2^(retry-1)`, capped at
 * `maxDelayMs` before the draw, so clients that failed together spread out at every retry, the late ones too
 * ("Exponential Backoff And Jitter", aws.amazon.com/blogs/architecture). The HTTP retries and the queue share it.
 */
export function fullJitterDelay(
  delayMs: number,
  maxDelayMs: number,
  retry: number,
  random = Math.random,
): number {
  return Math.round(random() * Math.min(delayMs * 2 ** (retry - 1), maxDelayMs));
}

/**
 * @internal Sleeps, or rejects with the caller's abort as an `AltinnRequestError`; `end` (the app shutting down)
 * ends the wait early. On the global `setTimeout` (not `node:timers/promises`), so that Jest's fake timers drive
 * the retry logic in unit tests.
 */
export function waitBeforeRetry(
  ms: number,
  signal: AbortSignal | undefined,
  site: { method: string; path: string; attempts: number },
  end?: AbortSignal,
): Promise<void> {
  const aborted = () => new AltinnRequestError('aborted', { ...site, detail: 'aborted by the caller' });
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      end?.removeEventListener('abort', onEnd);
      outcome();
    };
    const onAbort = settle(() => reject(aborted()));
    const onEnd = settle(resolve);
    const timer = setTimeout(settle(resolve), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    end?.addEventListener('abort', onEnd, { once: true });
  });
}

/**
 * @internal The call's deadline: a signal that aborts after `ms` (as `AbortSignal.timeout`, which fake timers
 * cannot drive), on an unref'd timer that `clear` stops once the call is over.
 */
export function deadlineSignal(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The deadline passed', 'TimeoutError')),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
