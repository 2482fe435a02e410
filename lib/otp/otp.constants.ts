/** Injection token of the module's `OtpStore` (the user's, or the in-memory default). */
export const ALTINN_OTP_STORE = Symbol('ALTINN_OTP_STORE');

/** @internal Options after validation and defaults. */
export const ALTINN_OTP_RESOLVED_OPTIONS = Symbol('ALTINN_OTP_RESOLVED_OPTIONS');

/** @internal */
export const OTP_DEFAULTS = {
  codeLength: 6,
  ttlSeconds: 300,
  maxAttempts: 3,
  resendCooldownSeconds: 60,
  maxSendsPerWindow: 5,
  windowSeconds: 3600,
  language: 'nb',
} as const;

/** @internal How long an expired challenge is kept, so verify can say `OTP_EXPIRED` rather than `NO_OTP_FOUND`. */
export const OTP_EXPIRED_GRACE_MS = 15 * 60_000;

/** @internal */
export const CHALLENGE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** @internal Longest input verify hashes; anything longer is a wrong code. */
export const MAX_CODE_INPUT = 64;
