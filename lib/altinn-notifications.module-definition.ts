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
  // `name`: a registration of its own (another service owner or environment), injected by name; see the module.
  .setExtras({ isGlobal: false, name: undefined as string | undefined }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
