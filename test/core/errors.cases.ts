import { AltinnApiError, AltinnAuthError, type AltinnTokenProvider } from '../../lib/index.js';
import { createTestClient, useTestClient, smsOrder, type TestClient } from '../support/altinn-client.js';

async function failure(client: TestClient): Promise<AltinnApiError> {
  const error = await client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AltinnApiError);
  return error as AltinnApiError;
}

describe('parsing every error shape Altinn sends', () => {
  // Retries are the resilience suite's subject; here each fault must surface as it is.
  const ctx = useTestClient({ retry: false });

  it('ASP.NET ValidationProblemDetails (400): field errors flattened, traceId kept, no code', async () => {
    ctx.sim.inject({
      kind: 'status',
      status: 400,
      contentType: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { 'RecipientSms.PhoneNumber': ['Recipient phone number is not a valid mobile number.'] },
        traceId: '00-abc-def-01',
      },
    });
    const e = await failure(ctx.client);
    expect(e).toMatchObject({ status: 400, code: undefined, traceId: '00-abc-def-01', retryable: false });
    expect(e.errors).toEqual([
      { path: 'RecipientSms.PhoneNumber', message: 'Recipient phone number is not a valid mobile number.' },
    ]);
  });

  it('Altinn problem details v5 (503 NOT-00004): code, title, retryable', async () => {
    ctx.sim.inject({
      kind: 'status',
      status: 503,
      body: {
        type: 'urn:altinn:error:NOT-00004',
        title: 'A temporary network failure occurred',
        status: 503,
        code: 'NOT-00004',
        traceId: '00-111-222-01',
      },
    });
    const e = await failure(ctx.client);
    expect(e).toMatchObject({
      status: 503,
      code: 'NOT-00004',
      title: 'A temporary network failure occurred',
      traceId: '00-111-222-01',
      retryable: true,
    });
  });

  it('the older shape: errorCode and the message in detail', async () => {
    ctx.sim.inject({
      kind: 'status',
      status: 422,
      body: { errorCode: 'NOT-00001', detail: 'Missing contact information' },
    });
    const e = await failure(ctx.client);
    expect(e).toMatchObject({
      status: 422,
      code: 'NOT-00001',
      detail: 'Missing contact information',
      retryable: false,
    });
  });

  it.each([
    ['empty 500', 500, '', 'text/plain'],
    ['HTML 500', 500, '<html><body><h1>Server Error</h1></body></html>', 'text/html'],
    ['malformed JSON 502', 502, '{"title": "broken', 'application/json'],
    ['JSON array 500', 500, '[1,2]', 'application/json'],
  ])('%s gives a bare AltinnApiError with the status', async (_name, status, body, contentType) => {
    ctx.sim.inject({ kind: 'status', status, body, contentType });
    const e = await failure(ctx.client);
    expect(e).toMatchObject({ status, code: undefined, title: undefined, errors: [], retryable: true });
  });

  it('server text is one line of at most 300 characters: control characters cannot forge a log line', async () => {
    ctx.sim.inject({
      kind: 'status',
      status: 503,
      body: {
        code: 'NOT-00004',
        title: `Failed\r\n[Nest] 1 - ERROR forged line\u2028more ${'x'.repeat(5000)}`,
        detail: '\u0000\u001b[31m',
      },
    });
    const e = await failure(ctx.client);
    expect(e.title).toMatch(/^Failed \[Nest\] 1 - ERROR forged line more x+$/);
    expect(e.title).toHaveLength(300);
    expect(e.detail).toBe('[31m');
    expect(e.message).not.toMatch(/[\r\n\u2028]/);
  });

  it('429 with Retry-After exposes retryAfterSeconds', async () => {
    ctx.sim.inject({ kind: 'retryAfter', status: 429, seconds: 7 });
    expect(await failure(ctx.client)).toMatchObject({ status: 429, retryAfterSeconds: 7, retryable: true });
  });

  it('a real 401 from an expired token (StaticTokenProvider cannot refresh)', async () => {
    const expired = await createTestClient(ctx.sim, {
      tokenProvider: { getToken: () => ctx.sim.issueToken({ expiresInSeconds: -5 }) },
    });
    const e = await failure(expired);
    expect(e).toMatchObject({ status: 401, retryable: false });
    await expired.close();
  });

  it('a real 403 from a token without the notifications scope, and one without the org claim', async () => {
    for (const claims of [{ scope: 'altinn:serviceowner/instances.read' }, { org: null }]) {
      const token = await ctx.sim.issueToken(claims);
      const c = await createTestClient(ctx.sim, { tokenProvider: { getToken: async () => token } });
      expect(await failure(c)).toMatchObject({ status: 403 });
      await c.close();
    }
  });

  it('a real 401 leads to one invalidate() and one resend when the provider can refresh', async () => {
    let calls = 0;
    let invalidated = 0;
    const good = await ctx.sim.issueToken();
    const provider: AltinnTokenProvider = {
      getToken: async () => (calls++ === 0 ? ctx.sim.issueToken({ expiresInSeconds: -5 }) : good),
      invalidate: () => {
        invalidated++;
      },
    };
    const c = await createTestClient(ctx.sim, { tokenProvider: provider });
    const order = smsOrder();
    await expect(c.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
    expect(invalidated).toBe(1);
    expect(ctx.sim.requests.map((r) => [r.status, r.idempotencyId])).toEqual([
      [401, order.idempotencyId],
      [201, order.idempotencyId],
    ]);
    await c.close();
  });

  it('a failing token provider becomes AltinnAuthError without its message, and nothing is sent', async () => {
    const c = await createTestClient(ctx.sim, {
      tokenProvider: { getToken: () => Promise.reject(new Error('secret-key-material')) },
    });
    const error = await c.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(String(error) + JSON.stringify(error)).not.toContain('secret-key-material');
    expect(ctx.sim.requests).toHaveLength(0);
    await c.close();
  });
});
