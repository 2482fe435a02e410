import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AltinnExceptionFilter, AltinnNotificationsModule, AltinnOtpModule } from '../../lib/index.js';
import { FeedLogger } from './feed.logger.js';
import { NotificationsController } from './notifications.controller.js';
import { OtpController } from './otp.controller.js';
import { OtpStoreProvider } from './redis.provider.js';
import { ScheduledController } from './scheduled.controller.js';
import { altinnOptions, otpOptions } from './sample.config.js';

@Module({ providers: [OtpStoreProvider], exports: [OtpStoreProvider] })
class OtpStoreModule {}

export interface AppModuleOptions {
  /** Config values that win over `.env` and the environment (main.ts: the simulator's URLs; tests: everything). */
  config?: Record<string, string>;
  /** Read only `config`: no `.env`, no `process.env` (tests). */
  isolated?: boolean;
  /** The OTP service's clock (tests). */
  now?: () => number;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          load: [() => options.config ?? {}],
          ignoreEnvFile: options.isolated,
          skipProcessEnv: options.isolated,
        }),
        AltinnNotificationsModule.forRootAsync({
          isGlobal: true,
          inject: [ConfigService],
          useFactory: altinnOptions,
        }),
        AltinnOtpModule.forRootAsync({
          imports: [OtpStoreModule],
          inject: [ConfigService, OtpStoreProvider],
          useFactory: (config: ConfigService, stores: OtpStoreProvider) =>
            otpOptions(config, stores.store, options.now),
        }),
      ],
      controllers: [OtpController, NotificationsController, ScheduledController],
      providers: [
        FeedLogger,
        // Global, so the e2e tests get exactly what main.ts gets.
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
        { provide: APP_FILTER, useClass: AltinnExceptionFilter },
      ],
    };
  }
}
