/**
 * Supplies Altinn access tokens (the result of the Maskinporten → Altinn exchange).
 * Implementations should cache: `getToken()` is called once per HTTP attempt.
 */
export interface AltinnTokenProvider {
  getToken(): Promise<string>;
  /**
   * Called after Altinn answered 401 to `rejectedToken`, so the next `getToken()` fetches a fresh token
   * (unless the cached token is already another one).
   */
  invalidate?(rejectedToken?: string): void | Promise<void>;
  /**
   * Optional: fetch a fresh token now, keeping the cached one in use until it arrives, so no send waits for it.
   * The module calls it when the app starts and, with `expiresAt()`, ahead of expiry. Rejects when the fetch fails.
   */
  prefetch?(): Promise<void>;
  /**
   * Optional, with `prefetch()`: when (ms since the epoch) `getToken()` stops answering from its cache and would
   * fetch itself; undefined when nothing is cached. The module prefetches a while before that moment.
   */
  expiresAt?(): number | undefined;
}

/**
 * The module's `tokenPrefetch` option: the token is fetched when the app starts and renewed in the background
 * ahead of expiry, for Maskinporten and for providers with `prefetch()`.
 */
export interface AltinnTokenPrefetchOptions {
  /**
   * `app.init()` fails when the first token cannot be had. @default false: the failure is logged and retried in the
   * background with backoff, and sends fetch a token themselves until one arrives
   */
  failFast?: boolean;
}
