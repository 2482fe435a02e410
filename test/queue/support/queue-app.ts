import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, StaticTokenProvider } from '../../../lib/index.js';
import {
  AltinnNotificationsQueue,
  AltinnNotificationsQueueModule,
  type AltinnNotificationsQueueOptions,
} from '../../../lib/queue/index.js';
import type { AltinnSimulator } from '../../../lib/testing/index.js';

export interface QueueApp {
  queue: AltinnNotificationsQueue;
  moduleRef: TestingModule;
  close(): Promise<void>;
}

/** An app instance in this process: the library against the simulator, and the queue on its own Redis client. */
export async function startQueueApp(
  sim: AltinnSimulator,
  redisUrl: string,
  options: Omit<AltinnNotificationsQueueOptions, 'connection'>,
): Promise<QueueApp> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        tokenProvider: new StaticTokenProvider(await sim.issueToken()),
        logging: false,
        retry: false,
      }),
      AltinnNotificationsQueueModule.forRoot({ connection: redis, ...options }),
    ],
  }).compile();
  await moduleRef.init();
  let closed: Promise<void> | undefined;
  return {
    queue: moduleRef.get(AltinnNotificationsQueue),
    moduleRef,
    // Once: a test may close the app itself before its afterEach does.
    close: () => (closed ??= moduleRef.close().then(async () => void (await redis.quit()))),
  };
}

/** Polls `check` until it holds, or fails after `ms` with what it last saw. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms = 30_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A unique queue name per test, so tests can share one Redis. */
export function queueName(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A valid instant SMS order for a number of the Norwegian mobile range. */
export function sms(n: number, idempotencyId?: string) {
  return {
    kind: 'sms' as const,
    order: {
      ...(idempotencyId && { idempotencyId }),
      recipientSms: {
        phoneNumber: `+479${String(1000000 + n).slice(-7)}`,
        timeToLiveInSeconds: 300,
        smsSettings: { body: `Melding ${n}` },
      },
    },
  };
}
