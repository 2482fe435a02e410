import type { ConnectionOptions, KeepJobs } from 'bullmq';
import type { AltinnSendOptions } from '../altinn-notifications.interfaces.js';
import type { InstantEmailOrder, InstantSmsOrder } from '../dto/order.interfaces.js';
import type { NotificationOrder, SendOrderOptions } from '../orders/order.interfaces.js';

/** Per-order options that can be stored with a job (a signal cannot: the send happens in another process). */
export type AltinnQueuedSendOptions = Omit<AltinnSendOptions, 'signal'>;

/** One order for the queue: which service method sends it, and its arguments. */
export type AltinnQueuedOrder =
  | { kind: 'sms'; order: InstantSmsOrder; options?: AltinnQueuedSendOptions }
  | { kind: 'email'; order: InstantEmailOrder; options?: AltinnQueuedSendOptions }
  | { kind: 'order'; order: NotificationOrder; options?: Omit<SendOrderOptions, 'signal'> };

/** What `enqueue` returns per order: the BullMQ job id and the idempotencyId it was derived from. */
export interface AltinnQueueReceipt {
  jobId: string;
  idempotencyId: string;
}

/** Jobs per state, across every instance. */
export interface AltinnQueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

/** A failure as the queue records it: the typed error's name, status and code, never the order or server text. */
export interface AltinnQueueFailure {
  name: string;
  status?: number;
  code?: string;
  /** `permanent` (Altinn refused the order), `exhausted` (transient failures outlasted `retry.forMs`), `transient`. */
  reason: 'permanent' | 'exhausted' | 'transient' | 'stalled';
}

interface AltinnQueueJobEvent {
  jobId: string;
  idempotencyId: string;
  kind: AltinnQueuedOrder['kind'];
}

/** An outcome of a job processed by this instance's worker. */
export type AltinnQueueEvent =
  | (AltinnQueueJobEvent & {
      type: 'completed';
      /** false: Altinn answered 200, it had the order already (a retry after a lost answer), nothing sent again. */
      created: boolean;
      notificationOrderId: string;
      shipmentId: string;
    })
  /** Will be tried again after a backoff. */
  | (AltinnQueueJobEvent & { type: 'retrying'; error: AltinnQueueFailure })
  /** In the failed set for good. */
  | (AltinnQueueJobEvent & { type: 'failed'; error: AltinnQueueFailure });

/** The worker of an instance; `false` in `worker` makes an instance that only enqueues. */
export interface AltinnQueueWorkerOptions {
  /** Sends in flight at once on this instance. @default 10 */
  concurrency?: number;
  /** At most `max` sends per `duration` ms across every instance (BullMQ's limiter lives in Redis). */
  limiter?: { max: number; duration: number };
  /** How long a job stays claimed by a silent worker before another takes it over. @default 30000 */
  lockDuration?: number;
  /** How often stalled jobs (their worker died) are looked for. @default 30000 */
  stalledInterval?: number;
  /** Stalls a job may have before it fails; a retry after a stall is safe (same idempotencyId). @default 3 */
  maxStalledCount?: number;
}

/** Options of `AltinnNotificationsQueueModule.forRoot`. */
export interface AltinnNotificationsQueueOptions {
  /**
   * The app's Redis: an ioredis client (shared; BullMQ opens its own duplicates for blocking reads) or connection
   * options. Workers need `maxRetriesPerRequest: null` on it.
   */
  connection: ConnectionOptions;
  /** @default 'altinn-notifications' */
  queueName?: string;
  /** BullMQ's key prefix in Redis. @default 'bull' */
  prefix?: string;
  /** The `AltinnNotificationsModule` registration to send through, by `name`; the unnamed one when absent. */
  notifications?: string;
  /** This instance's worker, or `false` for none. @default { concurrency: 10 } */
  worker?: AltinnQueueWorkerOptions | false;
  /** Transient failures (network, timeouts, 5xx, 429) are retried with capped exponential backoff for `forMs`. */
  retry?: { forMs?: number; delayMs?: number; maxDelayMs?: number };
  /** How long the whole queue pauses on a 429 or 503 that names no `Retry-After`. @default 1000 */
  rateLimitDelayMs?: number;
  /** Completed jobs (which hold the order) kept for de-duplication. @default { age: 3600, count: 1000 } */
  removeOnComplete?: KeepJobs | boolean;
  /** Failed jobs (which hold the order) kept for inspection and retry. @default { age: 604800 } */
  removeOnFail?: KeepJobs | boolean;
}
