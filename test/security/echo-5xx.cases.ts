import { Body, Controller, Post, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  AltinnApiError,
  AltinnExceptionFilter,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
} from '../../lib/index.js';
import { asciiJson, excerptIn, startEchoProxy, type EchoedRequest } from '../faults/echo-proxy.js';
import { renderError } from '../faults/leak-check.js';
import { CaptureLogger } from '../support/capture-logger.js';

// Attack: a proxy or WAF in front of Altinn answers 502 and quotes the request, so the live one-time code would
// reach whoever called the app. Neither the error nor the filter's answer may carry any of it, in any form.
const CODE = '750557';
const PHONE = '+4791234567';
const SMS_BODY = `Din engangskode er: ${CODE}\n\nKoden utløper om 5 minutter. Ikke del den med "noen".`;
const TOKEN = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(48).toString('base64url')}.${randomBytes(64).toString('base64url')}`;

const excerpt = (raw: string) => JSON.parse(raw).recipientSms.smsSettings.body.slice(8, 48) as string;
const QUOTES: Array<[string, (r: EchoedRequest) => string]> = [
  ['the raw request (JSON, \\n escapes)', (r) => `Upstream rejected ${r.raw}`],
  ['the request JSON-escaped again', (r) => `Upstream rejected ${JSON.stringify(r.raw)}`],
  ['the request as ASCII JSON (\\u00f8)', (r) => `Upstream rejected ${asciiJson(JSON.parse(r.raw))}`],
  ['a 40-character excerpt', (r) => `near "${excerpt(r.raw)}"`],
  ['the code and the number alone', () => `code=${CODE};to=0047${PHONE.slice(3)}`],
  ['the Authorization header', (r) => `Authorization: ${r.authorization}`],
];

@Controller()
class OtpController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Post('otp')
  send(@Body() body: { phoneNumber: string }) {
    return this.altinn.sendInstantSms({
      recipientSms: {
        phoneNumber: body.phoneNumber,
        timeToLiveInSeconds: 300,
        smsSettings: { body: SMS_BODY },
      },
    });
  }
}

describe('a 5xx that quotes the request leaks nothing of it', () => {
  let quote: (r: EchoedRequest) => string = () => '';
  let proxy: Awaited<ReturnType<typeof startEchoProxy>>;
  let app: INestApplication;

  beforeAll(async () => {
    proxy = await startEchoProxy((r) => {
      const text = quote(r);
      return {
        status: 502,
        body: { title: text, detail: text, traceId: '00-echo-01', errors: { [text]: [text] } },
      };
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: proxy.baseUrl,
          tokenProvider: new StaticTokenProvider(TOKEN),
          retry: false,
          logging: { logger: new CaptureLogger() },
        }),
      ],
      controllers: [OtpController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)));
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await proxy.close();
  });

  const leaks = (text: string) =>
    [
      text.includes(CODE) && 'code',
      text.includes(PHONE.slice(3)) && 'phone',
      excerptIn(text, SMS_BODY, 12) !== undefined && 'body',
      excerptIn(text, TOKEN, 12) !== undefined && 'token',
    ].filter(Boolean);

  it.each(QUOTES)('%s: not in AltinnApiError, in any rendering', async (_name, how) => {
    quote = how;
    const service = app.get(AltinnNotificationsService);
    const error = await service
      .sendInstantSms({
        recipientSms: { phoneNumber: PHONE, timeToLiveInSeconds: 300, smsSettings: { body: SMS_BODY } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnApiError);
    expect(error).toMatchObject({ status: 502, traceId: '00-echo-01' });
    const e = error as AltinnApiError;
    const text = [renderError(e), e.message, e.title, e.detail, JSON.stringify(e.errors)].join('\n');
    expect(leaks(text)).toEqual([]);
    expect(e.title).toContain('[redacted]'); // the text is kept, its quote cut
  });

  it.each(QUOTES)('%s: not in the filter’s answer, which carries no server text', async (_name, how) => {
    quote = how;
    const res = await request(app.getHttpServer()).post('/otp').send({ phoneNumber: PHONE });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Altinn returned an error',
      status: 502,
      traceId: '00-echo-01',
    });
    expect(leaks(res.text)).toEqual([]);
  });
});
