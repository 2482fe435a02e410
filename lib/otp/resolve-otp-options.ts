import { Logger, type LoggerService } from '@nestjs/common';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { checkName } from '../altinn-notifications.decorators.js';
import { OTP_DEFAULTS } from './otp.constants.js';
import type { AltinnOtpModuleOptions, OtpLanguage, OtpTemplate } from './otp.interfaces.js';
import type { OtpStore } from './otp-store.interfaces.js';
import { ALTINN_OTP_DEFAULT_TEMPLATES } from './otp.templates.js';
import { InMemoryOtpStore } from './in-memory-otp.store.js';
import { isAltinnSmsSender, SMS_SENDER_RULE } from '../sms/sms-sender.js';

/** @internal Options after checks and defaults. */
export interface ResolvedOtpOptions {
  secret: Buffer;
  store: OtpStore;
  codeLength: number;
  ttlSeconds: number;
  maxAttempts: number;
  cooldownMs: number;
  maxSends: number;
  windowMs: number;
  language: OtpLanguage;
  templates: Record<OtpLanguage, OtpTemplate>;
  sender?: string;
  notifications?: string;
  logger?: LoggerService;
  now: () => number;
}

const LANGUAGES: readonly OtpLanguage[] = ['nb', 'en'];

/** @internal Fails at start-up with a message that names the option (never its value). */
export function resolveOtpOptions(options: AltinnOtpModuleOptions | undefined): ResolvedOtpOptions {
  if (!options || typeof options !== 'object') fail('options', 'must be an object');
  const o = options;
  const language = o.language ?? OTP_DEFAULTS.language;
  if (!LANGUAGES.includes(language)) fail('language', "must be 'nb' or 'en'");
  if (o.sender !== undefined && !isAltinnSmsSender(o.sender)) {
    fail('sender', `must be a string of ${SMS_SENDER_RULE}`);
  }
  if (o.store !== undefined && !isStore(o.store))
    fail('store', 'must implement OtpStore (begin, check, discard)');
  if (o.emailSubject !== undefined && (typeof o.emailSubject !== 'string' || o.emailSubject.trim() === '')) {
    fail('emailSubject', 'must be a non-blank string');
  }
  if (o.now !== undefined && typeof o.now !== 'function') fail('now', 'must be a function');
  if (o.notifications !== undefined) {
    // The registration's own rule for names, reported as this module's option.
    try {
      checkName(o.notifications);
    } catch (err) {
      fail('notifications', (err as AltinnConfigurationError).problem);
    }
  }
  const logging = o.logging ?? true;
  return {
    secret: resolveSecret(o.secret),
    store: o.store ?? new InMemoryOtpStore(),
    codeLength: int(o, 'codeLength', 6, 10),
    ttlSeconds: int(o, 'ttlSeconds', 60, 3600),
    maxAttempts: int(o, 'maxAttempts', 1, 10),
    cooldownMs: int(o, 'resendCooldownSeconds', 0, 3600) * 1000,
    maxSends: int(o, 'maxSendsPerWindow', 1, 1000),
    windowMs: int(o, 'windowSeconds', 60, 86_400) * 1000,
    language,
    templates: resolveTemplates(o),
    sender: o.sender,
    notifications: o.notifications,
    logger:
      logging === false
        ? undefined
        : (typeof logging === 'object' && logging.logger) || new Logger('AltinnOtp'),
    now: o.now ?? Date.now,
  };
}

function resolveSecret(secret: unknown): Buffer {
  const bytes =
    typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.isBuffer(secret) ? secret : undefined;
  if (!bytes || bytes.length < 32) {
    fail('secret', 'is required: a string or Buffer of at least 32 bytes (e.g. `openssl rand -base64 32`)');
  }
  return Buffer.from(bytes);
}

type IntOption =
  | 'codeLength'
  | 'ttlSeconds'
  | 'maxAttempts'
  | 'resendCooldownSeconds'
  | 'maxSendsPerWindow'
  | 'windowSeconds';

function int(options: AltinnOtpModuleOptions, name: IntOption, min: number, max: number): number {
  const value = options[name] ?? OTP_DEFAULTS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(name, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function resolveTemplates(options: AltinnOtpModuleOptions): Record<OtpLanguage, OtpTemplate> {
  const out = {} as Record<OtpLanguage, OtpTemplate>;
  for (const language of LANGUAGES) {
    const t: OtpTemplate = { ...ALTINN_OTP_DEFAULT_TEMPLATES[language], ...options.templates?.[language] };
    if (options.emailSubject !== undefined) t.emailSubject = options.emailSubject;
    for (const key of ['sms', 'emailSubject', 'emailBody'] as const) {
      if (typeof t[key] !== 'string' || t[key].trim() === '')
        fail(`templates.${language}.${key}`, 'must be a non-blank string');
    }
    for (const key of ['sms', 'emailBody'] as const) {
      if (!t[key].includes('{code}')) fail(`templates.${language}.${key}`, 'must contain {code}');
    }
    out[language] = t;
  }
  return out;
}

function isStore(store: unknown): store is OtpStore {
  const s = store as Partial<OtpStore> | null;
  return (
    !!s && typeof s.begin === 'function' && typeof s.check === 'function' && typeof s.discard === 'function'
  );
}

function fail(option: string, problem: string): never {
  throw new AltinnConfigurationError(option, problem, 'AltinnOtpModule');
}
