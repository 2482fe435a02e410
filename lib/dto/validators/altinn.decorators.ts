import { IsObject, ValidateBy, type ValidationOptions } from 'class-validator';
import { isAltinnEmail } from './altinn-email.js';
import { parseAltinnPhoneNumber } from './altinn-phone-number.js';
import { isAltinnSmsSender, SMS_SENDER_RULE } from '../../sms/sms-sender.js';
import { isNonBlankString } from './blank.js';

/** One class-validator rule from a predicate; the message never echoes the value. */
function rule(name: string, validate: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate, defaultMessage: () => message } }, options);
}

/** Altinn's phone rule: `+` or `00`, valid by libphonenumber. */
export const IsAltinnPhoneNumber = rule(
  'isAltinnPhoneNumber',
  (value) => parseAltinnPhoneNumber(value) !== undefined,
  'must be a valid phone number in international format, starting with + or 00 and the country code',
);

/** The gateway's sender rule: at most 11 characters (a non-string is `@IsString`'s to report). */
export const IsAltinnSmsSender = rule(
  'isAltinnSmsSender',
  (value) => typeof value !== 'string' || isAltinnSmsSender(value),
  SMS_SENDER_RULE,
);

/** Altinn's email address rule. */
export const IsAltinnEmail = rule('isAltinnEmail', isAltinnEmail, 'must be an email address Altinn accepts');

/** Non-empty and not only whitespace, as ASP.NET `[Required]` demands. */
export const IsNotBlank = rule('isNotBlank', isNonBlankString, 'must be a non-blank string');

/** A nested object, required. `@ValidateNested` alone lets an array or a primitive through. */
export function IsNestedObject(): PropertyDecorator {
  return IsObject({ message: ({ value }) => (value == null ? 'is required' : 'must be an object') });
}
