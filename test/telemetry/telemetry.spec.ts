import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { AltinnAuditRecord } from '../../lib/index.js';
import { AltinnValidationError } from '../../lib/index.js';
import { smsOrder, useTestClient } from '../support/altinn-client.js';
import { registerTestSdk, type TestSdk } from './otel-sdk.js';

const SMS_PATH = '/notifications/api/v1/future/orders/instant/sms';

describe('OpenTelemetry: spans and metrics of a send', () => {
  let sdk: TestSdk;
  const audit: AltinnAuditRecord[] = [];
  // Registered first: its hooks run before those of the client below.
  beforeAll(() => {
    sdk = registerTestSdk();
  });
  const ctx = useTestClient({
    retry: { retries: 1, delayMs: 10, maxDelayMs: 10 },
    onAudit: (record) => void audit.push(record),
  });
  afterAll(() => sdk?.shutdown());
  /** The simulator's port, as the HTTP span names it. */
  const port = () => Number(new URL(ctx.sim.baseUrl).port);
  beforeEach(() => {
    sdk.reset();
    audit.length = 0;
  });

  it('a success: a CLIENT send span, one HTTP child with the conventions’ attributes, traceparent on the wire', async () => {
    const order = smsOrder();
    const result = await ctx.client.service.sendInstantSms(order);

    const send = sdk.span('altinn.notifications.send');
    expect(send.kind).toBe(SpanKind.CLIENT);
    expect(send.parentSpanContext).toBeUndefined();
    expect(send.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(send.attributes).toEqual({
      'altinn.channel': 'sms',
      'altinn.outcome': 'created',
      'altinn.idempotency_id': result.idempotencyId,
      'altinn.recipient.hash': audit[0].recipientHash,
      'altinn.attempts': 1,
    });
    const [post, ...more] = sdk.children(send);
    expect(more).toEqual([]);
    expect(post.name).toBe('POST');
    expect(post.kind).toBe(SpanKind.CLIENT);
    expect(post.attributes).toEqual({
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'server.port': port(),
      'url.full': `http://127.0.0.1:${port()}${SMS_PATH}`,
      'http.response.status_code': 201,
    });
    // The child's context went out with the request: Altinn's side of the trace joins this one.
    const { traceId, spanId } = post.spanContext();
    expect(ctx.sim.requests.map((r) => r.headers.traceparent)).toEqual([`00-${traceId}-${spanId}-01`]);

    const sends = await sdk.points('altinn.notifications.sends');
    expect(sends).toEqual([
      {
        name: 'altinn.notifications.sends',
        unit: '{send}',
        attributes: { 'altinn.channel': 'sms', 'altinn.outcome': 'created' },
        value: 1,
      },
    ]);
    const [duration] = await sdk.points('altinn.notifications.send.duration');
    expect(duration).toMatchObject({ unit: 's', value: 1, attributes: sends[0].attributes });
    expect(await sdk.points('http.client.request.duration')).toEqual([
      expect.objectContaining({
        unit: 's',
        value: 1,
        attributes: {
          'http.request.method': 'POST',
          'server.address': '127.0.0.1',
          'server.port': port(),
          'http.response.status_code': 201,
        },
      }),
    ]);
  });

  it('a replay counts as replayed', async () => {
    const order = smsOrder();
    await ctx.client.service.sendInstantSms(order);
    await ctx.client.service.sendInstantSms(order);
    const outcomes = (await sdk.points('altinn.notifications.sends')).map(
      (p) => p.attributes['altinn.outcome'],
    );
    expect(outcomes.sort()).toEqual(['created', 'replayed']);
  });

  it('a retried 503: two HTTP children (the first ERROR 503, the second a resend), attempts 2, one retry counted', async () => {
    ctx.sim.inject({ kind: 'status', status: 503 }, { path: SMS_PATH, times: 1 });
    const result = await ctx.client.service.sendInstantSms(smsOrder());
    expect(result.created).toBe(true);

    const send = sdk.span('altinn.notifications.send');
    expect(send.attributes).toMatchObject({ 'altinn.outcome': 'created', 'altinn.attempts': 2 });
    const [first, second] = sdk.children(send);
    expect(first.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': '503' });
    expect(first.status).toEqual({ code: SpanStatusCode.ERROR, message: '503' });
    expect(second.attributes).toMatchObject({
      'http.response.status_code': 201,
      'http.request.resend_count': 1,
    });
    expect(second.attributes).not.toHaveProperty('error.type');
    // Each attempt carried its own span's context.
    expect(ctx.sim.requests.map((r) => r.headers.traceparent)).toEqual(
      [first, second].map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`),
    );
    expect(await sdk.points('altinn.notifications.retries')).toEqual([
      expect.objectContaining({
        unit: '{retry}',
        value: 1,
        attributes: {
          'http.request.method': 'POST',
          'altinn.channel': 'sms',
          'http.response.status_code': 503,
          'error.type': 'AltinnApiError',
        },
      }),
    ]);
  });

  it('Altinn’s error code and the error class on a failed send: status ERROR, altinn.error_code, outcome failed', async () => {
    const problem = { status: 503, title: 'Service Unavailable', code: 'NOT-00004' };
    ctx.sim.inject({ kind: 'status', status: 503, body: problem }, { path: SMS_PATH, times: 2 });
    const error = await ctx.client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AltinnApiError', code: 'NOT-00004' });

    const send = sdk.span('altinn.notifications.send');
    expect(send.status).toEqual({ code: SpanStatusCode.ERROR, message: 'AltinnApiError' });
    expect(send.attributes).toMatchObject({
      'error.type': 'AltinnApiError',
      'altinn.error_code': 'NOT-00004',
      'altinn.attempts': 2,
    });
    expect(send.attributes).not.toHaveProperty('altinn.outcome');
    expect(sdk.children(send)).toHaveLength(2);
    expect(await sdk.points('altinn.notifications.sends')).toEqual([
      expect.objectContaining({
        value: 1,
        attributes: {
          'altinn.channel': 'sms',
          'altinn.outcome': 'failed',
          'error.type': 'AltinnApiError',
          'altinn.error_code': 'NOT-00004',
        },
      }),
    ]);
  });

  it('a validation error: the send span ends ERROR AltinnValidationError with no HTTP child, and counts as failed', async () => {
    const order = smsOrder({ recipientSms: { phoneNumber: 'not a number', smsSettings: { body: 'x' } } });
    await expect(ctx.client.service.sendInstantSms(order)).rejects.toBeInstanceOf(AltinnValidationError);

    const send = sdk.span('altinn.notifications.send');
    expect(send.status).toEqual({ code: SpanStatusCode.ERROR, message: 'AltinnValidationError' });
    expect(send.attributes).toEqual({ 'altinn.channel': 'sms', 'error.type': 'AltinnValidationError' });
    expect(sdk.spans()).toHaveLength(1);
    expect(ctx.sim.requests).toEqual([]);
    expect(await sdk.points('altinn.notifications.sends')).toEqual([
      expect.objectContaining({
        attributes: {
          'altinn.channel': 'sms',
          'altinn.outcome': 'failed',
          'error.type': 'AltinnValidationError',
        },
      }),
    ]);
  });

  it('a shipment lookup: its own CLIENT span with the GET as its child', async () => {
    const sent = await ctx.client.service.sendInstantSms(smsOrder());
    sdk.reset();
    await ctx.client.service.getShipment(sent.notification.shipmentId);
    const lookup = sdk.span('altinn.notifications.shipment');
    expect(lookup.kind).toBe(SpanKind.CLIENT);
    expect(sdk.children(lookup).map((s) => [s.name, s.attributes['http.response.status_code']])).toEqual([
      ['GET', 200],
    ]);
    // Not a send: the sends counter stays empty.
    expect(await sdk.points('altinn.notifications.sends')).toEqual([]);
  });

  it('a span of the caller’s is the parent: the send joins the app’s trace', async () => {
    const { trace } = await import('@opentelemetry/api');
    const tracer = trace.getTracer('app');
    await tracer.startActiveSpan('POST /login', async (span) => {
      await ctx.client.service.sendInstantSms(smsOrder());
      span.end();
    });
    const login = sdk.span('POST /login');
    const send = sdk.span('altinn.notifications.send');
    expect(send.parentSpanContext?.spanId).toBe(login.spanContext().spanId);
    expect(send.spanContext().traceId).toBe(login.spanContext().traceId);
  });
});
