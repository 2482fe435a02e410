import { Logger } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import type { AltinnNotificationsService } from '../altinn-notifications.service.js';
import { serverText } from '../errors/server-text.js';
import { fullJitterDelay } from '../http/retry.policy.js';
import type { BullMq } from './bullmq.loader.js';
import { classify, failureLine, slowDownMs, toFailure } from './queue.errors.js';
import type { AltinnQueueEvent, AltinnQueueFailure } from './queue.interfaces.js';
import type { QueueJobData, QueueJobResult } from './queue-job.js';
import type { ResolvedQueueOptions } from './resolve-queue-options.js';

type QueueJob = Job<QueueJobData, QueueJobResult>;

/** The failure an event reports, carried on the error BullMQ receives. */
const FAILURE = Symbol('altinnQueueFailure');
type Tagged = Error & { [FAILURE]?: AltinnQueueFailure };

/** BullMQ checks a manual rate limit only against a limiter; without the user's, one that never binds. */
const NO_LIMIT = { max: 1_000_000_000, duration: 1000 };

/** @internal This instance's worker: sends each job through the service and turns failures into queue outcomes. */
export function startWorker(
  bull: BullMq,
  queue: Queue<QueueJobData, QueueJobResult>,
  options: ResolvedQueueOptions,
  notifications: AltinnNotificationsService,
  emit: (event: AltinnQueueEvent) => void,
): Worker<QueueJobData, QueueJobResult> {
  const settings = options.worker || undefined;
  const { retry, rateLimitDelayMs } = options;
  const logger = new Logger('AltinnNotificationsQueue');

  const fail = (error: Error, failure: AltinnQueueFailure): Tagged =>
    Object.assign(error, { [FAILURE]: failure });

  async function process(job: QueueJob): Promise<QueueJobResult> {
    try {
      return await send(notifications, job.data);
    } catch (err) {
      const kind = classify(err);
      if (kind === 'permanent') {
        const failure = toFailure(err, 'permanent');
        throw fail(new bull.UnrecoverableError(failureLine(failure)), failure);
      }
      const firstFailedAt = job.data.firstFailedAt ?? Date.now();
      if (Date.now() - firstFailedAt >= retry.forMs) {
        const failure = toFailure(err, 'exhausted');
        throw fail(new bull.UnrecoverableError(failureLine(failure)), failure);
      }
      // Kept in Redis so the time budget holds across instances and restarts.
      if (job.data.firstFailedAt === undefined) await job.updateData({ ...job.data, firstFailedAt });
      if (kind === 'slowDown') {
        // Every worker on every instance pauses, then the limiter lets them speed up again; no attempt is used.
        await queue.rateLimit(slowDownMs(err, rateLimitDelayMs));
        throw new bull.RateLimitError();
      }
      const failure = toFailure(err, 'transient');
      throw fail(new Error(failureLine(failure)), failure);
    }
  }

  const worker = new bull.Worker<QueueJobData, QueueJobResult>(options.queueName, process, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: settings?.concurrency,
    limiter: settings?.limiter ?? NO_LIMIT,
    lockDuration: settings?.lockDuration,
    stalledInterval: settings?.stalledInterval,
    maxStalledCount: settings?.maxStalledCount,
    settings: {
      // Jobs that failed together do not come back together.
      backoffStrategy: (attemptsMade: number) =>
        fullJitterDelay(retry.delayMs, retry.maxDelayMs, attemptsMade),
    },
  });

  const base = (job: QueueJob) => ({
    jobId: job.id ?? '',
    idempotencyId: job.data.order.idempotencyId,
    kind: job.data.kind,
  });
  worker.on('completed', (job, result) => emit({ type: 'completed', ...base(job), ...result }));
  worker.on('failed', (job, err: Tagged) => {
    if (!job) return;
    // Without our tag the error is BullMQ's own, e.g. a job that stalled more than `maxStalledCount` times.
    const error = err[FAILURE] ?? { name: 'Error', reason: 'stalled' as const };
    const final = error.reason !== 'transient' || job.attemptsMade >= (job.opts.attempts ?? 1);
    emit({ type: final ? 'failed' : 'retrying', ...base(job), error });
  });
  // Connection trouble: the name and Redis's own message (one capped line), never job data.
  worker.on('error', (err) => logger.warn(`worker: ${err.name} ${serverText(err.message, (t) => t) ?? ''}`));
  return worker;
}

async function send(service: AltinnNotificationsService, data: QueueJobData): Promise<QueueJobResult> {
  const result =
    data.kind === 'order'
      ? await service.sendOrder(data.order, data.options)
      : data.kind === 'sms'
        ? await service.sendInstantSms(data.order, data.options)
        : await service.sendInstantEmail(data.order, data.options);
  return {
    created: result.created,
    notificationOrderId: result.notificationOrderId,
    shipmentId: result.notification.shipmentId,
  };
}
