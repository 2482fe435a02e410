import { IsObject, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { hasControlCharacters } from '../../logging/log-value.js';
import { isAltinnSmsSender, SMS_SENDER_RULE } from '../../sms/sms-sender.js';
import { isAltinnEmail } from './altinn-email.js';
import { parseAltinnPhoneNumber, type AltinnPhoneNumber } from './altinn-phone-number.js';
import { isNonBlankString } from './blank.js';

/**
 * One class-validator rule from a predicate; the message never echoes the value. Messages start with `$property`,
 * class-validator's convention: `ValidationPipe` then says `recipientSms.phoneNumber must be …`, and
 * `AltinnValidationError` keeps the path apart from the message.
 */
function rule(
  name: string,
  validate: (value: unknown, args?: ValidationArguments) => boolean,
  message: string,
) {
  return (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate, defaultMessage: () => message } }, options);
}

/** The number `@IsAltinnPhoneNumber` parsed, per object it checked: the policy and the wire body read it from here. */
const parsedPhoneNumbers = new WeakMap<object, AltinnPhoneNumber>();

/** Altinn's phone rule: `+` or `00`, valid by libphonenumber. */
export const IsAltinnPhoneNumber = rule(
  'isAltinnPhoneNumber',
  (value, args) => {
    const phone = parseAltinnPhoneNumber(value);
    if (phone && args) parsedPhoneNumbers.set(args.object, phone);
    return phone !== undefined;
  },
  '$property must be a valid phone number in international format, starting with + or 00 and the country code',
);

/**
 * @internal The phone number of a DTO that passed validation, as `@IsAltinnPhoneNumber` parsed it: parsing is the
 * costliest step of a send, so it is done once.
 */
export function validatedPhoneNumber(dto: { phoneNumber: string }): AltinnPhoneNumber {
  const phone = parsedPhoneNumbers.get(dto);
  if (!phone) throw new Error('The phone number was not validated with @IsAltinnPhoneNumber');
  return phone;
}

/** The gateway's sender rule: at most 11 characters (a non-string is `@IsString`'s to report). */
export const IsAltinnSmsSender = rule(
  'isAltinnSmsSender',
  (value) => typeof value !== 'string' || isAltinnSmsSender(value),
  `$property must be ${SMS_SENDER_RULE}`,
);

/**
 * No control characters or line separators in a caller's id (idempotencyId, sendersReference): they would break
 * or forge log lines. Altinn has no rule of its own for these fields, and no length limit: none is invented here.
 */
export const HasNoControlCharacters = rule(
  'hasNoControlCharacters',
  (value) => typeof value !== 'string' || !hasControlCharacters(value),
  '$property must not contain control characters or line breaks',
);

/** Altinn's email address rule. */
export const IsAltinnEmail = rule(
  'isAltinnEmail',
  isAltinnEmail,
  '$property must be an email address Altinn accepts',
);

/** Non-empty and not only whitespace, as ASP.NET `[Required]` demands. */
export const IsNotBlank = rule('isNotBlank', isNonBlankString, '$property must be a non-blank string');

/** A nested object, required. `@ValidateNested` alone lets an array or a primitive through. */
export function IsNestedObject(): PropertyDecorator {
  return IsObject({
    message: ({ value, property }) => `${property} ${value == null ? 'is required' : 'must be an object'}`,
  });
}
