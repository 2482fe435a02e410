import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

/**
 * `OTEL_TRACES_EXPORTER=console` prints the module's spans, and its metrics every 10 s, to the console
 * (`OTEL_METRICS_EXPORTER` chooses metrics on their own; `OTEL_METRIC_EXPORT_INTERVAL` the interval in ms). The SDK
 * is loaded only then: an app without tracing loads nothing of it. A real app would use @opentelemetry/sdk-node
 * and an OTLP exporter instead.
 */
export async function startConsoleTelemetry(
  env: Readonly<Record<string, string | undefined>>,
): Promise<() => Promise<void>> {
  const traces = env.OTEL_TRACES_EXPORTER?.split(',').includes('console') ?? false;
  const metricsOn = (env.OTEL_METRICS_EXPORTER ?? env.OTEL_TRACES_EXPORTER)?.split(',').includes('console');
  const providers: Array<BasicTracerProvider | MeterProvider> = [];
  if (!traces && !metricsOn) return async () => undefined;
  const api = await import('@opentelemetry/api');
  const { W3CTraceContextPropagator } = await import('@opentelemetry/core');
  const { AsyncHooksContextManager } = await import('@opentelemetry/context-async-hooks');
  if (traces) {
    const sdk = await import('@opentelemetry/sdk-trace-base');
    const provider = new sdk.BasicTracerProvider({
      spanProcessors: [new sdk.SimpleSpanProcessor(new sdk.ConsoleSpanExporter())],
    });
    api.context.setGlobalContextManager(new AsyncHooksContextManager().enable());
    api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    api.trace.setGlobalTracerProvider(provider);
    providers.push(provider);
  }
  if (metricsOn) {
    const sdk = await import('@opentelemetry/sdk-metrics');
    const reader = new sdk.PeriodicExportingMetricReader({
      exporter: new sdk.ConsoleMetricExporter(),
      exportIntervalMillis: Number(env.OTEL_METRIC_EXPORT_INTERVAL ?? 10_000),
    });
    const provider = new sdk.MeterProvider({ readers: [reader] });
    api.metrics.setGlobalMeterProvider(provider);
    providers.push(provider);
  }
  return async () => {
    await Promise.all(providers.map((p) => p.shutdown()));
  };
}
