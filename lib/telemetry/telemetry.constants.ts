/**
 * @internal Names of what the module reports through OpenTelemetry, all in one place (docs/observability.md lists
 * them). HTTP attributes follow OpenTelemetry's HTTP semantic conventions
 * (https://opentelemetry.io/docs/specs/semconv/http/); the rest live under `altinn.`.
 */
export const INSTRUMENTATION_SCOPE = 'nestjs-altinn-notifications';

export const SPAN = {
  send: 'altinn.notifications.send',
  order: 'altinn.notifications.order',
  cancel: 'altinn.notifications.cancel',
  shipment: 'altinn.notifications.shipment',
  feedPage: 'altinn.notifications.feed_page',
  tokenFetch: 'altinn.token.fetch',
} as const;

export const ATTR = {
  method: 'http.request.method',
  statusCode: 'http.response.status_code',
  resendCount: 'http.request.resend_count',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  urlFull: 'url.full',
  errorType: 'error.type',
  channel: 'altinn.channel',
  outcome: 'altinn.outcome',
  idempotencyId: 'altinn.idempotency_id',
  recipientHash: 'altinn.recipient.hash',
  attempts: 'altinn.attempts',
  errorCode: 'altinn.error_code',
  tokenStep: 'altinn.token.step',
  otpResult: 'altinn.otp.result',
} as const;

export const METRIC = {
  sends: 'altinn.notifications.sends',
  sendDuration: 'altinn.notifications.send.duration',
  retries: 'altinn.notifications.retries',
  tokenFetches: 'altinn.token.fetches',
  otpVerifications: 'altinn.otp.verifications',
  httpDuration: 'http.client.request.duration',
} as const;

/** The buckets OpenTelemetry's HTTP conventions advise for `http.client.request.duration`, in seconds. */
export const DURATION_BUCKETS_S = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
] as const;
