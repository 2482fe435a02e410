import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';

/** @internal The bullmq module, typed. */
export type BullMq = typeof import('bullmq');

/** @internal bullmq is an optional peer: loaded when a queue is registered, never by the library's main entry. */
export async function loadBullMq(): Promise<BullMq> {
  try {
    return await import('bullmq');
  } catch {
    throw new AltinnConfigurationError(
      'connection',
      'needs the optional peer dependency bullmq (npm install bullmq ioredis)',
      'AltinnNotificationsQueueModule',
    );
  }
}
