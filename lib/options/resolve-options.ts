import { Logger, type LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  ALTINN_BASE_URLS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MIN_MAX_RESPONSE_BYTES,
  MIN_TIMEOUT_MS,
} from '../altinn-notifications.constants.js';
import type { AuditSettings } from '../audit/audit.recorder.js';
import { createMaskinportenTokenProvider } from '../auth/maskinporten-token.factory.js';
import type { AltinnTokenProvider } from '../auth/token-provider.interfaces.js';
import type { OrderDefaults } from '../dto/order.validation.js';
import type { PhoneNumberPolicy } from '../dto/validators/altinn-phone-number.js';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { resolveFeedOptions, type FeedSettings } from '../feed/resolve-feed-options.js';
import type { OrderChecks } from '../orders/order.validation.js';
import { createConnectionAgents, type ConnectionAgents } from '../shared/connection-agents.js';
import type { AltinnHttpSettings, RetryPolicy } from '../http/http.interfaces.js';
import { retryDelay } from '../http/retry.policy.js';
import { urlRuleViolation, withoutTrailingSlash } from '../shared/url.rule.js';
import { isAltinnSmsSender, SMS_SENDER_RULE } from '../sms/sms-sender.js';
import type { AltinnNotificationsModuleOptions } from './options.interfaces.js';
import { resolveOrderChecks } from './resolve-order-checks.js';
import { resolveRetry } from './resolve-retry.js';

/** @internal Options after checks and defaults; each part of the library reads its own slice. */
export interface ResolvedOptions extends AltinnHttpSettings, AuditSettings, FeedSettings {
  /** The provider of the options; the module provides it as `ALTINN_TOKEN_PROVIDER`, which is what sends use. */
  tokenProvider: AltinnTokenProvider;
  recipientHashKey: string;
  defaults: OrderDefaults;
  phonePolicy: PhoneNumberPolicy;
  maxSmsSegments: number;
  orderChecks: OrderChecks;
}

/** @internal Fails at start-up with a message that names the option. */
export function resolveOptions(options: AltinnNotificationsModuleOptions | undefined): ResolvedOptions {
  if (!options || typeof options !== 'object') fail('options', 'must be an object');
  const logging =
    typeof options.logging === 'object' ? options.logging : { requests: options.logging !== false };
  const enabled = options.logging !== false;
  const logger = logging.logger ?? new Logger('AltinnNotifications');
  const logRequests = enabled && logging.requests !== false;
  const timeoutMs = resolveTimeout(options.timeoutMs);
  const retry = resolveRetry(options.retry, fail);
  const agents = createConnectionAgents(resolveAgent(options.keepAlive));
  return {
    baseUrl: resolveBaseUrl(options),
    tokenProvider: resolveTokenProvider(options, { logger: logRequests ? logger : undefined, agents }),
    timeoutMs,
    retry,
    agents,
    deadlineMs: resolveDeadline(options.deadlineMs, timeoutMs, retry),
    maxResponseBytes: resolveMaxResponseBytes(options.maxResponseBytes),
    logger,
    logRequests,
    logAudit: enabled && (typeof options.logging !== 'object' || options.logging.audit !== false),
    recipientHashKey: logging.recipientHashKey ?? randomBytes(32).toString('hex'),
    onAudit: resolveFunction('onAudit', options.onAudit),
    defaults: resolveDefaults(options.defaults),
    phonePolicy: { mobileOnly: options.phoneNumbers?.mobileOnly ?? true, ...resolveCountries(options) },
    maxSmsSegments: resolveMaxSmsSegments(options.maxSmsSegments),
    orderChecks: resolveOrderChecks(options.orders, fail),
    statusFeed: resolveFeedOptions(options.statusFeed),
  };
}

function resolveBaseUrl(options: AltinnNotificationsModuleOptions): string {
  if (options.baseUrl === undefined) {
    if (options.environment === undefined)
      fail('environment', "is required ('tt02' or 'production') unless baseUrl is set");
    // Own keys only: `environment: 'toString'` must not find Object.prototype's.
    if (!Object.hasOwn(ALTINN_BASE_URLS, options.environment))
      fail('environment', "must be 'tt02' or 'production'");
    return ALTINN_BASE_URLS[options.environment];
  }
  const problem = urlRuleViolation(options.baseUrl);
  if (problem) fail('baseUrl', problem);
  return withoutTrailingSlash(options.baseUrl);
}

