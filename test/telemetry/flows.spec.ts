import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AltinnStatusFeed, type NotificationOrder } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { registerClient } from '../auth/support/maskinporten-client.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { baseOrder } from '../orders/order-rules.table.js';
import { registerContacts } from '../orders/support.js';
import { codeIn, createOtpTestApp, wrong } from '../otp/otp-test-app.js';
import { createTestClient, smsOrder } from '../support/altinn-client.js';
import { registerTestSdk, type TestSdk } from './otel-sdk.js';

describe('OpenTelemetry: OTP, token, scheduled order and feed flows', () => {
  let sdk: TestSdk;
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sdk = registerTestSdk();
    sim = await AltinnSimulator.start();
  });
  afterAll(async () => {
    await sim?.close();
    await sdk?.shutdown();
  });
  beforeEach(() => {
    sim.reset();
    sdk.reset();
  });

  it('an OTP flow: the code’s send span with its POST, and verify outcomes counted by result and channel', async () => {
    const app = await createOtpTestApp(sim);
    try {
      const sent = await app.otp.send({ channel: 'sms', recipient: '+4799999999' });
      if (!sent.success) throw new Error('expected success');
      const code = codeIn(sim.deliveries[0]);
      expect(await app.otp.verify({ challengeId: sent.challengeId }, wrong(code))).toMatchObject({
        success: false,
      });
      expect(await app.otp.verify({ challengeId: sent.challengeId }, code)).toMatchObject({ success: true });
      expect(await app.otp.verify({ challengeId: sent.challengeId }, code)).toMatchObject({ success: false });

      const send = sdk.span('altinn.notifications.send');
      expect(send.attributes).toMatchObject({
        'altinn.channel': 'sms',
        'altinn.outcome': 'created',
        'altinn.idempotency_id': sent.idempotencyId,
      });
      expect(sdk.children(send).map((s) => s.name)).toEqual(['POST']);
      const verifications = await sdk.points('altinn.otp.verifications');
      expect(verifications.map((p) => [p.attributes, p.value, p.unit])).toEqual(
        expect.arrayContaining([
          [{ 'altinn.otp.result': 'INVALID_OTP', 'altinn.channel': 'sms' }, 1, '{verification}'],
          [{ 'altinn.otp.result': 'SUCCESS', 'altinn.channel': 'sms' }, 1, '{verification}'],
        ]),
      );
      // The used code is gone: the third verify is counted under the store's answer for it.
      expect(verifications.reduce((n, p) => n + p.value, 0)).toBe(3);
    } finally {
      await app.close();
    }
  });

  it('token fetches: one span with the Maskinporten and exchange calls as children, and a counter by outcome', async () => {
    const key = rsaKey();
    sim.maskinportenDown(1); // the first fetch fails (503), the send's retry fetches again
    const client = await createTestClient(sim, {
      tokenProvider: undefined,
      maskinporten: registerClient(sim, key),
      retry: { retries: 1, delayMs: 10, maxDelayMs: 10 },
    });
    try {
      await client.service.sendInstantSms(smsOrder());
    } finally {
      await client.close();
    }
    const fetches = sdk.spans().filter((s) => s.name === 'altinn.token.fetch');
    expect(fetches.map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
    expect(fetches[0].attributes).toEqual({ 'error.type': 'AltinnAuthError' });
    const [failed, fetched] = fetches.map((s) => sdk.children(s));
    expect(
      failed.map((s) => [s.name, s.attributes['altinn.token.step'], s.attributes['error.type']]),
    ).toEqual([['POST', 'Maskinporten', '503']]);
    expect(fetched.map((s) => [s.name, s.kind, s.attributes['altinn.token.step']])).toEqual([
      ['POST', SpanKind.CLIENT, 'Maskinporten'],
      ['GET', SpanKind.CLIENT, 'Altinn token exchange'],
    ]);
    // Token calls go to a third party: no trace context on them, and their query (none here) is never reported.
    for (const s of [...failed, ...fetched]) expect(String(s.attributes['url.full'])).not.toContain('?');
    const counted = await sdk.points('altinn.token.fetches');
    expect(counted.map((p) => [p.attributes, p.value])).toEqual(
      expect.arrayContaining([
        [{ 'altinn.outcome': 'failure', 'error.type': 'AltinnAuthError' }, 1],
        [{ 'altinn.outcome': 'success' }, 1],
      ]),
    );
    // Fetched on the send path (or at start-up by a prefetch): never the parent of something else.
    const send = sdk.span('altinn.notifications.send');
    for (const f of fetches)
      expect([undefined, send.spanContext().spanId]).toContain(f.parentSpanContext?.spanId);
  });

  it('a scheduled order and its cancel: altinn.notifications.order (channel order) and altinn.notifications.cancel', async () => {
    registerContacts(sim);
    const client = await createTestClient(sim, { retry: false });
    try {
      const order = baseOrder();
      const result = await client.service.sendOrder(order as unknown as NotificationOrder);
      await client.service.cancelOrder(result.notification.shipmentId);
      const sent = sdk.span('altinn.notifications.order');
      expect(sent.attributes).toMatchObject({
        'altinn.channel': 'order',
        'altinn.outcome': 'created',
        'altinn.idempotency_id': order.idempotencyId,
        'altinn.attempts': 1,
      });
      expect(sent.attributes['altinn.recipient.hash']).toMatch(/^[0-9a-f]{16}$/);
      const cancel = sdk.span('altinn.notifications.cancel');
      expect(cancel.kind).toBe(SpanKind.CLIENT);
      expect(sdk.children(cancel).map((s) => [s.name, s.attributes['http.response.status_code']])).toEqual([
        ['PUT', 200],
      ]);
      expect((await sdk.points('altinn.notifications.sends')).map((p) => p.attributes)).toEqual([
        { 'altinn.channel': 'order', 'altinn.outcome': 'created' },
      ]);
    } finally {
      await client.close();
    }
  });

  it('a feed page: one span per page read, the GET without its query', async () => {
    const client = await createTestClient(sim, { retry: false, statusFeed: { startAt: 0, pageSize: 5 } });
    try {
      await client.moduleRef.get(AltinnStatusFeed).poll(() => undefined);
    } finally {
      await client.close();
    }
    const page = sdk.span('altinn.notifications.feed_page');
    const [get] = sdk.children(page);
    expect(get.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200 });
    expect(get.attributes['url.full']).toMatch(/\/notifications\/api\/v1\/future\/shipment\/feed$/);
  });
});
