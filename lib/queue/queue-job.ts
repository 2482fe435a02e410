import type { AltinnQueuedOrder } from './queue.interfaces.js';

/** @internal What a job holds in Redis: the order with its idempotencyId fixed, and when it first failed. */
export type QueueJobData = AltinnQueuedOrder & {
  order: { idempotencyId: string };
  /** Set on the first transient failure: retries stop `retry.forMs` after it. */
  firstFailedAt?: number;
};

/** @internal What a completed job keeps as its return value: Altinn's ids, nothing of the order. */
export interface QueueJobResult {
  created: boolean;
  notificationOrderId: string;
  shipmentId: string;
}

/** @internal The name of the backoff strategy the worker registers. */
export const BACKOFF_TYPE = 'altinn';

/**
 * @internal Instant SMS and email share one idempotency key space at Altinn, scheduled orders have their own (as
 * in `AltinnNotificationsService`): the job id follows. BullMQ refuses ':' in a custom id, hence the encoding.
 */
export function jobIdOf(kind: AltinnQueuedOrder['kind'], idempotencyId: string): string {
  return `${kind === 'order' ? 'order' : 'instant'}-${encodeURIComponent(idempotencyId)}`;
}
