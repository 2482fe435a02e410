import { AltinnAuthError } from '../errors/altinn-notifications.error.js';
import { readJwtClaims } from './compact-jws.js';
import { FALLBACK_TOKEN_LIFETIME_SECONDS } from './maskinporten.constants.js';
import type { MaskinportenOptions } from './maskinporten.interfaces.js';
import { resolveMaskinportenOptions } from './maskinporten-options.js';
import { MaskinportenTokenCache, type CachedToken } from './maskinporten-token.cache.js';
import type { ConnectionAgents } from '../shared/connection-agents.js';
import { MaskinportenTokenClient } from './maskinporten-token.client.js';
import type { AltinnTokenProvider } from './token-provider.interfaces.js';

/**
 * Altinn tokens from a Maskinporten client: signs a grant, asks Maskinporten for a token, exchanges it for an
 * Altinn token, and caches that until shortly before its `exp`. Concurrent callers share one refresh; the module
 * fetches the first token at start-up and later ones ahead of time (`prefetch()`), so sends do not wait for them.
 * Options are checked here, so a bad key or URL fails at start-up. Rejects with `AltinnAuthError`.
 */
export class MaskinportenTokenProvider implements AltinnTokenProvider {
  // Private fields: the key and the token stay out of JSON.stringify and util.inspect of this object.
  readonly #cache: MaskinportenTokenCache;

  /** `agents` (internal): the module's connection pools; without them, Node's global agents. */
  constructor(options: MaskinportenOptions, agents?: ConnectionAgents) {
    const resolved = resolveMaskinportenOptions(options);
    const client = new MaskinportenTokenClient(resolved, agents);
    const marginMs = resolved.refreshMarginSeconds * 1000;
    this.#cache = new MaskinportenTokenCache(async () => {
      try {
        return toCached(await fetchSafely(client), marginMs);
      } catch (err) {
        // Our own message: built from statuses and Maskinporten's error codes, never a token or the key.
        resolved.logger?.warn(`Altinn token refresh failed: ${(err as Error).message}`);
        throw err;
      }
    });
  }

  getToken(): Promise<string> {
    return this.#cache.get();
  }

  /** After a 401: the next `getToken()` fetches a fresh token. Given the rejected token, drops only that one. */
  invalidate(rejectedToken?: string): void {
    this.#cache.invalidate(rejectedToken);
  }

  /** Fetches a fresh token in the background; sends keep the cached one until it arrives. */
  async prefetch(): Promise<void> {
    await this.#cache.prefetch();
  }

  /** When the cached token is due for refresh (`exp` minus the margin); undefined when none is cached. */
  expiresAt(): number | undefined {
    return this.#cache.refreshAt();
  }
}

async function fetchSafely(client: MaskinportenTokenClient): Promise<string> {
  try {
    return await client.fetchAltinnToken();
  } catch (err) {
    if (err instanceof AltinnAuthError) throw err;
    // Only the class name: anything else might hold the unexpected.
    throw new AltinnAuthError(`Maskinporten token flow failed (${(err as Error)?.name ?? 'error'})`);
  }
}

/** Cache until `exp` minus the margin; a token living less than twice the margin is refreshed at half-life. */
function toCached(value: string, marginMs: number): CachedToken {
  const now = Date.now();
  const exp = readJwtClaims(value).exp;
  const expiresAt = typeof exp === 'number' ? exp * 1000 : now + FALLBACK_TOKEN_LIFETIME_SECONDS * 1000;
  const lifetime = expiresAt - now;
  if (lifetime <= 0) {
    throw new AltinnAuthError(
      'The Altinn token exchange returned a token that has already expired: check the clock',
    );
  }
  return { value, refreshAt: expiresAt - Math.min(marginMs, lifetime / 2) };
}
