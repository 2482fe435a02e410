import { Module, type DynamicModule } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AltinnNotificationsService } from '../altinn-notifications.service.js';
import { loadBullMq } from './bullmq.loader.js';
import { AltinnNotificationsQueue } from './notifications-queue.js';
import {
  ALTINN_QUEUE_MODULE_OPTIONS,
  ASYNC_OPTIONS_TYPE,
  ConfigurableModuleClass,
  OPTIONS_TYPE,
} from './queue.module-definition.js';
import type { AltinnNotificationsQueueOptions } from './queue.interfaces.js';
import type { QueueJobData, QueueJobResult } from './queue-job.js';
import { resolveQueueOptions } from './resolve-queue-options.js';

/**
 * Durable bulk sending on BullMQ (`bullmq` and `ioredis` are optional peers, loaded only here). Sends through the
 * app's `AltinnNotificationsService`: the unnamed registration, or the one named in `notifications`.
 */
@Module({})
export class AltinnNotificationsQueueModule extends ConfigurableModuleClass {
  static override forRoot(options: typeof OPTIONS_TYPE): DynamicModule {
    return withQueue(super.forRoot(options));
  }

  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    return withQueue(super.forRootAsync(options));
  }
}

async function createQueue(
  raw: AltinnNotificationsQueueOptions,
  moduleRef: ModuleRef,
  visible?: AltinnNotificationsService,
): Promise<AltinnNotificationsQueue> {
  const options = resolveQueueOptions(raw);
  const bull = await loadBullMq();
  const queue = new bull.Queue<QueueJobData, QueueJobResult>(options.queueName, {
    connection: options.connection,
    prefix: options.prefix,
  });
  return new AltinnNotificationsQueue(bull, queue, options, moduleRef, visible);
}

function withQueue(definition: DynamicModule): DynamicModule {
  return {
    ...definition,
    providers: [
      ...(definition.providers ?? []),
      {
        provide: AltinnNotificationsQueue,
        useFactory: createQueue,
        inject: [
          ALTINN_QUEUE_MODULE_OPTIONS,
          ModuleRef,
          { token: AltinnNotificationsService, optional: true },
        ],
      },
    ],
    exports: [...(definition.exports ?? []), AltinnNotificationsQueue],
  };
}
