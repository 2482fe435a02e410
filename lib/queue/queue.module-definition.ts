import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { AltinnNotificationsQueueOptions } from './queue.interfaces.js';

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ALTINN_QUEUE_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AltinnNotificationsQueueOptions>()
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createAltinnQueueOptions')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
