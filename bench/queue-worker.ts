import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, AltinnNotificationsService, StaticTokenProvider } from '../lib/index.js';
import { AltinnNotificationsQueueModule } from '../lib/queue/index.js';
import { runLoad } from './load.js';
import { scheduledOrder } from './queue-order.js';

/**
 * One app instance for the queue bench (bench/queue.ts), in its own process. `worker`: a queue worker that runs
 * until disconnected. `direct`: the baseline, `sends` calls of `sendOrder` at `concurrency`, then the wall time.
 */
interface Config {
  mode: 'worker' | 'direct';
  redisPath: string;
  baseUrl: string;
  token: string;
  queueName: string;
  concurrency: number;
  sends?: number;
}

const config = JSON.parse(process.env.QUEUE_BENCH ?? '{}') as Config;
const redis = new Redis({ path: config.redisPath, maxRetriesPerRequest: null });

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      baseUrl: config.baseUrl,
      tokenProvider: new StaticTokenProvider(config.token),
      logging: false,
      retry: false,
    }),
    AltinnNotificationsQueueModule.forRoot({
      connection: redis,
      queueName: config.queueName,
      worker: config.mode === 'worker' && { concurrency: config.concurrency },
    }),
  ],
})
class BenchQueueModule {}

const app = await NestFactory.createApplicationContext(BenchQueueModule, { logger: false });
process.on(
  'disconnect',
  () =>
    void app
      .close()
      .then(() => redis.quit())
      .finally(() => process.exit(0)),
);
if (config.mode === 'direct') {
  const service = app.get(AltinnNotificationsService);
  process.send?.({ type: 'ready' });
  await new Promise((go) => process.once('message', go));
  const sample = await runLoad(config.concurrency, config.sends ?? 0, () =>
    service.sendOrder(scheduledOrder()).then((r) => r.created),
  );
  process.send?.({ type: 'done', seconds: sample.seconds, failures: sample.failures });
} else {
  process.send?.({ type: 'ready' });
}
