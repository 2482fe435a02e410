// Imports nothing: every folder of lib/ may read these (see test/architecture/imports.cases.ts).

/** Injection token for the module's `AltinnTokenProvider`; `overrideProvider(ALTINN_TOKEN_PROVIDER)` swaps it. */
export const ALTINN_TOKEN_PROVIDER = Symbol('ALTINN_TOKEN_PROVIDER');

/** @internal Options after validation and defaults. */
export const ALTINN_RESOLVED_OPTIONS = Symbol('ALTINN_RESOLVED_OPTIONS');

/** @internal */
export const ALTINN_BASE_URLS = {
  tt02: 'https://platform.tt02.altinn.no/notifications/api/v1',
  production: 'https://platform.altinn.no/notifications/api/v1',
} as const;

export type AltinnEnvironment = keyof typeof ALTINN_BASE_URLS;
export type AltinnChannel = 'sms' | 'email';
/** What a send record names: an instant SMS or email, or a scheduled order chain (`sendOrder`). */
export type AltinnSendKind = AltinnChannel | 'order';

/** @internal */
export const ALTINN_PATHS = {
  sms: '/future/orders/instant/sms',
  email: '/future/orders/instant/email',
  shipment: '/future/shipment/',
  orders: '/future/orders',
  /** The only cancel: legacy `PUT /orders/{id}/cancel`, which takes any shipment id. */
  legacyOrders: '/orders/',
} as const;

/** The only scope the instant endpoints accept. */
export const ALTINN_NOTIFICATIONS_SCOPE = 'altinn:serviceowner/notifications.create';

/**
 * @internal 10–15 s recommended, 5 s minimum: Altinn sends the message inside the request (docs.altinn.studio,
 * Notifications, "Send Instant Notifications", Timeout).
 */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** @internal */
export const MIN_TIMEOUT_MS = 5_000;

/** @internal Altinn's answers are a few hundred bytes; a megabyte is broken or hostile. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
/** @internal */
export const MIN_MAX_RESPONSE_BYTES = 16 * 1024;