function resolveTokenProvider(
  options: AltinnNotificationsModuleOptions,
  context: { logger: LoggerService | undefined; agents: ConnectionAgents },
): AltinnTokenProvider {
  const provider = options.tokenProvider;
  if (options.maskinporten !== undefined) {
    if (provider !== undefined) fail('maskinporten', 'and "tokenProvider" are mutually exclusive: give one');
    return createMaskinportenTokenProvider(
      options.maskinporten,
      { environment: options.environment, maxResponseBytes: options.maxResponseBytes, ...context },
      fail,
    );
  }
  if (!provider || typeof provider.getToken !== 'function') {
    fail('tokenProvider', 'is required (or give "maskinporten"): an object with getToken(): Promise<string>');
  }
  return provider;
}

function resolveTimeout(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < MIN_TIMEOUT_MS) {
    fail('timeoutMs', `must be an integer of at least ${MIN_TIMEOUT_MS} ms`);
  }
  return timeoutMs;
}

function resolveAgent(keepAlive: AltinnNotificationsModuleOptions['keepAlive']) {
  if (keepAlive === false) return { keepAlive: false, maxSockets: Infinity };
  const maxSockets =
    typeof keepAlive === 'object' && keepAlive.maxSockets !== undefined ? keepAlive.maxSockets : Infinity;
  if (maxSockets !== Infinity && (!Number.isInteger(maxSockets) || maxSockets < 1)) {
    fail('keepAlive.maxSockets', 'must be a positive integer');
  }
  return { keepAlive: true, maxSockets };
}

/**
 * Without `deadlineMs`, the time the retry policy itself allows: every attempt's timeout plus the waits between
 * them. axios' timeout alone does not bound a call: once the headers are in, a body that trickles a byte at a
 * time keeps it open for ever.
 */
function resolveDeadline(deadlineMs: number | undefined, timeoutMs: number, retry: RetryPolicy): number {
  if (deadlineMs === undefined) return timeoutMs * (retry.retries + 1) + retryWaits(retry);
  if (!Number.isInteger(deadlineMs) || deadlineMs < MIN_TIMEOUT_MS) {
    fail('deadlineMs', `must be an integer of at least ${MIN_TIMEOUT_MS} ms`);
  }
  return deadlineMs;
}

/**
 * The longest the policy waits between attempts, before any `Retry-After` (which the deadline then bounds): its own
 * `retryDelay` at the top of the jitter.
 */
function retryWaits(retry: RetryPolicy): number {
  let total = 0;
  for (let n = 1; n <= retry.retries; n++) total += retryDelay(retry, undefined, n, () => 1);
  return total;
}

function resolveMaxResponseBytes(max: number | undefined): number {
  if (max === undefined) return DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isInteger(max) || max < MIN_MAX_RESPONSE_BYTES)
    fail('maxResponseBytes', `must be an integer of at least ${MIN_MAX_RESPONSE_BYTES}`);
  return max;
}

function resolveDefaults(defaults: AltinnNotificationsModuleOptions['defaults']): OrderDefaults {
  const out = { ...defaults };
  if (out.smsSender !== undefined && !isAltinnSmsSender(out.smsSender)) {
    fail('defaults.smsSender', `must be a string of ${SMS_SENDER_RULE}`);
  }
  if (out.emailContentType !== undefined && !['Plain', 'Html'].includes(out.emailContentType)) {
    fail('defaults.emailContentType', "must be 'Plain' or 'Html'");
  }
  return out;
}

function resolveCountries(
  options: AltinnNotificationsModuleOptions,
): Pick<PhoneNumberPolicy, 'allowedCountries'> {
  const countries = options.phoneNumbers?.allowedCountries;
  if (countries === undefined) return {};
  if (!Array.isArray(countries) || countries.some((c) => typeof c !== 'string' || !/^[A-Z]{2}$/.test(c))) {
    fail('phoneNumbers.allowedCountries', "must be ISO 3166 alpha-2 codes such as ['NO']");
  }
  return { allowedCountries: countries };
}

function resolveMaxSmsSegments(max: number | undefined): number {
  if (max === undefined) return 16;
  if (!Number.isInteger(max) || max < 1 || max > 16)
    fail('maxSmsSegments', 'must be an integer from 1 to 16');
  return max;
}

function resolveFunction<T>(name: string, fn: T | undefined): T | undefined {
  if (fn !== undefined && typeof fn !== 'function') fail(name, 'must be a function');
  return fn;
}

function fail(option: string, problem: string): never {
  throw new AltinnConfigurationError(option, problem);
}
