import type { Attributes, Counter, Histogram, MeterProvider } from '@opentelemetry/api';
import { openTelemetry } from './open-telemetry.loader.js';
import { DURATION_BUCKETS_S, INSTRUMENTATION_SCOPE, METRIC } from './telemetry.constants.js';

interface Instruments {
  sends: Counter;
  sendDuration: Histogram;
  retries: Counter;
  tokenFetches: Counter;
  otpVerifications: Counter;
  httpDuration: Histogram;
}

/**
 * Per meter provider: the metrics API has no proxy, so instruments made before the app registers its SDK would stay
 * no-ops. Made on first use under each provider, and only once the API is loaded.
 */
const byProvider = new WeakMap<MeterProvider, Instruments>();

/** @internal The module's instruments under the global meter provider; undefined without the API. */
export function instruments(): Instruments | undefined {
  const api = openTelemetry();
  if (!api) return undefined;
  const provider = api.metrics.getMeterProvider();
  let found = byProvider.get(provider);
  if (!found) {
    found = create(provider);
    byProvider.set(provider, found);
  }
  return found;
}

function create(provider: MeterProvider): Instruments {
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
  const seconds = { unit: 's', advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_S] } };
  return {
    sends: meter.createCounter(METRIC.sends, {
      unit: '{send}',
      description: 'Sends and scheduled orders, by channel and outcome (created, replayed, failed)',
    }),
    sendDuration: meter.createHistogram(METRIC.sendDuration, {
      ...seconds,
      description: 'Duration of a send or scheduled order, validation and retries included',
    }),
    retries: meter.createCounter(METRIC.retries, {
      unit: '{retry}',
      description: 'Retries of Altinn calls, by the error that caused them',
    }),
    tokenFetches: meter.createCounter(METRIC.tokenFetches, {
      unit: '{fetch}',
      description: 'Maskinporten token fetches (grant and exchange), by outcome',
    }),
    otpVerifications: meter.createCounter(METRIC.otpVerifications, {
      unit: '{verification}',
      description: 'One-time code verifications, by result (SUCCESS, INVALID_OTP, …)',
    }),
    httpDuration: meter.createHistogram(METRIC.httpDuration, {
      ...seconds,
      description: 'Duration of one HTTP request (attempt) to Altinn or Maskinporten',
    }),
  };
}

/** @internal Seconds since `started` (a `performance.now()` reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/** @internal One counter point; nothing without the API. */
export function count(name: Exclude<keyof Instruments, 'sendDuration' | 'httpDuration'>, attrs: Attributes) {
  instruments()?.[name].add(1, attrs);
}
