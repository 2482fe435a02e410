import { context, propagation, trace } from '@opentelemetry/api';
import { AltinnValidationError, type AltinnAuditRecord } from '../../lib/index.js';
import { traceOperation, traceSend, traceTokenFetch } from '../../lib/telemetry/altinn-tracing.js';
import { traceHttp } from '../../lib/telemetry/http-tracing.js';
import { loadOpenTelemetry, openTelemetry } from '../../lib/telemetry/open-telemetry.loader.js';
import { SPAN } from '../../lib/telemetry/telemetry.constants.js';
import { smsOrder, useTestClient } from '../support/altinn-client.js';

const SMS_PATH = '/notifications/api/v1/future/orders/instant/sms';

// First in this file: no module has started yet, so nothing has loaded the API.
describe('a call before the API has loaded (outside Nest, or before start-up ends)', () => {
  it('runs untraced, and starts loading the API for the calls after it', async () => {
    expect(openTelemetry()).toBeUndefined();
    await expect(traceOperation(SPAN.cancel, async () => 'cancelled')).resolves.toBe('cancelled');
    await expect(traceSend(SPAN.send, 'sms', async () => ({ created: true }))).resolves.toEqual({
      created: true,
    });
    await expect(traceTokenFetch(async () => 'token')).resolves.toBe('token');
    const call = { method: 'GET', url: 'http://127.0.0.1:1/x' };
    await expect(traceHttp(call, async () => ({ status: 204 }))).resolves.toEqual({ status: 204 });
    const api = await loadOpenTelemetry();
    expect(api?.trace).toBe(trace);
    expect(openTelemetry()).toBe(api);
  });
});

// The API is installed (a devDependency) but no SDK is registered: what most apps without tracing have.
describe('OpenTelemetry API without an SDK: nothing changes', () => {
  const audit: AltinnAuditRecord[] = [];
  const ctx = useTestClient({
    retry: { retries: 1, delayMs: 10, maxDelayMs: 10 },
    onAudit: (record) => void audit.push(record),
  });
  beforeEach(() => {
    audit.length = 0;
  });

  it('no SDK is registered: the global tracer makes non-recording spans and there is no propagator', () => {
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    expect(carrier).toEqual({});
  });

  it('a send, a replay and a retried 503 go out as before, with the same headers and no trace context', async () => {
    const order = smsOrder();
    const first = await ctx.client.service.sendInstantSms(order);
    const again = await ctx.client.service.sendInstantSms(order);
    ctx.sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: 1 });
    const retried = await ctx.client.service.sendInstantSms(smsOrder());

    expect([first.created, again.created, retried.created]).toEqual([true, false, true]);
    expect(audit.map((r) => [r.result, r.attempts])).toEqual([
      ['created', 1],
      ['replayed', 1],
      ['created', 2],
    ]);
    expect(ctx.sim.requests.map((r) => r.status)).toEqual([201, 200, 503, 201]);
    for (const { headers } of ctx.sim.requests) {
      for (const name of ['traceparent', 'tracestate', 'baggage']) expect(headers).not.toHaveProperty(name);
      expect(headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' });
    }
    expect(ctx.sim.requests).toHaveLength(4);
  });

  it('a validation error is still thrown before any network call', async () => {
    const order = smsOrder({ recipientSms: { phoneNumber: 'not a number', smsSettings: { body: 'x' } } });
    await expect(ctx.client.service.sendInstantSms(order)).rejects.toBeInstanceOf(AltinnValidationError);
    expect(ctx.sim.requests).toEqual([]);
  });
});
