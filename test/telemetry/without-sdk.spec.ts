import { context, propagation, trace } from '@opentelemetry/api';
import { AltinnValidationError, type AltinnAuditRecord } from '../../lib/index.js';
import { smsOrder, useTestClient } from '../support/altinn-client.js';

const SMS_PATH = '/notifications/api/v1/future/orders/instant/sms';

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
