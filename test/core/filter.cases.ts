import { StaticTokenProvider } from '../../lib/index.js';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { startFilterApp, type FilterApp } from '../support/filter-app.js';

describe('AltinnExceptionFilter maps errors to application/problem+json', () => {
  let filterApp: FilterApp;
  let sim: AltinnSimulator;
  let tokenOk = true;

  beforeAll(async () => {
    filterApp = await startFilterApp({
      module: (token) => ({
        timeoutMs: 5000,
        tokenProvider: {
          getToken: async () => {
            if (!tokenOk) throw new Error('maskinporten down');
            return new StaticTokenProvider(token).getToken();
          },
        },
      }),
    });
    sim = filterApp.sim;
  });
  afterAll(() => filterApp.close());
  beforeEach(() => {
    sim.reset();
    tokenOk = true;
  });

  const post = (body?: object) => filterApp.postSms(body);

  it('local validation → 400 with the field errors, nothing sent', async () => {
    const res = await post(
      smsOrder({
        recipientSms: { phoneNumber: '+4712345678', timeToLiveInSeconds: 300, smsSettings: { body: 'x' } },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, errors: [{ path: 'recipientSms.phoneNumber' }] });
    expect(JSON.stringify(res.body)).not.toContain('12345678');
    expect(sim.requests).toHaveLength(0);
  });

  const altinnProblem = (status: number, code: string) => ({
    type: `urn:altinn:error:${code}`,
    title: 'x',
    status,
    code,
    traceId: '00-trace-01',
  });

  it.each([
    [
      'Altinn 400',
      {
        kind: 'status',
        status: 400,
        body: {
          title: 'One or more validation errors occurred.',
          status: 400,
          errors: { IdempotencyId: ['IdempotencyId cannot be null or empty.'] },
          traceId: '00-t-01',
        },
      },
      400,
      undefined,
    ],
    ['Altinn 401', { kind: 'status', status: 401, body: '' }, 502, undefined],
    ['Altinn 403', { kind: 'status', status: 403, body: '' }, 502, undefined],
    [
      'Altinn 422 NOT-00001',
      { kind: 'status', status: 422, body: altinnProblem(422, 'NOT-00001') },
      422,
      undefined,
    ],
    [
      'Altinn 499 NOT-00002',
      { kind: 'status', status: 499, body: altinnProblem(499, 'NOT-00002') },
      503,
      undefined,
    ],
    [
      'Altinn 503 NOT-00004',
      { kind: 'status', status: 503, body: altinnProblem(503, 'NOT-00004') },
      503,
      undefined,
    ],
    ['Altinn 429 Retry-After', { kind: 'retryAfter', status: 429, seconds: 30 }, 503, '30'],
    [
      'Altinn 500 HTML',
      { kind: 'status', status: 500, body: '<html>oops</html>', contentType: 'text/html' },
      502,
      undefined,
    ],
    ['Altinn 502 empty', { kind: 'status', status: 502, body: '' }, 502, undefined],
    ['connection reset', { kind: 'reset' }, 502, undefined],
  ])('%s → %s', async (_name, fault, status, retryAfter) => {
    sim.inject(fault as never, { times: 5 });
    const res = await post();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(status);
    expect(res.headers['retry-after']).toBe(retryAfter);
  });

  it('keeps Altinn code and traceId in the problem', async () => {
    sim.inject({ kind: 'status', status: 503, body: altinnProblem(503, 'NOT-00004') }, { times: 5 });
    const res = await post();
    expect(res.body).toMatchObject({
      type: 'urn:altinn:error:NOT-00004',
      code: 'NOT-00004',
      traceId: '00-trace-01',
    });
  });

  it('Altinn 400 keeps its field errors', async () => {
    sim.inject({
      kind: 'status',
      status: 400,
      body: {
        status: 400,
        errors: {
          'RecipientSms.TimeToLiveInSeconds': [
            'Time-to-live must be between 60 and 172800 seconds (48 hours).',
          ],
        },
      },
    });
    const res = await post();
    expect(res.body.errors).toEqual([
      {
        path: 'RecipientSms.TimeToLiveInSeconds',
        message: 'Time-to-live must be between 60 and 172800 seconds (48 hours).',
      },
    ]);
  });

  it('AltinnAuthError → 502, never 401 to the end user', async () => {
    tokenOk = false;
    const res = await post();
    expect(res.status).toBe(502);
    expect(JSON.stringify(res.body)).not.toContain('maskinporten down');
  });

  it('timeout → 504', async () => {
    sim.inject({ kind: 'hang' }, { times: 5 });
    const res = await post();
    expect(res.status).toBe(504);
  }, 20_000);
});
