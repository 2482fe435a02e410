import { HttpModule } from '@nestjs/axios';
import { Module, type DynamicModule } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS, ALTINN_TOKEN_PROVIDER } from './altinn-notifications.constants.js';
import {
  ALTINN_MODULE_OPTIONS,
  ASYNC_OPTIONS_TYPE,
  ConfigurableModuleClass,
  OPTIONS_TYPE,
} from './altinn-notifications.module-definition.js';
import { AltinnNotificationsService } from './altinn-notifications.service.js';
import { AuditRecorder } from './audit/audit.recorder.js';
import { AltinnHttpClient } from './http/altinn-http.client.js';
import { resolveOptions, type ResolvedOptions } from './options/resolve-options.js';

/**
 * `forRoot` / `forRootAsync` come from the builder; the overrides only add what it lacks: a private axios
 * instance per registration (never the process-wide default) and the resolved options.
 */
@Module({})
export class AltinnNotificationsModule extends ConfigurableModuleClass {
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
    imports: [...(definition.imports ?? []), HttpModule.registerAsync({ useFactory: () => ({}) })],
    providers: [
      ...(definition.providers ?? []),
      { provide: ALTINN_RESOLVED_OPTIONS, useFactory: resolveOptions, inject: [ALTINN_MODULE_OPTIONS] },
      {
        provide: ALTINN_TOKEN_PROVIDER,
        useFactory: (options: ResolvedOptions) => options.tokenProvider,
        inject: [ALTINN_RESOLVED_OPTIONS],
      },
      AltinnHttpClient,
      AuditRecorder,
      AltinnNotificationsService,
    ],
    exports: [...(definition.exports ?? []), AltinnNotificationsService, ALTINN_TOKEN_PROVIDER],
  };
}
