import { HttpModule } from '@nestjs/axios';
import { Module, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS, ALTINN_TOKEN_PROVIDER } from './altinn-notifications.constants.js';
import {
  checkName,
  getAltinnNotificationsToken,
  getAltinnTokenProviderToken,
} from './altinn-notifications.decorators.js';
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
 * instance per registration (never the process-wide default), the resolved options, and name-derived tokens.
 */
@Module({})
export class AltinnNotificationsModule extends ConfigurableModuleClass {
  static override forRoot(options: typeof OPTIONS_TYPE): DynamicModule {
    return withInternals(super.forRoot(options), options.name);
  }

  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    return withInternals(super.forRootAsync(options), options.name);
  }
}

function withInternals(definition: DynamicModule, name: string | undefined): DynamicModule {
  const alias = named(name);
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
      ...alias.providers,
    ],
    exports: [...(definition.exports ?? []), ...alias.exports],
  };
}

/**
 * A named registration exports its service and token provider only under name-derived tokens, so two
 * registrations in one app never compete for the class token; the unnamed one exports the class as before.
 */
function named(name: string | undefined): { providers: Provider[]; exports: InjectionToken[] } {
  if (name === undefined)
    return { providers: [], exports: [AltinnNotificationsService, ALTINN_TOKEN_PROVIDER] };
  const tokens = [getAltinnNotificationsToken(checkName(name)), getAltinnTokenProviderToken(name)];
  return {
    providers: [
      { provide: tokens[0], useExisting: AltinnNotificationsService },
      { provide: tokens[1], useExisting: ALTINN_TOKEN_PROVIDER },
    ],
    exports: tokens,
  };
}
