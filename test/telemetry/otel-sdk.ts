import { context, metrics, propagation, trace, type Attributes } from '@opentelemetry/api';
import { AsyncHooksContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/** A reader the test collects from when it wants, instead of on a timer. */
class CollectingReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

export interface MetricPoint {
  name: string;
  unit: string;
  attributes: Attributes;
  /** A counter's sum, or a histogram's count of recordings. */
  value: number;
}

/** The OpenTelemetry SDK as an app registers it, with in-memory exporters: what the module reports, readable. */
export interface TestSdk {
  spans(): ReadableSpan[];
  span(name: string, attributes?: Attributes): ReadableSpan;
  children(parent: ReadableSpan): ReadableSpan[];
  points(name?: string): Promise<MetricPoint[]>;
  collect(): Promise<ResourceMetrics>;
  reset(): void;
  shutdown(): Promise<void>;
}

export function registerTestSdk(): TestSdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let reader = new CollectingReader();
  let meterProvider = new MeterProvider({ readers: [reader] });
  const contextManager = new AsyncHooksContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);

  const spans = () => exporter.getFinishedSpans();
  const collect = async () => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length) throw new Error(`metric collection failed: ${errors.join('; ')}`);
    return resourceMetrics;
  };
  return {
    spans,
    span(name, attributes = {}) {
      const found = spans().filter(
        (s) => s.name === name && Object.entries(attributes).every(([k, v]) => s.attributes[k] === v),
      );
      if (found.length !== 1) throw new Error(`${found.length} spans named ${name}: ${names(spans())}`);
      return found[0];
    },
    children: (parent) =>
      spans()
        .filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId)
        .sort((a, b) => hrtimeMs(a.startTime) - hrtimeMs(b.startTime)),
    collect,
    async points(name) {
      const out: MetricPoint[] = [];
      for (const scope of (await collect()).scopeMetrics) {
        for (const metric of scope.metrics) {
          if (name && metric.descriptor.name !== name) continue;
          for (const point of metric.dataPoints) {
            const value = point.value as number | { count: number };
            out.push({
              name: metric.descriptor.name,
              unit: metric.descriptor.unit,
              attributes: point.attributes,
              value: typeof value === 'number' ? value : value.count,
            });
          }
        }
      }
      return out;
    },
    reset() {
      exporter.reset();
      // A fresh provider: cumulative points start from zero again.
      void meterProvider.shutdown();
      reader = new CollectingReader();
      meterProvider = new MeterProvider({ readers: [reader] });
      metrics.disable();
      metrics.setGlobalMeterProvider(meterProvider);
    },
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

function hrtimeMs([s, ns]: [number, number]): number {
  return s * 1000 + ns / 1e6;
}

function names(spans: ReadableSpan[]): string {
  return spans.map((s) => s.name).join(', ') || 'none';
}
