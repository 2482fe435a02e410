import { Body, Controller, HttpCode, Post, ValidationPipe, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AltinnValidationError,
  InstantEmailOrderDto,
  InstantSmsOrderDto,
  StaticTokenProvider,
  AltinnNotificationsModule,
  AltinnNotificationsService,
} from '../../lib/index.js';
import { CaptureLogger } from '../support/capture-logger.js';

@Controller()
class OrdersController {
  @Post('sms')
  @HttpCode(204)
  sms(@Body() _order: InstantSmsOrderDto) {}

  @Post('email')
  @HttpCode(204)
  email(@Body() _order: InstantEmailOrderDto) {}
}

const PHONE_RULE =
  'must be a valid phone number in international format, starting with + or 00 and the country code';

describe("validation messages name the field, as Nest's ValidationPipe shows them", () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [OrdersController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(new ValidationPipe());
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const post = async (path: string, body: object) => {
    const res = await request(app.getHttpServer()).post(path).send(body);
    expect(res.status).toBe(400);
    return (res.body as { message: string[] }).message;
  };

  it('nested fields carry their full path', async () => {
    const messages = await post('/sms', {
      idempotencyId: 'a',
      recipientSms: {
        phoneNumber: '12345',
        timeToLiveInSeconds: 10,
        smsSettings: { body: ' ', sender: 'x'.repeat(12) },
      },
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        `recipientSms.phoneNumber ${PHONE_RULE}`,
        'recipientSms.timeToLiveInSeconds must be at least 60 seconds',
        'recipientSms.smsSettings.body must be a non-blank string',
        'recipientSms.smsSettings.sender must be at most 11 characters',
      ]),
    );
  });

  it('a missing object, a blank id and a bad content type name themselves', async () => {
    expect(await post('/sms', { idempotencyId: ' ' })).toEqual(
      expect.arrayContaining(['recipientSms is required', 'idempotencyId must be a non-blank string']),
    );
    expect(
      await post('/email', {
        recipientEmail: {
          emailAddress: 'nope',
          emailSettings: { subject: 's', body: 'b', contentType: 'Markdown' },
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        'recipientEmail.emailAddress must be an email address Altinn accepts',
        'recipientEmail.emailSettings.contentType must be Plain or Html',
      ]),
    );
  });

  it('every message starts with the field it is about', async () => {
    const messages = await post('/sms', { recipientSms: { smsSettings: {} } });
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/^recipientSms(\.[A-Za-z]+)* (is|must) /);
  });
});

describe('AltinnValidationError keeps the path and the message apart', () => {
  it('without the field name twice', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: 'http://127.0.0.1:9',
          tokenProvider: new StaticTokenProvider('t'),
          logging: { logger: new CaptureLogger() },
        }),
      ],
    }).compile();
    const service = moduleRef.get(AltinnNotificationsService);
    const err = await service
      .sendInstantSms({
        idempotencyId: ' ',
        recipientSms: { phoneNumber: '12345', timeToLiveInSeconds: 60, smsSettings: { body: 'x' } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AltinnValidationError);
    expect((err as AltinnValidationError).errors).toEqual(
      expect.arrayContaining([
        { path: 'idempotencyId', message: 'must be a non-blank string' },
        { path: 'recipientSms.phoneNumber', message: PHONE_RULE },
      ]),
    );
    const missing = await service.sendInstantSms({} as never).catch((e: unknown) => e);
    expect((missing as AltinnValidationError).errors).toEqual([
      { path: 'recipientSms', message: 'is required' },
    ]);
    await moduleRef.close();
  });
});
