import { AltinnConfigurationError } from '../../lib/index.js';
import type { AltinnNotificationsQueueOptions } from '../../lib/queue/index.js';
import { resolveQueueOptions } from '../../lib/queue/resolve-queue-options.js';

/** Bad queue options stop the app at start-up with a typed error naming the option, never quoting its value. */
describe('AltinnNotificationsQueueModule options', () => {
  const connection = { host: '127.0.0.1' };
  const bad = (options: Partial<AltinnNotificationsQueueOptions>) => () =>
    resolveQueueOptions({ connection, ...options } as AltinnNotificationsQueueOptions);

  it.each([
    ['connection', { connection: undefined }],
    ['queueName', { queueName: 'a:b' }],
    ['worker.concurrency', { worker: { concurrency: 0 } }],
    ['worker.limiter.max', { worker: { limiter: { duration: 1000 } as never } }],
    ['worker.lockDuration', { worker: { lockDuration: 10 } }],
    ['retry.forMs', { retry: { forMs: -1 } }],
    ['rateLimitDelayMs', { rateLimitDelayMs: 1.5 }],
  ])('refuses a bad %s', (option, options) => {
    const error = (() => {
      try {
        bad(options as Partial<AltinnNotificationsQueueOptions>)();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AltinnConfigurationError);
    expect(error).toMatchObject({ option, source: 'AltinnNotificationsQueueModule' });
  });

  it('fills in the defaults', () => {
    expect(resolveQueueOptions({ connection })).toMatchObject({
      queueName: 'altinn-notifications',
      prefix: 'bull',
      worker: { concurrency: 10, lockDuration: 30_000, maxStalledCount: 3 },
      retry: { forMs: 900_000, delayMs: 1000, maxDelayMs: 60_000 },
      removeOnComplete: { age: 3600, count: 1000 },
    });
    expect(resolveQueueOptions({ connection, worker: false }).worker).toBe(false);
  });
});
