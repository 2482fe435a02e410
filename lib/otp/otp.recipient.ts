import { isAltinnEmail } from '../dto/validators/altinn-email.js';
import { parseAltinnPhoneNumber } from '../dto/validators/altinn-phone-number.js';
import { AltinnValidationError } from '../errors/altinn-notifications.error.js';
import type { OtpChannel } from './otp.interfaces.js';

/**
 * @internal A recipient as sent (`address`), as keyed (`key`: one spelling per address) and as limited
 * (`limitKey`: one per mailbox, plus-tags cut).
 */
export interface OtpRecipient {
  address: string;
  key: string;
  limitKey: string;
}

/**
 * @internal Checked before the store is touched, so a malformed address neither counts against a limit nor
 * makes `+47 999 99 999` and `004799999999` two recipients with two budgets.
 */
export function normaliseRecipient(channel: OtpChannel, recipient: unknown): OtpRecipient | undefined {
  if (channel === 'sms') {
    const phone = parseAltinnPhoneNumber(recipient);
    return phone ? { address: phone.number, key: phone.number, limitKey: phone.number } : undefined;
  }
  if (!isAltinnEmail(recipient)) return undefined;
  const address = recipient.trim();
  const key = address.toLowerCase();
  return { address, key, limitKey: withoutPlusTag(key) };
}

/**
 * `kari+1@x.no` and `kari+2@x.no` reach one mailbox at most providers (RFC 5233 subaddressing), so they share one
 * budget of sends. Only for limits: verify still tells them apart, since a provider without subaddressing may
 * give them to two people.
 */
function withoutPlusTag(address: string): string {
  const at = address.lastIndexOf('@');
  const plus = address.indexOf('+');
  return plus > 0 && plus < at ? address.slice(0, plus) + address.slice(at) : address;
}

/** @internal Same, but throws the library's validation error (the message never echoes the value). */
export function requireRecipient(
  channel: unknown,
  recipient: unknown,
): OtpRecipient & { channel: OtpChannel } {
  if (channel !== 'sms' && channel !== 'email') {
    throw new AltinnValidationError([{ path: 'channel', message: "must be 'sms' or 'email'" }]);
  }
  const normalised = normaliseRecipient(channel, recipient);
  if (!normalised) {
    const message =
      channel === 'sms'
        ? 'must be a phone number in international format (+47… or 0047…)'
        : 'must be an email address Altinn accepts';
    throw new AltinnValidationError([{ path: 'recipient', message }]);
  }
  return { ...normalised, channel };
}
