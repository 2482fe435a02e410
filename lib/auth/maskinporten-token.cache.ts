/** @internal A token and the moment (ms since epoch) from which it should no longer be handed out. */
export interface CachedToken {
  value: string;
  refreshAt: number;
}

/**
 * @internal Holds one token and shares one refresh between concurrent callers (single flight). A failed refresh
 * rejects every waiter with the same error and leaves nothing behind, so the next call tries again.
 */
export class MaskinportenTokenCache {
  #token?: CachedToken;
  #refresh?: Promise<string>;

  constructor(private readonly fetch: () => Promise<CachedToken>) {}

  get(): Promise<string> {
    const token = this.#token;
    if (token && Date.now() < token.refreshAt) return Promise.resolve(token.value);
    return (this.#refresh ??= this.refresh());
  }

  /**
   * Drops the token after a 401. While a refresh is running its result is already fresh, so many callers
   * invalidating at once still cause one refresh. With `rejected`, only that token is dropped.
   */
  invalidate(rejected?: string): void {
    if (this.#refresh) return;
    if (rejected !== undefined && this.#token?.value !== rejected) return;
    this.#token = undefined;
  }

  private async refresh(): Promise<string> {
    try {
      this.#token = undefined;
      const token = await this.fetch();
      this.#token = token;
      return token.value;
    } finally {
      this.#refresh = undefined;
    }
  }
}
