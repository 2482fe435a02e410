import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, StaticTokenProvider } from '../../../lib/index.js';
import {
  AltinnNotificationsQueue,
  AltinnNotificationsQueueModule,
  type AltinnQueueWorkerOptions,
} from '../../../lib/queue/index.js';

/**
 * One app instance with a queue worker, as a separate process (so a test can SIGKILL it). Configured by the
 * QUEUE_CHILD environment variable (JSON); says `ready` over IPC once its worker runs, then forwards job outcomes.
 */
interface ChildConfig {
  redisUrl: string;
  baseUrl: string;
  token: string;
  queueName: string;
  prefix: string;
  worker: AltinnQueueWorkerOptions;
  retry?: { forMs?: number; delayMs?: number; maxDelayMs?: number };
}

const config = JSON.parse(process.env.QUEUE_CHILD ?? '{}') as ChildConfig;
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      baseUrl: config.baseUrl,
      tokenProvider: new StaticTokenProvider(config.token),
      logging: false,
      // The queue retries; one quick retry inside a send would only hold a worker slot.
      retry: false,
    }),
    AltinnNotificationsQueueModule.forRoot({
      connection: redis,
      queueName: config.queueName,
      prefix: config.prefix,
      worker: config.worker,
      retry: config.retry,
    }),
  ],
})
class ChildModule {}

const app = await NestFactory.createApplicationContext(ChildModule, { logger: ['error'] });
app.get(AltinnNotificationsQueue).events.subscribe((event) => process.send?.({ type: 'event', event }));
process.send?.({ type: 'ready', pid: process.pid });
process.on(
  'disconnect',
  () =>
    void app
      .close()
      .then(() => redis.quit())
      .finally(() => process.exit(0)),
);
