import type * as OpenTelemetry from '@opentelemetry/api';

/** @internal The `@opentelemetry/api` module, as the app installed it. */
export type OpenTelemetryApi = typeof OpenTelemetry;

let loaded: OpenTelemetryApi | undefined;
let loading: Promise<OpenTelemetryApi | undefined> | undefined;

/**
 * @internal Loads `@opentelemetry/api` (an optional peer) once; undefined when it is not installed. A dynamic
 * import, which the CommonJS build compiles to `require`: no `import.meta`, and nothing loaded before it is asked for.
 */
export function loadOpenTelemetry(): Promise<OpenTelemetryApi | undefined> {
  loading ??= import('@opentelemetry/api').then(
    (api) => (loaded = api),
    () => undefined,
  );
  return loading;
}

/**
 * @internal The API once loaded, else undefined (and the load begins): the module awaits the load at start-up, so
 * only a call made before that, or outside Nest, goes unreported.
 */
export function openTelemetry(): OpenTelemetryApi | undefined {
  if (!loading) void loadOpenTelemetry();
  return loaded;
}
