import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { AltinnOtpModuleOptions } from './otp.interfaces.js';

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ALTINN_OTP_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AltinnOtpModuleOptions>()
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createAltinnOtpOptions')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
