import type { LoggerService, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { AltinnAuthError, AltinnNotificationsError } from '../errors/altinn-notifications.error.js';
import { MIN_PREFETCH_INTERVAL_MS, prefetchDelay, retryDelay } from './token-refresh.schedule.js';
import type { AltinnTokenPrefetchOptions, AltinnTokenProvider } from './token-provider.interfaces.js';

/** @internal The `tokenPrefetch` option, checked, and where warnings go. */
export interface TokenRefresherSettings {
  enabled: boolean;
  failFast: boolean;
  logger?: LoggerService;
}

/**
 * @internal Keeps the token off the send path: fetches it while the app boots and renews it in the background a
 * while before the provider's `expiresAt()`, so at steady state no send waits for Maskinporten or the exchange.
 * A failure is logged and retried with backoff; meanwhile sends fall back to fetching the token themselves (one
 * flight, as always). Acts only on providers with `prefetch()`; others are left alone.
 */
export class TokenRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  #timer?: NodeJS.Timeout;
  /** The `expiresAt()` the timer was set for: a different one means a send renewed the token meanwhile. */
  #plannedFor?: number;
  #failures = 0;
  #stopped = false;

  constructor(
    private readonly provider: AltinnTokenProvider,
    private readonly settings: TokenRefresherSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled || typeof this.provider.prefetch !== 'function') return;
    try {
      await this.provider.prefetch();
    } catch (err) {
      if (this.settings.failFast) throw startupFailure(err);
      return this.failed(err);
    }
    this.planNext();
  }

  onModuleDestroy(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** After a new token: the next prefetch ahead of its expiry (without `expiresAt()`, the provider plans). */
  private planNext(): void {
    this.#failures = 0;
    if (typeof this.provider.expiresAt !== 'function') return;
    const expiresAt = this.expiresAt();
    const delayMs = expiresAt === undefined ? MIN_PREFETCH_INTERVAL_MS : prefetchDelay(Date.now(), expiresAt);
    this.arm(delayMs, expiresAt);
  }

  private arm(delayMs: number, plannedFor: number | undefined): void {
    if (this.#stopped) return;
    this.#plannedFor = plannedFor;
    this.#timer = setTimeout(() => void this.tick().catch((err: unknown) => this.failed(err)), delayMs);
    this.#timer.unref(); // never what keeps the process alive
  }

  private async tick(): Promise<void> {
    if (this.expiresAt() !== this.#plannedFor) return this.planNext();
    try {
      await this.provider.prefetch!();
    } catch (err) {
      return this.failed(err);
    }
    if (!this.#stopped) this.planNext();
  }

  private failed(err: unknown): void {
    if (this.#stopped) return;
    this.#failures += 1;
    const delayMs = retryDelay(this.#failures);
    this.settings.logger?.warn(`Altinn token prefetch failed (${describe(err)}); next try in ${delayMs} ms`);
    this.arm(delayMs, this.expiresAt());
  }

  /** The provider's hint; a provider that throws here has none. */
  private expiresAt(): number | undefined {
    try {
      const at = this.provider.expiresAt?.();
      return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Our errors carry safe messages; anything else only its class name, as it might hold anything. */
function describe(err: unknown): string {
  if (err instanceof AltinnNotificationsError) return err.message;
  return (err as Error | undefined)?.name ?? 'error';
}

function startupFailure(err: unknown): Error {
  if (err instanceof AltinnAuthError) return err;
  return new AltinnAuthError(`Altinn token prefetch failed at start-up (${describe(err)})`);
}

/** @internal Checks the module's `tokenPrefetch` option; a bad one fails at start-up. */
export function resolveTokenPrefetch(
  option: boolean | AltinnTokenPrefetchOptions | undefined,
  logger: LoggerService | undefined,
): TokenRefresherSettings {
  if (option === undefined || typeof option === 'boolean') {
    return { enabled: option !== false, failFast: false, logger };
  }
  if (typeof option !== 'object' || option === null) {
    throw new AltinnConfigurationError('tokenPrefetch', 'must be a boolean or { failFast?: boolean }');
  }
  if (option.failFast !== undefined && typeof option.failFast !== 'boolean') {
    throw new AltinnConfigurationError('tokenPrefetch.failFast', 'must be a boolean');
  }
  return { enabled: true, failFast: option.failFast === true, logger };
}

/**
 * @internal The module's factory: the registration's token provider (as injected, so an override counts), its
 * `tokenPrefetch` option, and its logger when request logging is on (where the token calls log too).
 */
export function createTokenRefresher(
  provider: AltinnTokenProvider,
  options: { tokenPrefetch?: boolean | AltinnTokenPrefetchOptions },
  resolved: { logger: LoggerService; logRequests: boolean },
): TokenRefresher {
  const logger = resolved.logRequests ? resolved.logger : undefined;
  return new TokenRefresher(provider, resolveTokenPrefetch(options.tokenPrefetch, logger));
}
