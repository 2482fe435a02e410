import { Body, Controller, Post, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AltinnExceptionFilter,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { smsOrder } from '../support/altinn-client.js';

@Controller()
class SendController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Post('sms')
  send(@Body() body: Record<string, unknown>) {
    return this.altinn.sendInstantSms(body as never);
  }
}

describe('AltinnExceptionFilter maps errors to application/problem+json', () => {
  let sim: AltinnSimulator;
  let app: INestApplication;
  let tokenOk = true;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    const token = await sim.issueToken();
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          timeoutMs: 5000,
          retry: false,
          tokenProvider: {
            getToken: async () => {
              if (!tokenOk) throw new Error('maskinporten down');
              return new StaticTokenProvider(token).getToken();
            },
          },
          logging: { logger: new CaptureLogger() },
        }),
      ],
      controllers: [SendController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)));
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    tokenOk = true;
  });

  const post = (body: object = smsOrder()) => request(app.getHttpServer()).post('/sms').send(body);

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
