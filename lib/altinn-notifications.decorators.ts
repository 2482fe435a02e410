import { Inject } from '@nestjs/common';
import { ALTINN_TOKEN_PROVIDER } from './altinn-notifications.constants.js';
import { AltinnNotificationsService } from './altinn-notifications.service.js';
import { AltinnConfigurationError } from './errors/altinn-configuration.error.js';
import { AltinnStatusFeed } from './feed/status-feed.js';

/**
 * Injection token of the `AltinnNotificationsService` of a named registration (`forRoot({ name })`); without a
 * name, the class itself, which the unnamed registration provides.
 */
export function getAltinnNotificationsToken(name?: string): string | typeof AltinnNotificationsService {
  return name === undefined ? AltinnNotificationsService : `AltinnNotificationsService:${checkName(name)}`;
}

/** Injection token of the `AltinnTokenProvider` of a named registration; without a name, `ALTINN_TOKEN_PROVIDER`. */
export function getAltinnTokenProviderToken(name?: string): string | symbol {
  return name === undefined ? ALTINN_TOKEN_PROVIDER : `AltinnTokenProvider:${checkName(name)}`;
}

/** Injection token of the `AltinnStatusFeed` of a named registration; without a name, the class itself. */
export function getAltinnStatusFeedToken(name?: string): string | typeof AltinnStatusFeed {
  return name === undefined ? AltinnStatusFeed : `AltinnStatusFeed:${checkName(name)}`;
}

/** Injects the `AltinnStatusFeed` registered under `name`, or the unnamed one. */
export function InjectAltinnStatusFeed(name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getAltinnStatusFeedToken(name));
}

/** Injects the `AltinnNotificationsService` registered under `name`, or the unnamed one. */
export function InjectAltinnNotifications(name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getAltinnNotificationsToken(name));
}

/** Injects the `AltinnTokenProvider` registered under `name`, or the unnamed one. */
export function InjectAltinnTokenProvider(name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getAltinnTokenProviderToken(name));
}

/** @internal */
export function checkName(name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][\w.-]{0,63}$/.test(name)) {
    throw new AltinnConfigurationError(
      'name',
      `must be 1–64 letters, digits, '.', '_' or '-' (got ${typeof name})`,
    );
  }
  return name;
}
