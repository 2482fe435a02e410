import { Catch, Controller, Get, type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import request from 'supertest';
import { AltinnExceptionFilter, AltinnValidationError } from '../../lib/index.js';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { smsOrder } from '../support/altinn-client.js';
import { startFilterApp, type FilterApp, type FilterRegistration } from '../support/filter-app.js';

const MISMATCH = "Content-Type doesn't match Reply body";

class ControlError extends Error {}

/** The mistake Nest warns about, to show the warning would be seen: an object sent as text/plain. */
@Catch(ControlError)
class PlainTextFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(_e: ControlError, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<unknown>();
    this.adapterHost.httpAdapter.setHeader(response, 'Content-Type', 'text/plain');
    this.adapterHost.httpAdapter.reply(response, { message: 'x' }, 418);
  }
}

@Controller()
class ControlController {
  @Get('control')
  control() {
    throw new ControlError();
  }
}

/**
 * Nest 11's Express adapter, as far as this test needs it: its `reply()` counts only `application/json…` as JSON and
 * replaces any other type of an object error body, with a warning (`@nestjs/platform-express` 11.2.10,
 * `adapters/express-adapter.js`). Nest 12 also accepts `+json`. A real Nest 11 app is checked by `.ci/packaging`.
 */
class Nest11ExpressAdapter extends ExpressAdapter {
  private readonly nest11Logger = new Logger('ExpressAdapter');

  override reply(response: unknown, body: unknown, statusCode?: number) {
    const res = response as { getHeader(n: string): unknown; setHeader(n: string, v: string): void };
    const type = res.getHeader('Content-Type');
    const isObject = typeof body === 'object' && body !== null;
    if (
      typeof type === 'string' &&
      !type.startsWith('application/json') &&
      isObject &&
      (statusCode ?? 0) >= 400
    ) {
      this.nest11Logger.warn(
        "Content-Type doesn't match Reply body, you might need a custom ExceptionFilter for non-JSON responses",
      );
      res.setHeader('Content-Type', 'application/json');
    }
    return super.reply(response, body, statusCode);
  }
}

const PLATFORMS = {
  express: () => 'express' as const,
  'express as in Nest 11': () => new Nest11ExpressAdapter(),
  fastify: () => 'fastify' as const,
};
const CASES = (Object.keys(PLATFORMS) as Array<keyof typeof PLATFORMS>).flatMap((platform) =>
  (['APP_FILTER', 'useGlobalFilters(adapter host)', 'useGlobalFilters()'] as FilterRegistration[]).map(
    (registration) => [platform, registration] as const,
  ),
);

describe.each(CASES)('AltinnExceptionFilter on %s, registered with %s', (platform, registration) => {
  let filterApp: FilterApp;
  let sim: AltinnSimulator;
  const logger = new CaptureLogger();

  beforeAll(async () => {
    filterApp = await startFilterApp({
      platform: PLATFORMS[platform](),
      registration,
      controllers: [ControlController],
      providers: [{ provide: APP_FILTER, useClass: PlainTextFilter }],
      logger,
    });
    sim = filterApp.sim;
  });
  afterAll(() => filterApp.close());
  beforeEach(() => {
    sim.reset();
    logger.lines.length = 0;
  });

  it('a local validation error: 400 application/problem+json, no warning', async () => {
    const res = await filterApp.postSms(
      smsOrder({
        recipientSms: { phoneNumber: 'x', timeToLiveInSeconds: 300, smsSettings: { body: 'x' } },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({
      status: 400,
      errors: [{ path: 'recipientSms.phoneNumber' }],
    });
    expect(logger.text).not.toContain(MISMATCH);
  });

  it('Altinn 429 with Retry-After: 503 application/problem+json with Retry-After, no warning', async () => {
    sim.inject({ kind: 'retryAfter', status: 429, seconds: 12 });
    const res = await filterApp.postSms();
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('12');
    expect(JSON.parse(res.text)).toMatchObject({ status: 503, title: 'Altinn is temporarily unavailable' });
    expect(logger.text).not.toContain(MISMATCH);
  });

  it('(control) the logger does see Nest’s warning when a filter gets it wrong', async () => {
    await request(filterApp.app.getHttpServer()).get('/control');
    expect(logger.text).toContain(MISMATCH);
  });
});

describe('AltinnExceptionFilter outside HTTP', () => {
  it.each(['rpc', 'ws'])('passes the error on untouched in a %s context', (type) => {
    const error = new AltinnValidationError([{ path: 'x', message: 'is required' }]);
    const host = {
      getType: () => type,
      switchToHttp: () => {
        throw new Error('not an HTTP context');
      },
    } as unknown as ArgumentsHost;
    expect(() => new AltinnExceptionFilter().catch(error, host)).toThrow(error);
  });
});
