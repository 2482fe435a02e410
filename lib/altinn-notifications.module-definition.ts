import { ConfigurableModuleBuilder } from '@nestjs/common';
import type {
  AltinnNotificationsModuleExtras,
  AltinnNotificationsModuleOptions,
} from './options/options.interfaces.js';

const extras: AltinnNotificationsModuleExtras = { isGlobal: false, name: undefined };

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ALTINN_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AltinnNotificationsModuleOptions>({ moduleName: 'AltinnNotifications' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createAltinnNotificationsOptions')
  // `name`: a registration of its own (another service owner or environment), injected by name; see the module.
  .setExtras(extras, (definition, { isGlobal }) => ({ ...definition, global: isGlobal }))
  .build();
