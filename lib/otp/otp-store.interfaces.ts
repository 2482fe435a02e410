import type { AltinnChannel } from '../altinn-notifications.interfaces.js';

export type OtpChannel = AltinnChannel;

/** The names of Altinn's OTP example: docs.altinn.studio/en/notifications/guides/instant-notifications/, "Complete Example", step 3. */
export type OtpVerifyError = 'NO_OTP_FOUND' | 'OTP_EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'INVALID_OTP';

/** One code request as a store keeps it: no code, no raw recipient. */
export interface OtpChallengeRecord {
  challengeId: string;
  /** Keyed hash of channel and normalised recipient. */
  recipientKey: string;
  /**
   * Keyed hash the send limits count against: one per mailbox, so `kari+1@…` and `kari+2@…` share a budget.
   * `recipientKey` when absent. Not part of the stored record.
   */
  limitKey?: string;
  channel: OtpChannel;
  /** Keyed hash of the code. */
  codeHash: string;
  /** Random per challenge; the code is derived from it with the secret, so a retried send re-sends the same code. */
  nonce: string;
  createdAt: number;
  /** Epoch ms; after it, verify answers `OTP_EXPIRED`. */
  expiresAt: number;
  maxAttempts: number;
}

/** Per-recipient send limits, in milliseconds. */
export interface OtpSendLimits {
  cooldownMs: number;
  maxSends: number;
  windowMs: number;
}

export type OtpBeginResult =
  | { status: 'created'; challenge: OtpChallengeRecord }
  | { status: 'existing'; challenge: OtpChallengeRecord }
  | { status: 'cooldown'; retryAfterMs: number }
  | { status: 'limit'; retryAfterMs: number };

export type OtpLookup = { challengeId: string } | { recipientKey: string };

export interface OtpCheckResult {
  result: 'SUCCESS' | OtpVerifyError;
  /** With `INVALID_OTP`. */
  attemptsLeft?: number;
  /** Known unless `NO_OTP_FOUND`. */
  challengeId?: string;
  recipientKey?: string;
  channel?: OtpChannel;
}

/**
 * Storage of OTP challenges and send counters. Each method must be atomic on its own: with several app instances
 * sharing a store, two instances must never both accept a code, together allow more guesses than `maxAttempts`,
 * or together exceed the send limits. Records may be dropped any time after `expiresAt` + a grace period.
 */
export interface OtpStore {
  /**
   * If a challenge with `challenge.challengeId` exists and `now <= expiresAt`: returns it as `existing` (a retry;
   * limits untouched). Otherwise applies the limits to `challenge.limitKey ?? challenge.recipientKey` (cooldown first, then the window
   * cap), and on success counts the send, stores the challenge with `attempts = 0`, makes it the recipient's
   * current challenge (removing the previous one) and returns `created`.
   */
  begin(challenge: OtpChallengeRecord, limits: OtpSendLimits, now: number): Promise<OtpBeginResult>;
  /**
   * The example's verify, atomically: missing (or, by recipient, not the current one) → `NO_OTP_FOUND`;
   * `now > expiresAt` → `OTP_EXPIRED`; attempts used up → `TOO_MANY_ATTEMPTS`; else count an attempt and compare
   * `codeHash` in constant time: equal → delete the challenge, `SUCCESS`; different → `INVALID_OTP`.
   */
  check(lookup: OtpLookup, codeHash: string, now: number): Promise<OtpCheckResult>;
  /** Removes a challenge whose message was certainly never sent. */
  discard(challengeId: string): Promise<void>;
}
