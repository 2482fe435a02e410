import { HttpModule } from '@nestjs/axios';
import { Module, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS, ALTINN_TOKEN_PROVIDER } from './altinn-notifications.constants.js';
import {
  checkName,
  getAltinnNotificationsToken,
  getAltinnStatusFeedToken,
  getAltinnTokenProviderToken,
} from './altinn-notifications.decorators.js';
import { ALTINN_MODULE_OPTIONS, ConfigurableModuleClass } from './altinn-notifications.module-definition.js';
import { AltinnNotificationsService } from './altinn-notifications.service.js';
import { AuditRecorder } from './audit/audit.recorder.js';
import { AltinnStatusFeed } from './feed/status-feed.js';
import { createTokenRefresher, TokenRefresher } from './auth/token-refresher.js';
import { AltinnHttpClient } from './http/altinn-http.client.js';
import type {
  AltinnNotificationsModuleAsyncOptions,
  AltinnNotificationsModuleExtras,
  AltinnNotificationsModuleOptions,
} from './options/options.interfaces.js';
import { resolveOptions, type ResolvedOptions } from './options/resolve-options.js';

/**
 * `forRoot` / `forRootAsync` come from the builder; the overrides only add what it lacks: a private axios
 * instance per registration (never the process-wide default), the resolved options, and name-derived tokens.
 */
@Module({})
export class AltinnNotificationsModule extends ConfigurableModuleClass {
  static override forRoot(
    options: AltinnNotificationsModuleOptions & AltinnNotificationsModuleExtras,
  ): DynamicModule {
    return withInternals(super.forRoot(options), options.name);
  }

  static override forRootAsync(options: AltinnNotificationsModuleAsyncOptions): DynamicModule {
    return withInternals(super.forRootAsync(options), options.name);
  }
}

function withInternals(definition: DynamicModule, name: string | undefined): DynamicModule {
  const tokens = registrationTokens(name);
  return {
    ...definition,
    imports: [...(definition.imports ?? []), HttpModule.registerAsync({ useFactory: () => ({}) })],
    providers: [
      ...(definition.providers ?? []),
      { provide: ALTINN_RESOLVED_OPTIONS, useFactory: resolveOptions, inject: [ALTINN_MODULE_OPTIONS] },
      ...tokens.providers,
      AltinnHttpClient,
      AuditRecorder,
      AltinnNotificationsService,
      AltinnStatusFeed,
      {
        provide: TokenRefresher,
        useFactory: createTokenRefresher,
        inject: [ALTINN_TOKEN_PROVIDER, ALTINN_MODULE_OPTIONS, ALTINN_RESOLVED_OPTIONS],
      },
    ],
    exports: [...(definition.exports ?? []), ...tokens.exports],
  };
}

/**
 * The token provider is a provider of its own, which the HTTP client injects: `overrideProvider` of
 * `ALTINN_TOKEN_PROVIDER` swaps it in every registration, of `getAltinnTokenProviderToken(name)` in that one.
 * A named registration exports its service and token provider only under name-derived tokens, so two
 * registrations in one app never compete for the class token; the unnamed one exports the class as before.
 */
function registrationTokens(name: string | undefined): { providers: Provider[]; exports: InjectionToken[] } {
  const fromOptions = {
    useFactory: (o: ResolvedOptions) => o.tokenProvider,
    inject: [ALTINN_RESOLVED_OPTIONS],
  };
  if (name === undefined) {
    return {
      providers: [{ provide: ALTINN_TOKEN_PROVIDER, ...fromOptions }],
      exports: [AltinnNotificationsService, ALTINN_TOKEN_PROVIDER, AltinnStatusFeed],
    };
  }
  const service = getAltinnNotificationsToken(checkName(name));
  const tokenProvider = getAltinnTokenProviderToken(name);
  const feed = getAltinnStatusFeedToken(name);
  return {
    providers: [
      { provide: tokenProvider, ...fromOptions },
      { provide: ALTINN_TOKEN_PROVIDER, useExisting: tokenProvider },
      { provide: service, useExisting: AltinnNotificationsService },
      { provide: feed, useExisting: AltinnStatusFeed },
    ],
    exports: [service, tokenProvider, feed],
  };
}
