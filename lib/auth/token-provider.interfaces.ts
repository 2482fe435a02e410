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
}
