import {
  Body,
  Controller,
  Post,
  type INestApplication,
  type LoggerService,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost, type AbstractHttpAdapter } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AltinnExceptionFilter,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from './capture-logger.js';
import { smsOrder } from './altinn-client.js';

/** `POST /sms`: the caller's body straight to `sendInstantSms`, so every error reaches the filter. */
@Controller()
export class SendController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Post('sms')
  send(@Body() body: Record<string, unknown>) {
    return this.altinn.sendInstantSms(body as never);
  }
}

/** The three ways docs/reliability.md shows to put the filter in front of an app. */
export type FilterRegistration = 'APP_FILTER' | 'useGlobalFilters(adapter host)' | 'useGlobalFilters()';

export interface FilterAppOptions {
  /** 'express' (the default), 'fastify' (loaded only then), or an adapter of the test's own. */
  platform?: 'express' | 'fastify' | AbstractHttpAdapter;
  /** Default: `useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)))`, as the README shows. */
  registration?: FilterRegistration;
  /** Module options over the defaults (the simulator, a static token of it, no retry, a capture logger). */
  module?: (token: string) => Partial<AltinnNotificationsModuleOptions>;
  /** Besides SendController. */
  controllers?: Type[];
  providers?: Provider[];
  /** Nest's own logger; default none. */
  logger?: LoggerService | false;
}

export interface FilterApp {
  sim: AltinnSimulator;
  app: INestApplication;
  /** The simulator's token the module sends with. */
  token: string;
  /** `POST /sms` through the filter (default body: a valid SMS order). */
  postSms(body?: object): request.Test;
  close(): Promise<void>;
}

/** A simulator, and a Nest app with AltinnExceptionFilter that sends to it over loopback. */
export async function startFilterApp(options: FilterAppOptions = {}): Promise<FilterApp> {
  const { registration = 'useGlobalFilters(adapter host)' } = options;
  const sim = await AltinnSimulator.start();
  const token = await sim.issueToken();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        tokenProvider: new StaticTokenProvider(token),
        retry: false,
        logging: { logger: new CaptureLogger() },
        ...options.module?.(token),
      }),
    ],
    controllers: [SendController, ...(options.controllers ?? [])],
    providers: [
      ...(options.providers ?? []),
      ...(registration === 'APP_FILTER' ? [{ provide: APP_FILTER, useClass: AltinnExceptionFilter }] : []),
    ],
  }).compile();
  const adapter =
    options.platform === 'fastify'
      ? new (await import('@nestjs/platform-fastify')).FastifyAdapter()
      : options.platform === 'express'
        ? undefined
        : options.platform;
  const nestOptions = { logger: options.logger ?? false };
  const app = adapter
    ? moduleRef.createNestApplication(adapter, nestOptions)
    : moduleRef.createNestApplication(nestOptions);
  if (registration === 'useGlobalFilters(adapter host)') {
    app.useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)));
  } else if (registration === 'useGlobalFilters()') {
    app.useGlobalFilters(new AltinnExceptionFilter());
  }
  await app.init();
  if (app.getHttpAdapter().getType() === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return {
    sim,
    app,
    token,
    postSms: (body = smsOrder()) => request(app.getHttpServer()).post('/sms').send(body),
    async close() {
      await app.close();
      await sim.close();
    },
  };
}
