import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';

/**
 * @internal A bad Maskinporten option. `option` is the name inside the options object (e.g. `privateKey`), so the
 * module can report it as `maskinporten.privateKey`. The message never holds the value.
 */
export function maskinportenOptionError(option: string, problem: string): AltinnConfigurationError {
  return new AltinnConfigurationError(option, problem, MASKINPORTEN_SOURCE);
}

/** @internal The `source` of those errors. */
export const MASKINPORTEN_SOURCE = 'MaskinportenTokenProvider';
