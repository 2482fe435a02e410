import type { Span } from '@opentelemetry/api';
import type { OpenTelemetryApi } from './open-telemetry.loader.js';

let operationKey: symbol | undefined;

/** @internal The context key under which the current public call's span rides, for its HTTP attempts to annotate. */
export function operation(api: OpenTelemetryApi): symbol {
  return (operationKey ??= api.createContextKey('altinn.operation'));
}

/** @internal The span of the public call (send, order …) in progress, if any. */
export function operationSpan(api: OpenTelemetryApi): Span | undefined {
  return api.context.active().getValue(operation(api)) as Span | undefined;
}
