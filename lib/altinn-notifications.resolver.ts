import type { ModuleRef } from '@nestjs/core';
import { getAltinnNotificationsToken } from './altinn-notifications.decorators.js';
import { AltinnNotificationsService } from './altinn-notifications.service.js';
import { AltinnConfigurationError } from './errors/altinn-configuration.error.js';

/**
 * @internal The `AltinnNotificationsService` a feature module (OTP, queue) sends through, found once the app's
 * providers exist. Named (`notifications: 'name'`): that registration, wherever the app imports it. Unnamed: the one
 * visible to the feature module (a global registration, or one in `forRootAsync({ imports })`), else the app's only
 * registration, so importing both modules side by side needs no `isGlobal`.
 */
export function resolveNotifications(
  moduleRef: ModuleRef,
  name: string | undefined,
  visible: AltinnNotificationsService | undefined,
  owner = 'AltinnOtpModule',
): AltinnNotificationsService {
  if (name !== undefined) {
    const token = getAltinnNotificationsToken(name);
    const found = everywhere(moduleRef, token);
    if (found.length === 1) return found[0];
    return missing(owner, `names no AltinnNotificationsModule registration of the app (forRoot({ name }))`);
  }
  if (visible) return visible;
  const all = everywhere(moduleRef, AltinnNotificationsService);
  if (all.length === 1) return all[0];
  return missing(
    owner,
    all.length === 0
      ? 'is unset and the app has no AltinnNotificationsModule registration: import AltinnNotificationsModule.forRoot(...)'
      : `is unset and the app has ${all.length} AltinnNotificationsModule registrations, none visible to ${owner}: set it to the name of one, or register the unnamed one with isGlobal`,
  );
}

/** Every instance under `token` in any module of the app; Nest throws when there is none. */
function everywhere(moduleRef: ModuleRef, token: string | typeof AltinnNotificationsService) {
  try {
    return moduleRef.get<unknown, AltinnNotificationsService>(token, { strict: false, each: true });
  } catch {
    return [];
  }
}

function missing(owner: string, problem: string): never {
  throw new AltinnConfigurationError('notifications', problem, owner);
}
