import type { LoggerService } from '@nestjs/common';
import type { OtpChannel, OtpStore, OtpVerifyError } from './otp-store.interfaces.js';

export type { OtpChannel, OtpVerifyError };
export type OtpLanguage = 'nb' | 'en';

/**
 * Message texts. Placeholders: `{code}`, `{lifetime}` ("5 minutes" / "5 minutter"), `{minutes}`.
 * `sms` and `emailBody` must contain `{code}`.
 */
export interface OtpTemplate {
  sms: string;
  emailSubject: string;
  emailBody: string;
}

/** Options of `AltinnOtpModule.forRoot()` / `forRootAsync()`. */
export interface AltinnOtpModuleOptions {
  /**
   * Key of every HMAC the service makes (code hash, code derivation, idempotencyId, recipient keys). At least
   * 32 bytes, random (e.g. `openssl rand -base64 32`), the same on every instance, never logged.
   */
  secret: string | Buffer;
  /** Where challenges and send counters live. @default an `InMemoryOtpStore` (one process only) */
  store?: OtpStore;
  /** Digits per code, 6–10. @default 6 */
  codeLength?: number;
  /**
   * Lifetime of a code, also sent as the SMS `timeToLiveInSeconds` (docs.altinn.studio/en/notifications/guides/instant-notifications/,
   * "Set Correct Time-to-Live for OTP"); 60–3600. @default 300
   */
  ttlSeconds?: number;
  /** Wrong guesses allowed per code, 1–10. @default 3 (Altinn's OTP example) */
  maxAttempts?: number;
  /** Minimum time between two new codes to one recipient; 0–3600. @default 60 */
  resendCooldownSeconds?: number;
  /** New codes allowed per recipient per window, 1–1000. @default 5 */
  maxSendsPerWindow?: number;
  /** Length of that window, 60–86400. @default 3600 */
  windowSeconds?: number;
  /** Language of the default texts when a send names none. @default 'nb' */
  language?: OtpLanguage;
  /** Replaces some or all of the default texts, per language. */
  templates?: Partial<Record<OtpLanguage, Partial<OtpTemplate>>>;
  /** SMS sender (≤ 11 characters). @default the notifications module's `defaults.smsSender`, else Altinn's */
  sender?: string;
  /** Email subject for every language; overrides the templates' `emailSubject`. */
  emailSubject?: string;
  /** One line per send and per verify; never the code, the message or a raw recipient. @default true */
  logging?: boolean | { logger?: LoggerService };
  /**
   * Name of the `AltinnNotificationsModule` registration to send through (its `forRoot({ name })`), found wherever
   * the app imports it. @default the unnamed registration: the one visible to this module (`isGlobal`, or in
   * `forRootAsync({ imports })`), else the app's only one, so the two modules can simply be imported side by side
   */
  notifications?: string;
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** Arguments of `AltinnOtpService.send()`. */
export interface OtpSendRequest {
  channel: OtpChannel;
  /** A phone number (`+47…` / `0047…`) for `sms`, an email address for `email`. */
  recipient: string;
  /**
   * Your id for this code request, e.g. an `Idempotency-Key` header (1–128 of `A–Z a–z 0–9 . _ : -`). A send
   * with the id of a live challenge is a retry: the same code under the same idempotencyId, never a second code,
   * and it does not count against the limits. @default a random UUID
   */
  challengeId?: string;
  language?: OtpLanguage;
  /** @default `otp-<challengeId>` */
  sendersReference?: string;
  /** Cancels the Altinn call. */
  signal?: AbortSignal;
}

/** Which code to check: the challenge `send` returned, or the latest code sent to a recipient. */
export type OtpTarget = { challengeId: string } | { channel: OtpChannel; recipient: string };

export type OtpSendResult =
  | {
      success: true;
      challengeId: string;
      channel: OtpChannel;
      expiresAt: Date;
      ttlSeconds: number;
      idempotencyId: string;
      notificationOrderId: string;
      shipmentId: string;
      /** false when this was a retry of a live challenge (same code, same idempotencyId). */
      newChallenge: boolean;
    }
  | {
      success: false;
      /** `RESEND_COOLDOWN`: asked again too soon. `TOO_MANY_SENDS`: the per-window cap is reached. */
      error: 'RESEND_COOLDOWN' | 'TOO_MANY_SENDS';
      retryAfterSeconds: number;
    };

export type OtpVerifyResult =
  | { success: true; challengeId: string; channel: OtpChannel }
  | {
      success: false;
      error: OtpVerifyError;
      /** With `INVALID_OTP`: guesses left for this code. */ attemptsLeft?: number;
    };
