/** One failing field: `path` is the JSON path (e.g. `recipientSms.phoneNumber`), `message` never echoes the value. */
export interface AltinnFieldError {
  path: string;
  message: string;
}

/**
 * Root of every error this library throws. Errors carry only what a caller branches on:
 * never request config, headers, tokens, bodies or raw recipients.
 */
export class AltinnNotificationsError extends Error {
  override name = 'AltinnNotificationsError';

  /** Keeps `JSON.stringify(error)` useful and free of anything not listed here. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** The order failed local validation; nothing was sent. */
export class AltinnValidationError extends AltinnNotificationsError {
  override name = 'AltinnValidationError';

  constructor(readonly errors: readonly AltinnFieldError[]) {
    super(`Invalid Altinn notification order: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** What the options of `AltinnRequestError` and `AltinnApiError` have in common. */
interface RequestSite {
  method: string;
  path: string;
  /** Attempts made, retries included. */
  attempts?: number;
}

/** No HTTP response was received. */
export class AltinnRequestError extends AltinnNotificationsError {
  override name = 'AltinnRequestError';
  readonly reason: 'timeout' | 'network' | 'aborted';
  /** The low-level error code such as `ECONNRESET`, when known. */
  readonly code?: string;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(
    reason: 'timeout' | 'network' | 'aborted',
    site: RequestSite & { code?: string; detail?: string },
  ) {
    super(`Altinn request ${site.method} ${site.path} failed: ${site.detail ?? reason}`);
    this.reason = reason;
    this.code = site.code;
    this.method = site.method;
    this.path = site.path;
    this.attempts = site.attempts ?? 1;
  }
}

/** Fields of an error response from Altinn. */
export interface AltinnApiErrorDetails extends RequestSite {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  traceId?: string;
  errors?: AltinnFieldError[];
  retryAfterSeconds?: number;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Altinn answered with an error status (or a 2xx body that is not an order receipt). */
export class AltinnApiError extends AltinnNotificationsError {
  override name = 'AltinnApiError';
  readonly status: number;
  /** Altinn's error code, e.g. `NOT-00004`; absent on 400 validation problems and empty bodies. */
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly traceId?: string;
  readonly errors: AltinnFieldError[];
  /** Safe to send again with the same idempotencyId. */
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(d: AltinnApiErrorDetails) {
    const what = [d.code, d.title ?? d.detail].filter(Boolean).join(' ');
    super(`Altinn answered ${d.status} to ${d.method} ${d.path}${what ? `: ${what}` : ''}`);
    this.status = d.status;
    this.code = d.code;
    this.title = d.title;
    this.detail = d.detail;
    this.traceId = d.traceId;
    this.errors = d.errors ?? [];
    this.retryable = RETRYABLE_STATUSES.has(d.status);
    this.retryAfterSeconds = d.retryAfterSeconds;
    this.method = d.method;
    this.path = d.path;
    this.attempts = d.attempts ?? 1;
  }
}

/** An access token could not be had (token provider failed, or Altinn kept rejecting it). */
export class AltinnAuthError extends AltinnNotificationsError {
  override name = 'AltinnAuthError';
  /** HTTP status of the failing token call, when there was one. */
  readonly status?: number;
  /** OAuth `error`, e.g. `invalid_grant`. */
  readonly error?: string;
  readonly errorDescription?: string;
  /**
   * A transient failure of the token service (no answer, 429, 5xx): the send is retried like any other transient
   * failure, since nothing reached Altinn Notifications yet. Rejections (`invalid_grant`, 401 …) are not.
   */
  readonly retryable: boolean;

  constructor(
    message: string,
    details: { status?: number; error?: string; errorDescription?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.retryable =
      details.retryable ??
      (details.status !== undefined && (details.status >= 500 || details.status === 429));
  }
}
