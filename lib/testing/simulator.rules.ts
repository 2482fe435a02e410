import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/** Config defaults of the real server (`API/appsettings.json`). */
export const DEFAULT_SMS_SENDER = 'Altinn';
export const DEFAULT_EMAIL_SENDER = 'noreply@altinn.cloud';

/**
 * `MobileNumberHelper.IsValidMobileNumber`: `+` or `00` prefix (not `++`), `00` read as `+` for the check only,
 * libphonenumber `isValidNumber` with no default region. The number type is deliberately not checked.
 */
export function isValidPhoneNumber(value: string): boolean {
  if (!value.startsWith('+') && !value.startsWith('00')) return false;
  if (value.startsWith('++')) return false;
  const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
  try {
    return parsePhoneNumberWithError(international).isValid();
  } catch {
    return false;
  }
}

// The "Altinn 2 regex" from RecipientRules.IsValidEmail, kept literally: the `&quot;` and `&amp;` are
// HTML-escaping left in the server's source, so `"x"@…` fails while `&quot;x&quot;@…` passes.
const LOCAL_CHAR = "[a-zA-Z0-9æøåÆØÅ!#$%&amp;'*+\\-=?\\^_`{|}~]";
const LOCAL = `((&quot;[^&quot;]+&quot;)|((${LOCAL_CHAR})+(\\.(${LOCAL_CHAR})+)*))`;
const LABEL = '(([a-zA-Z0-9æøåÆØÅ]([a-zA-Z0-9\\-æøåÆØÅ]{0,61})[a-zA-Z0-9æøåÆØÅ]\\.)|[a-zA-Z0-9æøåÆØÅ]\\.)';
// .NET's \d matches any Unicode decimal digit.
const IPV4 = '((\\p{Nd}{1,3})\\.(\\p{Nd}{1,3})\\.(\\p{Nd}{1,3})\\.(\\p{Nd}{1,3}))';
const EMAIL = new RegExp(`^${LOCAL}@(((${LABEL}{1,9})([a-zA-Z]{2,14}))|${IPV4})$`, 'u');

/** `RecipientRules.IsValidEmail`: trimmed, then matched against the anchored regex. */
export function isValidEmail(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length > 0 && EMAIL.test(trimmed);
}
