/**
 * The gateway shows at most 11 characters of an alphanumeric sender and Altinn cuts longer ones
 * (https://docs.altinn.studio/notifications/explanation/custom-sender/); refusing them is kinder than a cut name.
 */
export const ALTINN_SMS_SENDER_MAX_LENGTH = 11;

/** The one sender rule, used by the DTO and every option that sets a sender. Counts characters, not UTF-16 units. */
export function isAltinnSmsSender(value: unknown): value is string {
  return typeof value === 'string' && Array.from(value).length <= ALTINN_SMS_SENDER_MAX_LENGTH;
}

/** @internal The rule in words, for messages: "… must be a string of at most 11 characters". */
export const SMS_SENDER_RULE = `at most ${ALTINN_SMS_SENDER_MAX_LENGTH} characters`;
