import type { ConfigurableModuleAsyncOptions, LoggerService } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js/max';
import type { AltinnEnvironment } from '../altinn-notifications.constants.js';
import type { AltinnAuditRecord } from '../audit/audit.interfaces.js';
import type { MaskinportenOptions } from '../auth/maskinporten.interfaces.js';
import type { AltinnTokenPrefetchOptions, AltinnTokenProvider } from '../auth/token-provider.interfaces.js';
import type { AltinnStatusFeedOptions } from '../feed/status-feed.interfaces.js';

/** Options of `AltinnNotificationsModule.forRoot()`, and what `forRootAsync()`'s factory returns. */
export interface AltinnNotificationsModuleOptions {
  /** Picks the Altinn base URL. Give this or `baseUrl`. */
  environment?: AltinnEnvironment;
  /** Overrides `environment`, e.g. a simulator. https is required except for loopback hosts. */
  baseUrl?: string;
  /**
   * Where access tokens come from. Give this or `maskinporten`. A provider with dependencies of its own comes
   * from Nest: `forRootAsync({ imports, inject: [VaultTokenProvider], useFactory: (p) => ({ tokenProvider: p }) })`.
   * In tests, `overrideProvider(ALTINN_TOKEN_PROVIDER)` replaces it.
   */
  tokenProvider?: AltinnTokenProvider;
  /**
   * Shorthand for `tokenProvider: new MaskinportenTokenProvider(...)`; `environment` defaults to the module's.
   * Give this or `tokenProvider`.
   */
  maskinporten?: MaskinportenOptions;
  /**
   * Tokens off the send path: the first one is fetched while the app starts (`app.init()` waits for that one try)
   * and each next one in the background ahead of expiry, for `maskinporten` and for providers with `prefetch()`.
   * `false` turns it off. @default true (a failure is logged and retried; `{ failFast: true }` fails start-up)
   */
  tokenPrefetch?: boolean | AltinnTokenPrefetchOptions;
  /**
   * Per-attempt timeout. @default 15000; at least 5000. Giving up early has a price: Altinn may still send after
   * the client left, and then a retry can send a second message.
   */
  timeoutMs?: number;
  /** Retries with the same idempotencyId; `false` for none. @default one retry after 2 s */
  retry?: AltinnRetryOptions | false;
  /**
   * Keep-alive HTTP agents for the module's own axios instance; `false` opens a connection per request.
   * @default true (unlimited sockets)
   */
  keepAlive?: boolean | { maxSockets?: number };
  /**
   * Overall deadline for a call, retries and waits included; it also ends a body that trickles in slower than
   * the per-attempt timeout notices. At least 5000.
   * @default what the retry policy itself allows: timeoutMs × attempts + the retry waits (32 s with the defaults)
   */
  deadlineMs?: number;
  /**
   * Largest Altinn answer (and request body) read, in bytes: a longer one ends the attempt with an
   * `AltinnRequestError` instead of filling memory. At least 16384. @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
  /** Request and audit logging; never logs tokens, bodies or raw recipients. @default true */
  logging?: boolean | AltinnLoggingOptions;
  /** Called after every send, success or failure, with the audit record. */
  onAudit?: (record: AltinnAuditRecord) => void | Promise<void>;
  /** Values used when an order leaves them out. */
  defaults?: AltinnOrderDefaults;
  /** Checks beyond Altinn's own phone rule: mobile numbers only, expected countries. */
  phoneNumbers?: { mobileOnly?: boolean; allowedCountries?: CountryCode[] };
  /**
   * Rejects (with `AltinnValidationError`) SMS bodies that cost more segments by Altinn's count, 1–16. Altinn
   * accepts any length but the gateway silently drops everything past 16 segments. @default 16
   */
  maxSmsSegments?: number;
  /** Module-wide defaults of `sendOrder`'s checks beyond Altinn's own rules; a call's options win. */
  orders?: AltinnOrderCheckOptions;
  /** Cursor store, start and polling of `AltinnStatusFeed`. @default in-memory cursor from the newest entry */
  statusFeed?: AltinnStatusFeedOptions;
}

/** How failed attempts are retried, always with the same idempotencyId. */
export interface AltinnRetryOptions {
  /** Retries after the first attempt. @default 1 */
  retries?: number;
  /** Wait before the first retry. @default 2000 */
  delayMs?: number;
  /** `exponential` doubles the wait each retry, with full jitter. @default 'fixed' */
  backoff?: 'fixed' | 'exponential';
  /** Upper bound of one wait, `Retry-After` included. @default 30000 */
  maxDelayMs?: number;
}

export interface AltinnLoggingOptions {
  /** One line per HTTP call. @default true */
  requests?: boolean;
  /** One audit line per send. @default true */
  audit?: boolean;
  /** Where lines go. @default Nest's `Logger` with context `AltinnNotifications` */
  logger?: LoggerService;
  /**
   * Key of the keyed hash of recipients in logs and audit records. Set it to correlate hashes across restarts;
   * a plain hash of a phone number is reversible by brute force, so the default is a random per-process key.
   */
  recipientHashKey?: string;
}

export interface AltinnOrderDefaults {
  /** SMS sender when an order has none (≤ 11 characters). Altinn's default otherwise. */
  smsSender?: string;
  /** Email sender when an order has none; must be registered with Digdir. */
  emailSenderAddress?: string;
  /** @default 'Plain' */
  emailContentType?: 'Plain' | 'Html';
}

/** Defaults of the `sendOrder` options of the same names (`SendOrderOptions`). */
export interface AltinnOrderCheckOptions {
  /** Check the mod-11 control digits of national identity and organisation numbers. @default true */
  checkDigits?: boolean;
  /** Refuse a `requestedSendTime` less than this many seconds ahead. @default 300 */
  sendTimeMarginSeconds?: number;
}

/** A class for `forRootAsync({ useClass })` / `({ useExisting })`: Nest injects its dependencies. */
export interface AltinnNotificationsOptionsFactory {
  createAltinnNotificationsOptions():
    AltinnNotificationsModuleOptions | Promise<AltinnNotificationsModuleOptions>;
}

/** What `forRoot` and `forRootAsync` take beside the options themselves. */
export interface AltinnNotificationsModuleExtras {
  /** Registers the module globally. @default false */
  isGlobal?: boolean;
  /** A registration of its own (another service owner or environment), injected by name. */
  name?: string;
}

/** Options of `AltinnNotificationsModule.forRootAsync()`. */
export type AltinnNotificationsModuleAsyncOptions = ConfigurableModuleAsyncOptions<
  AltinnNotificationsModuleOptions,
  'createAltinnNotificationsOptions'
> &
  AltinnNotificationsModuleExtras;
