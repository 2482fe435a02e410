import { AltinnNotificationsError } from './altinn-notifications.error.js';

/**
 * A bad option at start-up: the app does not start. Names the module and the option, says what is wrong, and
 * never quotes the value (it may be a key or a secret).
 */
export class AltinnConfigurationError extends AltinnNotificationsError {
  override name = 'AltinnConfigurationError';

  constructor(
    /** The option's path, e.g. `retry.retries` or `maskinporten.privateKey`. */
    readonly option: string,
    /** What is wrong with it, e.g. `must be an integer 0–10`. */
    readonly problem: string,
    /** Whose option it is. */
    readonly source = 'AltinnNotificationsModule',
  ) {
    super(`${source}: option "${option}" ${problem}`);
  }
}
