import type { Attributes, SpanKind } from '@opentelemetry/api';
import { count, instruments, secondsSince } from './altinn-metrics.js';
import { openTelemetry, type OpenTelemetryApi } from './open-telemetry.loader.js';
import { operation } from './operation-context.js';
import { ATTR, INSTRUMENTATION_SCOPE, SPAN } from './telemetry.constants.js';
import { errorAttributes } from './telemetry.errors.js';

/** Runs `fn` in a new active span; its failure sets status ERROR with the error's class, never its message. */
async function inSpan<T>(
  api: OpenTelemetryApi,
  name: string,
  options: { kind: SpanKind; attributes: Attributes; operation: boolean },
  fn: () => Promise<T>,
  onResult?: (result: T) => Attributes,
): Promise<T> {
  const span = api.trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(name, options);
  let ctx = api.trace.setSpan(api.context.active(), span);
  if (options.operation) ctx = ctx.setValue(operation(api), span);
  try {
    const result = await api.context.with(ctx, fn);
    if (onResult) span.setAttributes(onResult(result));
    return result;
  } catch (err) {
    const attrs = errorAttributes(err);
    span.setAttributes(attrs);
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: attrs[ATTR.errorType] });
    throw err;
  } finally {
    span.end();
  }
}

/** @internal A CLIENT span for one public call (shipment lookup, cancel, feed page); without the API, just `fn()`. */
export function traceOperation<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const api = openTelemetry();
  if (!api) return fn();
  return inSpan(api, name, { kind: api.SpanKind.CLIENT, attributes: {}, operation: true }, fn);
}

/**
 * @internal A send or scheduled order: its span (validation included, so a refused order shows too), one point on
 * the sends counter and the duration histogram, by channel and outcome.
 */
export async function traceSend<T extends { created: boolean }>(
  name: (typeof SPAN)['send' | 'order'],
  channel: string,
  fn: () => Promise<T>,
): Promise<T> {
  const api = openTelemetry();
  if (!api) return fn();
  const started = performance.now();
  const attributes = { [ATTR.channel]: channel };
  const record = (attrs: Attributes) => {
    const metrics = instruments();
    metrics?.sends.add(1, { ...attributes, ...attrs });
    metrics?.sendDuration.record(secondsSince(started), { ...attributes, ...attrs });
  };
  try {
    const result = await inSpan(
      api,
      name,
      { kind: api.SpanKind.CLIENT, attributes, operation: true },
      fn,
      (r) => ({ [ATTR.outcome]: r.created ? 'created' : 'replayed' }),
    );
    record({ [ATTR.outcome]: result.created ? 'created' : 'replayed' });
    return result;
  } catch (err) {
    record({ [ATTR.outcome]: 'failed', ...errorAttributes(err) });
    throw err;
  }
}

/** @internal One token fetch (Maskinporten grant and exchange): a span, and a point on the fetches counter. */
export async function traceTokenFetch<T>(fn: () => Promise<T>): Promise<T> {
  const api = openTelemetry();
  if (!api) return fn();
  const options = { kind: api.SpanKind.INTERNAL, attributes: {}, operation: false };
  try {
    const token = await inSpan(api, SPAN.tokenFetch, options, fn);
    count('tokenFetches', { [ATTR.outcome]: 'success' });
    return token;
  } catch (err) {
    count('tokenFetches', { [ATTR.outcome]: 'failure', ...errorAttributes(err) });
    throw err;
  }
}

/** @internal A retry of an Altinn call, counted by the error that caused it. */
export function countRetry(method: string, channel: string | undefined, err: unknown): void {
  const status = (err as { status?: unknown })?.status;
  count('retries', {
    [ATTR.method]: method,
    ...(channel && { [ATTR.channel]: channel }),
    ...(typeof status === 'number' && { [ATTR.statusCode]: status }),
    ...errorAttributes(err),
  });
}

/** @internal A one-time code verification's result (`SUCCESS`, `INVALID_OTP`, …). */
export function countOtpVerification(result: string, channel: string | undefined): void {
  count('otpVerifications', { [ATTR.otpResult]: result, ...(channel && { [ATTR.channel]: channel }) });
}
