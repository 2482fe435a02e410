import { AltinnNotificationsError } from '../errors/altinn-notifications.error.js';

/**
 * The OTP store failed or did not answer in time, so the send or verify fails closed. Carries no argument of
 * the failed call (challenge id, nonce, code hash, recipient key) and no underlying error object: a Redis
 * client's errors list every argument of the command.
 */
export class AltinnOtpStoreError extends AltinnNotificationsError {
  override name = 'AltinnOtpStoreError';
  readonly operation: 'begin' | 'check' | 'discard';
  readonly reason: 'timeout' | 'failed';
  /** Redis's error prefix, e.g. `READONLY`, `OOM`, `WRONGTYPE`, when the server answered with one. */
  readonly code?: string;

  constructor(
    operation: AltinnOtpStoreError['operation'],
    reason: AltinnOtpStoreError['reason'],
    detail: { code?: string; timeoutMs?: number } = {},
  ) {
    super(
      reason === 'timeout'
        ? `OTP store ${operation} did not answer in ${detail.timeoutMs} ms`
        : `OTP store ${operation} failed${detail.code ? ` (${detail.code})` : ''}`,
    );
    this.operation = operation;
    this.reason = reason;
    if (detail.code) this.code = detail.code;
  }
}
