import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { AltinnNotificationsModuleOptions } from './altinn-notifications.interfaces.js';

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ALTINN_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AltinnNotificationsModuleOptions>()
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createAltinnNotificationsOptions')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
