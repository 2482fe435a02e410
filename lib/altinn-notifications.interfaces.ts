import type { LoggerService } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js/max';
import type { MaskinportenOptions } from './auth/maskinporten.interfaces.js';
import type { AltinnTokenProvider } from './auth/token-provider.interfaces.js';
import type { AltinnRetryOptions } from './http/retry.policy.js';

export type AltinnEnvironment = 'tt02' | 'production';
export type AltinnChannel = 'sms' | 'email';

/** Options of `AltinnNotificationsModule.forRoot()` / `forRootAsync()`. */
export interface AltinnNotificationsModuleOptions {
  /** Picks the Altinn base URL. Give this or `baseUrl`. */
  environment?: AltinnEnvironment;
  /** Overrides `environment`, e.g. a simulator. https is required except for loopback hosts. */
  baseUrl?: string;
  /** Where access tokens come from. Give this or `maskinporten`. */
  tokenProvider?: AltinnTokenProvider;
  /**
   * Shorthand for `tokenProvider: new MaskinportenTokenProvider(...)`; `environment` defaults to the module's.
   * Give this or `tokenProvider`.
   */
  maskinporten?: MaskinportenOptions;
  /**
   * Per-attempt timeout. @default 15000 (the guide's upper bound); at least 5000. Giving up early has a price:
   * Altinn may still send after the client left, and then a retry can send a second message (README, Reliability).
   */
  timeoutMs?: number;
  /** Retries with the same idempotencyId; `false` for none. @default one retry after 2 s */
  retry?: AltinnRetryOptions | false;
  /**
   * Keep-alive HTTP agents for the module's own axios instance; `false` opens a connection per request.
   * @default true (unlimited sockets)
   */
  keepAlive?: boolean | { maxSockets?: number };
  /** Overall deadline for a call, retries and waits included. @default none (bounded by timeoutMs × attempts) */
  deadlineMs?: number;
  /** Request and audit logging; never logs tokens, bodies or raw recipients. @default true */
  logging?: boolean | AltinnLoggingOptions;
  /** Called after every send, success or failure, with the audit record (guide best practice 7). */
  onAudit?: (record: AltinnAuditRecord) => void | Promise<void>;
  /** Values used when an order leaves them out. */
  defaults?: AltinnOrderDefaults;
  /** Checks beyond Altinn's own phone rule (guide best practice 4). */
  phoneNumbers?: { mobileOnly?: boolean; allowedCountries?: CountryCode[] };
  /**
   * Rejects (with `AltinnValidationError`) SMS bodies that cost more segments by Altinn's count, 1–16. Altinn
   * accepts any length but the gateway silently drops everything past 16 segments. @default 16
   */
  maxSmsSegments?: number;
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

/** Per-call options of `sendInstantSms` / `sendInstantEmail`. */
export interface AltinnSendOptions {
  /** Cancels the call, retries included. */
  signal?: AbortSignal;
}

/** Altinn's receipt, plus what the library knows of the call. */
export interface InstantOrderResult {
  notificationOrderId: string;
  notification: { shipmentId: string; sendersReference?: string };
  idempotencyId: string;
  /** true on 201 (new order), false on 200 (Altinn already had this idempotencyId: nothing was sent again). */
  created: boolean;
}

/** What the guide's best practice 7 asks to record for each send. */
export interface AltinnAuditRecord {
  timestamp: string;
  channel: AltinnChannel;
  /** SHA-256 of the hash key and the normalised recipient, hex, first 16 characters. */
  recipientHash: string;
  idempotencyId: string;
  sendersReference?: string;
  result: 'created' | 'replayed' | 'failed';
  /** HTTP status of the last attempt, when there was one. */
  status?: number;
  /** Error class and Altinn code on failure, e.g. `AltinnApiError NOT-00004`. */
  error?: string;
  attempts: number;
  durationMs: number;
  notificationOrderId?: string;
  shipmentId?: string;
}
