import type { LoggerService } from '@nestjs/common';
import type { AltinnEnvironment } from '../altinn-notifications.constants.js';
import type { MaskinportenOptions } from './maskinporten.interfaces.js';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { MASKINPORTEN_SOURCE } from './maskinporten-option.error.js';
import { MaskinportenTokenProvider } from './maskinporten-token.provider.js';
import type { ConnectionAgents } from '../shared/connection-agents.js';

/** @internal What the module shorthand inherits from the module's own options. */
export interface MaskinportenModuleContext {
  environment?: AltinnEnvironment;
  /** The module's `maxResponseBytes`, when given: a cap on Altinn's answers is one on the token answers too. */
  maxResponseBytes?: number;
  /** The module's logger, or undefined when request logging is off. */
  logger?: LoggerService;
  /** The module's keep-alive pools: the exchange leaves a warm connection to the Altinn host for the first send. */
  agents?: ConnectionAgents;
}

/**
 * @internal Builds the provider for the module's `maskinporten` shorthand; `fail` reports a bad option under the
 * module's name (`maskinporten.privateKey`), with the problem only, never the value.
 */
export function createMaskinportenTokenProvider(
  options: MaskinportenOptions,
  context: MaskinportenModuleContext,
  fail: (option: string, problem: string) => never,
): MaskinportenTokenProvider {
  if (!options || typeof options !== 'object') fail('maskinporten', 'must be an object');
  const environment = options.environment ?? context.environment;
  if (options.environment && context.environment && options.environment !== context.environment) {
    // A TT02 Maskinporten token is refused by production Altinn, and the reverse.
    fail(
      'maskinporten.environment',
      `('${options.environment}') differs from environment ('${context.environment}')`,
    );
  }
  try {
    return new MaskinportenTokenProvider(
      {
        ...options,
        environment,
        maxResponseBytes: options.maxResponseBytes ?? context.maxResponseBytes,
        logger: options.logger ?? context.logger ?? false,
      },
      context.agents,
    );
  } catch (err) {
    if (err instanceof AltinnConfigurationError && err.source === MASKINPORTEN_SOURCE)
      fail(`maskinporten.${err.option}`, err.problem);
    throw err;
  }
}
