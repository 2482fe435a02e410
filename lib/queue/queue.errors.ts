import {
  AltinnApiError,
  AltinnValidationError,
  type AltinnNotificationsError,
} from '../errors/altinn-notifications.error.js';
import type { AltinnQueueFailure } from './queue.interfaces.js';

/** @internal What the processor does with a failed send. */
export type FailureKind = 'permanent' | 'slowDown' | 'transient';

/**
 * @internal Altinn refused the order itself (local validation, or a 4xx other than 408/429: the same body fails
 * again); 429 and 503 are Altinn or its API gateway asking every client to slow down; everything else (network,
 * timeouts, other 5xx, token service) may pass on a later try with the same idempotencyId.
 */
export function classify(error: unknown): FailureKind {
  if (error instanceof AltinnValidationError) return 'permanent';
  if (error instanceof AltinnApiError) {
    if (error.status === 429 || error.status === 503) return 'slowDown';
    if (error.status >= 400 && error.status < 500 && error.status !== 408) return 'permanent';
  }
  return 'transient';
}

/** @internal How long the whole queue pauses: Altinn's `Retry-After` when it gave one. */
export function slowDownMs(error: unknown, fallbackMs: number): number {
  const seconds = error instanceof AltinnApiError ? error.retryAfterSeconds : undefined;
  return seconds !== undefined && seconds > 0 ? Math.min(seconds * 1000, 10 * 60_000) : fallbackMs;
}

/** @internal The typed error's name, status and code: never its message (server text) nor the order. */
export function toFailure(error: unknown, reason: AltinnQueueFailure['reason']): AltinnQueueFailure {
  const e = error as Partial<AltinnNotificationsError & { status: unknown; code: unknown }> | undefined;
  const name = typeof e?.name === 'string' && /^\w{1,64}$/.test(e.name) ? e.name : 'Error';
  const status = typeof e?.status === 'number' ? e.status : undefined;
  // Altinn's codes look like NOT-00001; a low-level code like ECONNRESET; nothing else is kept.
  const code = typeof e?.code === 'string' && /^[\w-]{1,32}$/.test(e.code) ? e.code : undefined;
  return { name, reason, ...(status !== undefined && { status }), ...(code !== undefined && { code }) };
}

/** @internal The one line BullMQ stores as `failedReason`, e.g. `AltinnApiError 422 NOT-00001 (permanent)`. */
export function failureLine(failure: AltinnQueueFailure): string {
  return [failure.name, failure.status, failure.code, `(${failure.reason})`].filter(Boolean).join(' ');
}
