import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, AltinnNotificationsService, StaticTokenProvider } from '../lib/index.js';
import {
  AltinnNotificationsQueue,
  AltinnNotificationsQueueModule,
  type AltinnNotificationsQueueOptions,
} from '../lib/queue/index.js';
import { runLoad } from './load.js';
import { scheduledOrder } from './queue-order.js';

/**
 * One app instance with the queue, in its own process: the queue bench (bench/queue.ts) runs 1 and 3 of them, and
 * test/queue/worker-processes.spec.ts SIGKILLs one (through test/queue/support/worker-process.ts). Configured by the
 * QUEUE_WORKER environment variable (JSON); says `ready` over IPC once its worker runs; exits when disconnected.
 */
export interface QueueWorkerConfig {
  /** A redis:// URL or a Unix socket path. */
  redis: string;
  baseUrl: string;
  token: string;
  queue: Omit<AltinnNotificationsQueueOptions, 'connection'>;
  /** Forwards every job outcome over IPC (`{ type: 'event', event }`). */
  events?: boolean;
  /** The bench's baseline: on a message, `sends` calls of `sendOrder` at `concurrency`, no queue; then the time. */
  direct?: { sends: number; concurrency: number };
}

const config = JSON.parse(process.env.QUEUE_WORKER ?? '{}') as QueueWorkerConfig;
const redis = new Redis(config.redis, { maxRetriesPerRequest: null });

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      baseUrl: config.baseUrl,
      tokenProvider: new StaticTokenProvider(config.token),
      logging: false,
      // The queue retries; one quick retry inside a send would only hold a worker slot.
      retry: false,
    }),
    AltinnNotificationsQueueModule.forRoot({ connection: redis, ...config.queue }),
  ],
})
class QueueWorkerModule {}

const app = await NestFactory.createApplicationContext(QueueWorkerModule, { logger: ['error'] });
process.on(
  'disconnect',
  () =>
    void app
      .close()
      .then(() => redis.quit())
      .finally(() => process.exit(0)),
);
if (config.events) {
  app.get(AltinnNotificationsQueue).events.subscribe((event) => process.send?.({ type: 'event', event }));
}
process.send?.({ type: 'ready', pid: process.pid });
if (config.direct) {
  const { sends, concurrency } = config.direct;
  const service = app.get(AltinnNotificationsService);
  await new Promise((go) => process.once('message', go));
  const sample = await runLoad(concurrency, sends, () =>
    service.sendOrder(scheduledOrder()).then((r) => r.created),
  );
  process.send?.({ type: 'done', seconds: sample.seconds, failures: sample.failures });
}
