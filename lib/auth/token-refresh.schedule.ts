/** @internal Renew when a quarter of the token's remaining time is left, but no more than 5 minutes early. */
export const PREFETCH_LEAD_SHARE = 0.25;
/** @internal */
export const MAX_PREFETCH_LEAD_MS = 5 * 60_000;
/** @internal No two prefetches closer than this, whatever a provider reports. */
export const MIN_PREFETCH_INTERVAL_MS = 1_000;
/** @internal Backoff after failed prefetches: 1 s, 2 s, 4 s … up to a minute. */
export const MAX_RETRY_DELAY_MS = 60_000;

/**
 * @internal Time until the next prefetch for a token that `getToken()` stops handing out at `expiresAt`. Early
 * enough that the fetch (two round trips) and a few retries end before any send would have to wait for a token.
 */
export function prefetchDelay(now: number, expiresAt: number): number {
  const remaining = expiresAt - now;
  const lead = Math.min(remaining * PREFETCH_LEAD_SHARE, MAX_PREFETCH_LEAD_MS);
  return Math.max(MIN_PREFETCH_INTERVAL_MS, Math.round(remaining - lead));
}

/** @internal Delay before the next try after `failures` failed prefetches in a row. */
export function retryDelay(failures: number): number {
  return Math.min(MIN_PREFETCH_INTERVAL_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_DELAY_MS);
}
