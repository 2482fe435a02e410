// `nestjs-altinn-notifications/queue`: kept out of the main entry so the library loads without bullmq and ioredis.
export { AltinnNotificationsQueueModule } from './queue.module.js';
export { AltinnNotificationsQueue } from './notifications-queue.js';
export type {
  AltinnNotificationsQueueOptions,
  AltinnQueueCounts,
  AltinnQueuedOrder,
  AltinnQueuedSendOptions,
  AltinnQueueEvent,
  AltinnQueueFailure,
  AltinnQueueReceipt,
  AltinnQueueWorkerOptions,
} from './queue.interfaces.js';
