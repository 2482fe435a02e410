import 'reflect-metadata';
import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { AxiosError, CanceledError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { CaptureLogger } from '../support/capture-logger.js';

// The module with a stub axios adapter in place of the network, for the time rules of retries, timeouts and the
// deadline on Jest's fake timers (the guide allows a stub transport for logic about time, and only for that).
// The same rules over real HTTP are in timeouts.cases.ts and the fault matrix.

/** What the stub answers one attempt with. */
export type StubAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** No answer: like axios' http adapter, ETIMEDOUT after the attempt's `timeout`, or canceled on abort. */
  | 'hang'
  /** A body that never ends but never pauses long enough for the attempt's timeout: only an abort ends it. */
  | 'trickle';

/** One attempt as the transport saw it. */
export interface StubAttempt {
  /** `Date.now()` (the fake clock) when the attempt started. */
  at: number;
  /** The attempt's timeout as handed to axios. */
  timeout: number;
  idempotencyId?: string;
}

export interface StubClient {
  service: AltinnNotificationsService;
  attempts: StubAttempt[];
  logger: CaptureLogger;
  /** The answers for the next attempts, in order; once used up, every attempt is created (201). */
  answer(...answers: StubAnswer[]): void;
  close(): Promise<void>;
}

const CREATED = {
  status: 201,
  body: { notificationOrderId: 'order-1', notification: { shipmentId: 'shipment-1' } },
};

/** The module against the stub transport (no simulator, no socket). Create it before `jest.useFakeTimers()`. */
export async function stubClient(
  options: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<StubClient> {
  const logger = new CaptureLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: 'http://127.0.0.1:9', // never dialled: the adapter below answers
        tokenProvider: new StaticTokenProvider('stub-token'),
        logging: { logger },
        ...options,
      }),
    ],
  }).compile();
  await moduleRef.init();
  const attempts: StubAttempt[] = [];
  const queue: StubAnswer[] = [];
  moduleRef.get(HttpService, { strict: false }).axiosRef.defaults.adapter = (config) => {
    const body =
      typeof config.data === 'string' ? (JSON.parse(config.data) as { idempotencyId?: string }) : {};
    attempts.push({ at: Date.now(), timeout: config.timeout ?? 0, idempotencyId: body.idempotencyId });
    const answer = queue.shift() ?? CREATED;
    if (answer === 'hang' || answer === 'trickle') return unanswered(config, answer === 'hang');
    return Promise.resolve(respond(config, answer));
  };
  return {
    service: moduleRef.get(AltinnNotificationsService),
    attempts,
    logger,
    answer: (...answers) => void queue.push(...answers),
    close: () => moduleRef.close(),
  };
}

function respond(config: InternalAxiosRequestConfig, answer: Exclude<StubAnswer, string>): AxiosResponse {
  const data = answer.body === undefined ? '' : JSON.stringify(answer.body);
  const headers = { 'content-type': 'application/json', ...answer.headers };
  return { status: answer.status, statusText: '', headers, data, config };
}

function unanswered(config: InternalAxiosRequestConfig, timesOut: boolean): Promise<never> {
  return new Promise((_resolve, reject) => {
    const timer = timesOut
      ? setTimeout(() => {
          config.signal?.removeEventListener?.('abort', onAbort);
          reject(new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ETIMEDOUT, config));
        }, config.timeout)
      : undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CanceledError(undefined, undefined, config));
    };
    if (config.signal?.aborted) onAbort();
    else config.signal?.addEventListener?.('abort', onAbort);
  });
}
