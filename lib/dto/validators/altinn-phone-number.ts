import {
  parsePhoneNumberWithError,
  type CountryCode,
  type E164Number,
  type NumberType,
} from 'libphonenumber-js/max';

/** @internal A number that passed Altinn's rule, with what the policy needs to know of it. */
export interface AltinnPhoneNumber {
  /** E.164, as the gateway wants it. */
  number: E164Number;
  country?: CountryCode;
  /** libphonenumber's type (with the full metadata, every valid number has one). */
  type?: NumberType;
}

/**
 * Altinn's own rule (`src/Altinn.Notifications.Core/Helpers/MobileNumberHelper.cs`, Altinn/altinn-notifications): starts with `+` or `00` (not `++`), `00` read as `+`,
 * then libphonenumber `isValidNumber` with no default region. Returns the parsed number, or undefined.
 */
export function parseAltinnPhoneNumber(value: unknown): AltinnPhoneNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.startsWith('++')) return undefined;
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  if (!international.startsWith('+')) return undefined;
  try {
    const parsed = parsePhoneNumberWithError(international);
    if (!parsed.isValid()) return undefined;
    return { number: parsed.number, country: parsed.country, type: parsed.getType() };
  } catch {
    return undefined;
  }
}

/**
 * Policy beyond Altinn's rule (mobile only, expected countries), as the instant-notifications guide on
 * docs.altinn.studio advises for one-time codes.
 */
export interface PhoneNumberPolicy {
  /** Reject numbers libphonenumber does not type as mobile. @default true */
  mobileOnly?: boolean;
  /** ISO 3166 alpha-2 codes, e.g. `['NO']`. @default any country */
  allowedCountries?: readonly CountryCode[];
}

/** Why a valid number breaks the policy, or undefined when it passes. */
export function phonePolicyViolation(
  phone: AltinnPhoneNumber,
  policy: PhoneNumberPolicy,
): string | undefined {
  if (policy.mobileOnly !== false && phone.type !== 'MOBILE' && phone.type !== 'FIXED_LINE_OR_MOBILE') {
    return 'must be a mobile number';
  }
  const countries = policy.allowedCountries;
  if (countries && countries.length > 0 && (!phone.country || !countries.includes(phone.country))) {
    return `must be a number from ${countries.join(', ')}`;
  }
  return undefined;
}
