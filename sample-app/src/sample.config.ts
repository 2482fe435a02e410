import type { ConfigService } from '@nestjs/config';
import type { AltinnNotificationsModuleOptions, AltinnOtpModuleOptions, OtpStore } from '../../lib/index.js';

/**
 * Where the sample sends: the embedded simulator (no credentials), or the real Altinn. Always explicit: an unset
 * `ALTINN_ENV` is an error, never a quiet fall-back to the simulator. `ALTINN_ENVIRONMENT` (the name in the
 * repository's `.env.example` before) works too.
 */
export function altinnTarget(env: { get(key: string): string | undefined }): AltinnTarget {
  const raw = env.get('ALTINN_ENV') || env.get('ALTINN_ENVIRONMENT');
  if (!raw) {
    throw new Error('ALTINN_ENV is not set: simulator (npm start sets it), tt02 or production');
  }
  const value = raw.trim().toLowerCase();
  if (value === 'simulator' || value === 'tt02' || value === 'production') return value;
  throw new Error(
    `ALTINN_ENV must be simulator, tt02 or production (got ${JSON.stringify(value.slice(0, 40))})`,
  );
}

export type AltinnTarget = 'simulator' | 'tt02' | 'production';

/**
 * Options of `AltinnNotificationsModule`. Against the simulator, main.ts puts its URLs into the config
 * (`ALTINN_BASE_URL`, `MASKINPORTEN_TOKEN_URL`, `MASKINPORTEN_AUDIENCE`, `ALTINN_PLATFORM_URL`); against TT02 or
 * production only the Maskinporten client is needed and the library knows the URLs.
 */
export function altinnOptions(config: ConfigService): AltinnNotificationsModuleOptions {
  const target = altinnTarget({ get: (k) => config.get<string>(k) });
  const maskinporten = {
    clientId: config.getOrThrow<string>('MASKINPORTEN_CLIENT_ID'),
    privateKey: config.getOrThrow<string>('MASKINPORTEN_PRIVATE_KEY'),
    keyId: config.get<string>('MASKINPORTEN_KEY_ID') || undefined,
    certificateChain: config.get<string>('MASKINPORTEN_CERTIFICATE_CHAIN') || undefined,
  };
  const shared = {
    // The sample logs delivery receipts as they arrive (FeedLogger); poll often so a demo shows them quickly.
    statusFeed: { pollIntervalMs: Number(config.get<string>('FEED_POLL_MS') ?? 5000) },
    defaults: {
      smsSender: config.get<string>('SMS_SENDER') || undefined,
      emailSenderAddress: config.get<string>('EMAIL_SENDER_ADDRESS') || undefined,
    },
  };
  if (target !== 'simulator') return { environment: target, maskinporten, ...shared };
  return {
    baseUrl: config.getOrThrow<string>('ALTINN_BASE_URL'),
    maskinporten: {
      ...maskinporten,
      tokenUrl: config.getOrThrow<string>('MASKINPORTEN_TOKEN_URL'),
      audience: config.getOrThrow<string>('MASKINPORTEN_AUDIENCE'),
      platformUrl: config.getOrThrow<string>('ALTINN_PLATFORM_URL'),
    },
    ...shared,
  };
}

/** Options of `AltinnOtpModule`; the store is Redis when `REDIS_URL` is set (see redis.provider.ts). */
export function otpOptions(
  config: ConfigService,
  store: OtpStore | undefined,
  now?: () => number,
): AltinnOtpModuleOptions {
  const number = (key: string) => {
    const raw = config.get<string | number>(key);
    return raw === undefined || raw === '' ? undefined : Number(raw);
  };
  return {
    secret: config.getOrThrow<string>('OTP_SECRET'),
    store,
    codeLength: number('OTP_CODE_LENGTH'),
    ttlSeconds: number('OTP_TTL_SECONDS'),
    resendCooldownSeconds: number('OTP_RESEND_COOLDOWN_SECONDS'),
    maxSendsPerWindow: number('OTP_MAX_SENDS_PER_WINDOW'),
    language: config.get<'nb' | 'en'>('OTP_LANGUAGE') || undefined,
    sender: config.get<string>('SMS_SENDER') || undefined,
    ...(now && { now }),
  };
}
