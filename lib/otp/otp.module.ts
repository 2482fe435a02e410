import { Module, type DynamicModule } from '@nestjs/common';
import { ALTINN_OTP_RESOLVED_OPTIONS, ALTINN_OTP_STORE } from './otp.constants.js';
import {
  ALTINN_OTP_MODULE_OPTIONS,
  ASYNC_OPTIONS_TYPE,
  ConfigurableModuleClass,
  OPTIONS_TYPE,
} from './otp.module-definition.js';
import { AltinnOtpService } from './otp.service.js';
import { resolveOtpOptions, type ResolvedOtpOptions } from './resolve-otp-options.js';

/**
 * One-time codes over Altinn. Sends through the app's `AltinnNotificationsService`: register
 * `AltinnNotificationsModule` with `isGlobal: true`, or list it in `forRootAsync({ imports })`.
 */
@Module({})
export class AltinnOtpModule extends ConfigurableModuleClass {
  static override forRoot(options: typeof OPTIONS_TYPE): DynamicModule {
    return withInternals(super.forRoot(options));
  }

  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    return withInternals(super.forRootAsync(options));
  }
}

function withInternals(definition: DynamicModule): DynamicModule {
  return {
    ...definition,
    providers: [
      ...(definition.providers ?? []),
      {
        provide: ALTINN_OTP_RESOLVED_OPTIONS,
        useFactory: resolveOtpOptions,
        inject: [ALTINN_OTP_MODULE_OPTIONS],
      },
      // Like @nestjs/throttler's storage: the user's store, or the in-memory default chosen by the resolver.
      {
        provide: ALTINN_OTP_STORE,
        useFactory: (options: ResolvedOtpOptions) => options.store,
        inject: [ALTINN_OTP_RESOLVED_OPTIONS],
      },
      AltinnOtpService,
    ],
    exports: [...(definition.exports ?? []), AltinnOtpService, ALTINN_OTP_STORE],
  };
}
