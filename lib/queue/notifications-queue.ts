import type { OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Subject, type Observable } from 'rxjs';
import { resolveNotifications } from '../altinn-notifications.resolver.js';
import type { AltinnNotificationsService } from '../altinn-notifications.service.js';
import { AltinnValidationError } from '../errors/altinn-notifications.error.js';
import type { BullMq } from './bullmq.loader.js';
import type {
  AltinnQueueCounts,
  AltinnQueuedOrder,
  AltinnQueueEvent,
  AltinnQueueReceipt,
} from './queue.interfaces.js';
import { BACKOFF_TYPE, jobIdOf, type QueueJobData, type QueueJobResult } from './queue-job.js';
import { startWorker } from './queue.worker.js';
import type { ResolvedQueueOptions } from './resolve-queue-options.js';

/** Jobs per `addBulk` call: one Redis transaction each, small enough not to stall Redis for others. */
const BATCH = 500;

/**
 * Durable sending on BullMQ: `enqueue` stores orders in Redis with their idempotencyId fixed, and the worker of
 * every instance sends them through `AltinnNotificationsService`. Provided by `AltinnNotificationsQueueModule`.
 */
export class AltinnNotificationsQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly subject = new Subject<AltinnQueueEvent>();
  private notifications?: AltinnNotificationsService;
  private worker?: Worker<QueueJobData, QueueJobResult>;

  /** Outcomes of the jobs this instance's worker processed. */
  readonly events: Observable<AltinnQueueEvent> = this.subject.asObservable();

  /** @internal Built by the module's factory, which loads bullmq. */
  constructor(
    private readonly bull: BullMq,
    private readonly queue: Queue<QueueJobData, QueueJobResult>,
    private readonly options: ResolvedQueueOptions,
    private readonly moduleRef: ModuleRef,
    private readonly visible?: AltinnNotificationsService,
  ) {}

  /** Every provider of the app exists by now, so a registration imported beside this module can be found. */
  onModuleInit(): void {
    this.notifications = resolveNotifications(
      this.moduleRef,
      this.options.notifications,
      this.visible,
      'AltinnNotificationsQueueModule',
    );
  }

  /** The worker starts once the app is up, so a job never meets a half-built app. */
  onApplicationBootstrap(): void {
    if (!this.options.worker) return;
    this.worker = startWorker(this.bull, this.queue, this.options, this.service(), (event) =>
      this.subject.next(event),
    );
  }

  /** Lets sends in flight finish (their jobs complete), then closes BullMQ's connections, not the app's. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    this.subject.complete();
  }

  /**
   * Validates every order as its send method would (nothing is stored when one is invalid: `AltinnValidationError`
   * with paths like `[3].recipientSms.phoneNumber`), fixes its idempotencyId (a new UUID when absent) and stores
   * it. The job id is derived from the idempotencyId, so enqueueing the same order again stores nothing new.
   */
  async enqueue(order: AltinnQueuedOrder): Promise<AltinnQueueReceipt>;
  async enqueue(orders: readonly AltinnQueuedOrder[]): Promise<AltinnQueueReceipt[]>;
  async enqueue(
    input: AltinnQueuedOrder | readonly AltinnQueuedOrder[],
  ): Promise<AltinnQueueReceipt | AltinnQueueReceipt[]> {
    const many = Array.isArray(input);
    const orders = many ? input : [input as AltinnQueuedOrder];
    const jobs = orders.map((order, i) => this.toJob(order, many ? `[${i}].` : ''));
    const { retry, removeOnComplete, removeOnFail } = this.options;
    const opts = {
      // Transient failures stop after `retry.forMs` (the processor's clock), not after a number of attempts.
      attempts: Math.max(1, Math.ceil(retry.forMs / retry.delayMs) + 10),
      backoff: { type: BACKOFF_TYPE },
      removeOnComplete,
      removeOnFail,
      // No stack traces in Redis: the failed reason is the typed error's name, status and code.
      stackTraceLimit: 0,
    };
    for (let i = 0; i < jobs.length; i += BATCH) {
      await this.queue.addBulk(
        jobs.slice(i, i + BATCH).map((data) => ({
          name: data.kind,
          data,
          opts: { ...opts, jobId: jobIdOf(data.kind, data.order.idempotencyId) },
        })),
      );
    }
    const receipts = jobs.map((data) => ({
      jobId: jobIdOf(data.kind, data.order.idempotencyId),
      idempotencyId: data.order.idempotencyId,
    }));
    return many ? receipts : receipts[0];
  }

  /** Stops the workers of every instance from taking new jobs (sends in flight finish); orders can still be enqueued. */
  async pause(): Promise<void> {
    await this.queue.pause();
  }

  /** Lets the workers of every instance take jobs again. */
  async resume(): Promise<void> {
    await this.queue.resume();
  }

  /** Jobs per state, across every instance. */
  async getCounts(): Promise<AltinnQueueCounts> {
    const c = await this.queue.getJobCounts(
      'waiting',
      'prioritized',
      'active',
      'delayed',
      'completed',
      'failed',
    );
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  private toJob(item: AltinnQueuedOrder, at: string): QueueJobData {
    const service = this.service();
    if (!item || typeof item !== 'object' || !item.order || typeof item.order !== 'object') {
      throw new AltinnValidationError([{ path: `${at}order`, message: 'must be an object' }]);
    }
    const order = { ...item.order, idempotencyId: item.order.idempotencyId ?? randomUUID() };
    try {
      if (item.kind === 'sms') service.checkInstantSms(order as typeof item.order);
      else if (item.kind === 'email') service.checkInstantEmail(order as typeof item.order);
      else if (item.kind === 'order') service.checkOrder(order as typeof item.order, item.options);
      else throw new AltinnValidationError([{ path: 'kind', message: "must be 'sms', 'email' or 'order'" }]);
    } catch (err) {
      if (!(err instanceof AltinnValidationError) || !at) throw err;
      throw new AltinnValidationError(err.errors.map((e) => ({ path: at + e.path, message: e.message })));
    }
    return { ...item, order } as QueueJobData;
  }

  private service(): AltinnNotificationsService {
    if (!this.notifications) throw new Error('AltinnNotificationsQueue: used before the app was initialised');
    return this.notifications;
  }
}
