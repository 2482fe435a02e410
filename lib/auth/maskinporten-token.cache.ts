/**
 * At most one token is dropped for a 401 in this time. A second refusal that soon means the request is wrong (a
 * token for another environment's platform, say), not that a cached token went stale: a new token would be refused
 * as well, and dropping each one would cost a Maskinporten grant and an exchange per send.
 */
const REFUSED_TOKEN_DROP_INTERVAL_MS = 10_000;

/** @internal A token and the moment (ms since epoch) from which it should no longer be handed out. */
export interface CachedToken {
  value: string;
  refreshAt: number;
}

/**
 * @internal Holds one token and shares one refresh between concurrent callers (single flight). A failed refresh
 * rejects every waiter with the same error and leaves the cache as it was, so the next call tries again.
 */
export class MaskinportenTokenCache {
  #token?: CachedToken;
  #refresh?: Promise<string>;
  /** When a token was last dropped for a 401 (ms since epoch). */
  #droppedRefusedAt = -Infinity;

  constructor(private readonly fetch: () => Promise<CachedToken>) {}

  get(): Promise<string> {
    const token = this.#token;
    if (token && Date.now() < token.refreshAt) return Promise.resolve(token.value);
    return (this.#refresh ??= this.refresh());
  }

  /** Starts a refresh (or joins the running one) while the cached token, if still good, goes on being handed out. */
  prefetch(): Promise<string> {
    return (this.#refresh ??= this.refresh());
  }

  /** When the cached token stops being handed out; undefined when there is none. */
  refreshAt(): number | undefined {
    return this.#token?.refreshAt;
  }

  /**
   * Drops the token after a 401, so the next `get()` joins or starts a refresh; many callers invalidating at once
   * still cause one refresh. With `rejected` (what a 401 names), only that token is dropped (a newer one is kept),
   * and not when another was dropped for a 401 less than `REFUSED_TOKEN_DROP_INTERVAL_MS` ago. Without it, the
   * token is dropped in any case.
   */
  invalidate(rejected?: string): void {
    if (rejected !== undefined) {
      if (this.#token?.value !== rejected) return;
      if (Date.now() - this.#droppedRefusedAt < REFUSED_TOKEN_DROP_INTERVAL_MS) return;
      this.#droppedRefusedAt = Date.now();
    }
    this.#token = undefined;
  }

  private async refresh(): Promise<string> {
    try {
      const token = await this.fetch();
      this.#token = token;
      return token.value;
    } finally {
      this.#refresh = undefined;
    }
  }
}
