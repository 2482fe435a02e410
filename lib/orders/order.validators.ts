import { IsObject, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isAltinnEmail } from '../dto/validators/altinn-email.js';
import { isNonBlankString } from '../dto/validators/blank.js';
import type { OrderChannelSchema } from './order.interfaces.js';

// Server rules of `POST /future/orders` (src/Altinn.Notifications/Validators/*), one decorator each. Messages
// follow class-validator's `$property must …` and never echo the value.

/** Absent for class-validator's `@IsOptional()`, and for Altinn, which reads null as "not given". */
export const isAbsent = (value: unknown): value is null | undefined => value === null || value === undefined;

function rule(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  message: string | ((args: ValidationArguments) => string),
) {
  const defaultMessage = typeof message === 'string' ? () => message : message;
  return (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate, defaultMessage } }, options);
}

// ISO 8601 as System.Text.Json reads it, always with a zone: Altinn rejects a time without one (its Kind is
// Unspecified). Seconds and fraction optional; `T` and `Z` upper-case.
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** @internal The instant a send time names, or undefined when it is no zone-qualified date-time. */
export function parseSendTime(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const m = ZONED.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((part) => Number(part ?? 0));
  // No 31 February, hour 24 or offset beyond ±14:00 (.NET's limits), which Date.parse would roll over.
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || year < 1) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offH > 14 || offM > 59) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** "The requested send time value must have specified a time zone." */
export const IsZonedDateTime = rule(
  'isZonedDateTime',
  (value) => parseSendTime(value) !== undefined,
  '$property must be a Date or an ISO 8601 date-time with a time zone (Z or an offset such as +01:00)',
);

/** "RequestedSendTime must be greater than or equal to now." (Altinn's clock, when the request arrives.) */
export const IsNotPast = rule(
  'isNotPast',
  (value) => (parseSendTime(value)?.getTime() ?? Infinity) >= Date.now(),
  '$property must not be in the past',
);

/** `RecipientRules.BeValidResourceId`: `urn:altinn:resource:` and a name. */
export const IsResourceId = rule(
  'isResourceId',
  (value) => typeof value === 'string' && /^urn:altinn:resource:\S/.test(value),
  '$property must be urn:altinn:resource: followed by the resource id',
);

/** "ResourceAction cannot be specified without a ResourceId." / "… cannot be blank or whitespace." */
export const IsResourceAction = rule(
  'isResourceAction',
  (value, { object }) =>
    isNonBlankString(value) && isNonBlankString((object as { resourceId?: unknown }).resourceId),
  ({ value, object }) =>
    isNonBlankString((object as { resourceId?: unknown }).resourceId)
      ? typeof value === 'string'
        ? '$property must not be blank'
        : '$property must be a string'
      : '$property must not be given without resourceId',
);

// `Validators/Rules/ExternalIdentityUrn.cs`: the canonical username URN, its legacy alias, the self-identified
// legacy user, and an ID-porten email user whose address passes the email rule.
const USERNAME_URNS = [
  'urn:altinn:party:username:',
  'urn:altinn:username:',
  'urn:altinn:person:legacy-selfidentified:',
];
const EMAIL_URN = 'urn:altinn:person:idporten-email:';

export function isExternalIdentityUrn(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value.startsWith(EMAIL_URN)) {
    const email = value.slice(EMAIL_URN.length);
    return email === email.trim() && isAltinnEmail(email);
  }
  const prefix = USERNAME_URNS.find((p) => value.startsWith(p));
  return prefix !== undefined && isNonBlankString(value.slice(prefix.length));
}

/** "Invalid external identity URN format." */
export const IsExternalIdentityUrn = rule(
  'isExternalIdentityUrn',
  isExternalIdentityUrn,
  '$property must be urn:altinn:person:idporten-email:{email}, urn:altinn:party:username:{name}, ' +
    'urn:altinn:username:{name} or urn:altinn:person:legacy-selfidentified:{name}',
);

// RFC 3986 characters only: `Uri.IsWellFormedUriString` refuses spaces, backslashes and the like.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** "ConditionEndpoint must be a valid absolute URI or null." / "… must use http or https scheme." */
export const IsConditionEndpoint = rule(
  'isConditionEndpoint',
  (value) => {
    if (typeof value !== 'string' || !URI_CHARS.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  '$property must be an absolute http or https URL',
);

const RECIPIENT_KINDS = [
  'recipientEmail',
  'recipientSms',
  'recipientPerson',
  'recipientOrganization',
  'recipientExternalIdentity',
] as const;

/** "Must have exactly one recipient." */
export const HasExactlyOneRecipient = rule(
  'hasExactlyOneRecipient',
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    RECIPIENT_KINDS.filter((k) => !isAbsent((value as Record<string, unknown>)[k])).length === 1,
  `$property must have exactly one of ${RECIPIENT_KINDS.join(', ')}`,
);

/** @internal Whether a channel schema needs email settings, SMS settings (`RecipientBaseValidator`). */
export function needsSettings(schema: unknown, channel: 'email' | 'sms'): boolean {
  const dual = schema === 'EmailPreferred' || schema === 'SmsPreferred' || schema === 'EmailAndSms';
  return dual || schema === (channel === 'email' ? 'Email' : 'Sms');
}

/** "EmailSettings must be set when ChannelSchema is …": a nested object, required by the channel schema. */
export function IsRequiredByChannelSchema(): PropertyDecorator {
  return IsObject({
    message: ({ value, object }) =>
      isAbsent(value)
        ? `$property must be set when channelSchema is ${(object as { channelSchema: OrderChannelSchema }).channelSchema}`
        : '$property must be an object',
  });
}

/** @internal A century: far beyond it, Altinn's date arithmetic overflows into a 500. */
export const MAX_DELAY_DAYS = 36_500;

/**
 * "Either DelayDays or RequestedSendTime must be defined, but not both." and "DelayDays must be greater than or
 * equal to 1 day.", in one rule so that a reminder with neither gets one message, not three.
 */
export const IsReminderDelay = rule(
  'isReminderDelay',
  (value, { object }) =>
    isAbsent(value) !== isAbsent((object as { requestedSendTime?: unknown }).requestedSendTime) &&
    (isAbsent(value) ||
      (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_DELAY_DAYS)),
  ({ value, object }) =>
    isAbsent(value) === isAbsent((object as { requestedSendTime?: unknown }).requestedSendTime)
      ? '$property or requestedSendTime must be given, but not both'
      : `$property must be an integer from 1 to ${MAX_DELAY_DAYS}`,
);
