import { IsObject, ValidateBy, type ValidationOptions } from 'class-validator';
import { isAltinnEmail } from './altinn-email.js';
import { parseAltinnPhoneNumber } from './altinn-phone-number.js';
import { isNonBlankString } from './blank.js';

/** Altinn's phone rule: `+` or `00`, valid by libphonenumber. Messages never echo the value. */
export function IsAltinnPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAltinnPhoneNumber',
      validator: {
        validate: (value) => parseAltinnPhoneNumber(value) !== undefined,
        defaultMessage: () =>
          'must be a valid phone number in international format, starting with + or 00 and the country code',
      },
    },
    options,
  );
}

/** Altinn's email address rule. */
export function IsAltinnEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAltinnEmail',
      validator: {
        validate: (value) => isAltinnEmail(value),
        defaultMessage: () => 'must be an email address Altinn accepts',
      },
    },
    options,
  );
}

/** Non-empty and not only whitespace, as ASP.NET `[Required]` demands. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value) => isNonBlankString(value),
        defaultMessage: () => 'must be a non-blank string',
      },
    },
    options,
  );
}

/** A nested object, required. `@ValidateNested` alone lets an array or a primitive through. */
export function IsNestedObject(): PropertyDecorator {
  return IsObject({ message: ({ value }) => (value == null ? 'is required' : 'must be an object') });
}
