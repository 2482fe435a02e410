import type { KeepJobs } from 'bullmq';
import { checkName } from '../altinn-notifications.decorators.js';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import type { AltinnNotificationsQueueOptions } from './queue.interfaces.js';

/** @internal The queue's options with every default filled in, checked once at start-up. */
export interface ResolvedQueueOptions {
  connection: AltinnNotificationsQueueOptions['connection'];
  queueName: string;
  prefix: string;
  notifications?: string;
  worker:
    | false
    | {
        concurrency: number;
        limiter?: { max: number; duration: number };
        lockDuration: number;
        stalledInterval: number;
        maxStalledCount: number;
      };
  retry: { forMs: number; delayMs: number; maxDelayMs: number };
  rateLimitDelayMs: number;
  removeOnComplete: KeepJobs | boolean;
  removeOnFail: KeepJobs | boolean;
}

const SOURCE = 'AltinnNotificationsQueueModule';

function fail(option: string, problem: string): never {
  throw new AltinnConfigurationError(option, problem, SOURCE);
}

function count(option: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    return fail(option, `must be an integer ≥ ${min}`);
  }
  return value;
}

/** @internal */
export function resolveQueueOptions(options: AltinnNotificationsQueueOptions): ResolvedQueueOptions {
  if (!options || typeof options !== 'object') return fail('options', 'must be an object');
  if (!options.connection || typeof options.connection !== 'object') {
    fail('connection', 'must be an ioredis client or Redis connection options');
  }
  const queueName = options.queueName ?? 'altinn-notifications';
  // BullMQ refuses ':' in a queue name; the rest keeps Redis keys readable.
  if (typeof queueName !== 'string' || !/^[\w.-]{1,64}$/.test(queueName)) {
    fail('queueName', "must be 1–64 letters, digits, '.', '_' or '-'");
  }
  const prefix = options.prefix ?? 'bull';
  if (typeof prefix !== 'string' || !/^[\w.:{}-]{1,64}$/.test(prefix)) {
    fail('prefix', "must be 1–64 letters, digits, '.', ':', '{', '}', '_' or '-'");
  }
  if (options.notifications !== undefined) checkName(options.notifications);
  const w = options.worker ?? {};
  const limiter = w === false ? undefined : w.limiter;
  if (limiter !== undefined) {
    count('worker.limiter.max', limiter?.max ?? null, 1);
    count('worker.limiter.duration', limiter?.duration ?? null, 1);
  }
  const retry = options.retry ?? {};
  return {
    connection: options.connection,
    queueName,
    prefix,
    notifications: options.notifications,
    worker:
      w === false
        ? false
        : {
            concurrency: count('worker.concurrency', w.concurrency, 10),
            limiter,
            lockDuration: count('worker.lockDuration', w.lockDuration, 30_000, 1000),
            stalledInterval: count('worker.stalledInterval', w.stalledInterval, 30_000, 1000),
            maxStalledCount: count('worker.maxStalledCount', w.maxStalledCount, 3, 0),
          },
    retry: {
      forMs: count('retry.forMs', retry.forMs, 15 * 60_000, 0),
      delayMs: count('retry.delayMs', retry.delayMs, 1000),
      maxDelayMs: count('retry.maxDelayMs', retry.maxDelayMs, 60_000),
    },
    rateLimitDelayMs: count('rateLimitDelayMs', options.rateLimitDelayMs, 1000),
    removeOnComplete: options.removeOnComplete ?? { age: 3600, count: 1000 },
    removeOnFail: options.removeOnFail ?? { age: 7 * 24 * 3600 },
  };
}
