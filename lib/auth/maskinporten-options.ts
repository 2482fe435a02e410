import { Logger, type LoggerService } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { ALTINN_NOTIFICATIONS_SCOPE } from '../altinn-notifications.constants.js';
import {
  DEFAULT_MAX_TOKEN_RESPONSE_BYTES,
  DEFAULT_REFRESH_MARGIN_SECONDS,
  DEFAULT_TOKEN_TIMEOUT_MS,
  EXCHANGE_PATH,
  GRANT_ALGORITHMS,
  MASKINPORTEN_ENVIRONMENTS,
  MIN_MAX_TOKEN_RESPONSE_BYTES,
  MIN_TOKEN_TIMEOUT_MS,
} from './maskinporten.constants.js';
import type { MaskinportenOptions } from './maskinporten.interfaces.js';
import { maskinportenOptionError } from './maskinporten-option.error.js';
import { loadCertificateChain, loadPrivateKey } from './maskinporten-private-key.js';
import { urlRuleViolation, withoutTrailingSlash } from '../shared/url.rule.js';

/** @internal Everything the provider needs, checked once. */
export interface ResolvedMaskinportenOptions {
  clientId: string;
  key: KeyObject;
  /** Exactly one of the two is set. */
  keyId?: string;
  x5c?: string[];
  scope: string;
  algorithm: (typeof GRANT_ALGORITHMS)[number];
  tokenUrl: string;
  audience: string;
  exchangeUrl: string;
  timeoutMs: number;
  maxResponseBytes: number;
  refreshMarginSeconds: number;
  logger?: LoggerService;
}

/** @internal Throws `AltinnConfigurationError` naming the option; never echoes a value. */
export function resolveMaskinportenOptions(options: MaskinportenOptions): ResolvedMaskinportenOptions {
  if (!options || typeof options !== 'object') throw maskinportenOptionError('options', 'must be an object');
  const clientId = options.clientId;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw maskinportenOptionError('clientId', 'is required: the client_id of the Maskinporten client');
  }
  const { key, jwkKid } = loadPrivateKey(options.privateKey);
  const signer = resolveSigner(options, key, jwkKid);
  const env = resolveEnvironment(options);
  const platformUrl = options.platformUrl ?? env?.platformUrl;
  const exchangeUrl =
    options.exchangeUrl ?? (platformUrl && `${checkUrl('platformUrl', platformUrl)}${EXCHANGE_PATH}`);
  const tokenUrl = options.tokenUrl ?? env?.tokenUrl;
  const audience = options.audience ?? env?.audience;
  if (!tokenUrl || !audience || !exchangeUrl) {
    throw maskinportenOptionError(
      'environment',
      "is required ('tt02' or 'production') unless tokenUrl, audience and platformUrl (or exchangeUrl) are all set",
    );
  }
  if (typeof audience !== 'string' || audience.trim() === '') {
    throw maskinportenOptionError(
      'audience',
      "must be Maskinporten's issuer, e.g. 'https://maskinporten.no/'",
    );
  }
  return {
    clientId,
    key,
    ...signer,
    scope: resolveScope(options.scope),
    algorithm: resolveAlgorithm(options.algorithm),
    tokenUrl: checkUrl('tokenUrl', tokenUrl),
    audience,
    exchangeUrl: checkUrl('exchangeUrl', exchangeUrl),
    timeoutMs: resolveNumber('timeoutMs', options.timeoutMs, DEFAULT_TOKEN_TIMEOUT_MS, MIN_TOKEN_TIMEOUT_MS),
    maxResponseBytes: resolveNumber(
      'maxResponseBytes',
      options.maxResponseBytes,
      DEFAULT_MAX_TOKEN_RESPONSE_BYTES,
      MIN_MAX_TOKEN_RESPONSE_BYTES,
    ),
    refreshMarginSeconds: resolveNumber(
      'refreshMarginSeconds',
      options.refreshMarginSeconds,
      DEFAULT_REFRESH_MARGIN_SECONDS,
      0,
    ),
    logger: options.logger === false ? undefined : (options.logger ?? new Logger('AltinnMaskinporten')),
  };
}

function resolveSigner(options: MaskinportenOptions, key: KeyObject, jwkKid: string | undefined) {
  if (options.keyId !== undefined && options.certificateChain !== undefined) {
    throw maskinportenOptionError('keyId', 'and "certificateChain" are mutually exclusive: give one');
  }
  if (options.certificateChain !== undefined)
    return { x5c: loadCertificateChain(options.certificateChain, key) };
  const keyId = options.keyId ?? jwkKid;
  if (typeof keyId !== 'string' || keyId.trim() === '') {
    throw maskinportenOptionError(
      'keyId',
      'is required (the kid registered on the client) unless certificateChain is given or the JWK has a kid',
    );
  }
  return { keyId };
}

function resolveEnvironment(options: MaskinportenOptions) {
  if (options.environment === undefined) return undefined;
  // Own keys only: 'toString' must not find Object.prototype's.
  const env = Object.hasOwn(MASKINPORTEN_ENVIRONMENTS, options.environment)
    ? MASKINPORTEN_ENVIRONMENTS[options.environment]
    : undefined;
  if (!env) throw maskinportenOptionError('environment', "must be 'tt02' or 'production'");
  return env;
}

function resolveScope(scope: MaskinportenOptions['scope']): string {
  if (scope === undefined) return ALTINN_NOTIFICATIONS_SCOPE;
  const list = Array.isArray(scope) ? scope : typeof scope === 'string' ? scope.trim().split(/\s+/) : [];
  if (list.length === 0 || list.some((s) => typeof s !== 'string' || !/^\S+$/.test(s))) {
    throw maskinportenOptionError(
      'scope',
      'must be a non-empty scope string or array of scopes without spaces',
    );
  }
  return list.join(' ');
}

function resolveAlgorithm(algorithm: MaskinportenOptions['algorithm']) {
  if (algorithm === undefined) return 'RS256';
  if (!GRANT_ALGORITHMS.includes(algorithm)) {
    throw maskinportenOptionError('algorithm', `must be one of ${GRANT_ALGORITHMS.join(', ')}`);
  }
  return algorithm;
}

function resolveNumber(option: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw maskinportenOptionError(option, `must be a number of at least ${min}`);
  }
  return value;
}

/** The library's one URL rule (lib/shared/url.rule.ts); returned without a trailing slash. */
function checkUrl(option: string, value: unknown): string {
  const problem = urlRuleViolation(value);
  if (problem) throw maskinportenOptionError(option, problem);
  return withoutTrailingSlash(String(value));
}
