import type { Attributes } from '@opentelemetry/api';
import { instruments, secondsSince } from './altinn-metrics.js';
import { openTelemetry } from './open-telemetry.loader.js';
import { operationSpan } from './operation-context.js';
import { ATTR, INSTRUMENTATION_SCOPE } from './telemetry.constants.js';

/** @internal One HTTP request as the span and the duration metric describe it. */
export interface HttpCall {
  method: string;
  /** Absolute; its query is never reported. */
  url: string;
  /** 1-based attempt of an Altinn call: annotates the public call's span (`altinn.attempts`, ids). */
  attempt?: number;
  /** What the public call's span may name of the call: never the body, the token or a raw recipient. */
  ids?: { idempotencyId?: string; recipientHash?: string };
  /** Extra attributes of this span, e.g. `altinn.token.step`. */
  attributes?: Attributes;
  /** Headers to carry the trace context (`traceparent`); absent for third parties such as Maskinporten. */
  propagateInto?: Record<string, string>;
}

/**
 * @internal A CLIENT span per HTTP request, per OpenTelemetry's HTTP client conventions
 * (https://opentelemetry.io/docs/specs/semconv/http/http-spans/), and a point on `http.client.request.duration`.
 * Statuses of 400 and up set status ERROR, as do requests without an answer.
 */
export async function traceHttp<R extends { status: number }>(
  call: HttpCall,
  run: () => Promise<R>,
): Promise<R> {
  const api = openTelemetry();
  if (!api) return run();
  const url = new URL(call.url);
  const common: Attributes = {
    [ATTR.method]: call.method,
    [ATTR.serverAddress]: url.hostname,
    [ATTR.serverPort]: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
  if (call.attempt !== undefined) {
    operationSpan(api)?.setAttributes({
      [ATTR.attempts]: call.attempt,
      ...(call.ids?.idempotencyId && { [ATTR.idempotencyId]: call.ids.idempotencyId }),
      ...(call.ids?.recipientHash && { [ATTR.recipientHash]: call.ids.recipientHash }),
    });
  }
  const span = api.trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(call.method, {
    kind: api.SpanKind.CLIENT,
    attributes: {
      ...common,
      [ATTR.urlFull]: `${url.origin}${url.pathname}`,
      ...(call.attempt !== undefined && call.attempt > 1 && { [ATTR.resendCount]: call.attempt - 1 }),
      ...call.attributes,
    },
  });
  const ctx = api.trace.setSpan(api.context.active(), span);
  if (call.propagateInto) api.propagation.inject(ctx, call.propagateInto);
  const started = performance.now();
  const end = (attrs: Attributes) => {
    span.setAttributes(attrs);
    if (attrs[ATTR.errorType] !== undefined) {
      span.setStatus({ code: api.SpanStatusCode.ERROR, message: String(attrs[ATTR.errorType]) });
    }
    span.end();
    instruments()?.httpDuration.record(secondsSince(started), { ...common, ...attrs });
  };
  let response: R;
  try {
    response = await api.context.with(ctx, run);
  } catch (err) {
    end({ [ATTR.errorType]: transportError(err) });
    throw err;
  }
  end({
    [ATTR.statusCode]: response.status,
    ...(response.status >= 400 && { [ATTR.errorType]: String(response.status) }),
  });
  return response;
}

/** A low-cardinality name for a request without an answer: the socket's code (`ECONNRESET` …) or the class name. */
function transportError(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown } | undefined;
  if (typeof e?.code === 'string' && /^[A-Z][A-Z_]{1,40}$/.test(e.code)) return e.code;
  return typeof e?.name === 'string' && /^\w{1,64}$/.test(e.name) ? e.name : '_OTHER';
}
