import type { InstantSmsOrder } from './order.interfaces.js';
import { parseAltinnPhoneNumber } from './validators/altinn-phone-number.js';
import { isNonBlankString } from './validators/blank.js';

/**
 * @internal The bounds of `InstantSmsOrderDto` this file mirrors. A test compares them with the decorators'
 * metadata, so a rule changed there cannot be forgotten here.
 */
export const SMS_FAST_PATH_RULES = {
  senderMaxLength: 11,
  timeToLiveMin: 60,
  timeToLiveMax: 172_800,
} as const;

/**
 * @internal The common case without class-transformer and class-validator, which cost several times more than
 * the rest of a send: a plain order that certainly passes every rule of `InstantSmsOrderDto` comes back as a
 * copy of the fields those rules checked. Anything else — a miss, a doubt, a class instance — is `undefined`
 * and takes the class-validator path, which alone decides what is wrong and says so.
 */
export function fastSmsOrder(input: unknown): InstantSmsOrder | undefined {
  if (!isPlainObject(input)) return undefined;
  const { idempotencyId, sendersReference, recipientSms } = input;
  if (!absent(idempotencyId) && !isNonBlankString(idempotencyId)) return undefined;
  if (!absent(sendersReference) && typeof sendersReference !== 'string') return undefined;
  if (!isPlainObject(recipientSms)) return undefined;

  const { phoneNumber, timeToLiveInSeconds, smsSettings } = recipientSms;
  if (parseAltinnPhoneNumber(phoneNumber) === undefined) return undefined;
  const ttl = timeToLiveInSeconds;
  if (!Number.isInteger(ttl) || (ttl as number) < SMS_FAST_PATH_RULES.timeToLiveMin) return undefined;
  if ((ttl as number) > SMS_FAST_PATH_RULES.timeToLiveMax) return undefined;
  if (!isPlainObject(smsSettings)) return undefined;

  const { sender, body } = smsSettings;
  // UTF-16 length: never below class-validator's count (which counts a surrogate pair once), so never laxer.
  if (!absent(sender) && (typeof sender !== 'string' || sender.length > SMS_FAST_PATH_RULES.senderMaxLength))
    return undefined;
  if (!isNonBlankString(body)) return undefined;

  // A copy: what was checked is what is sent, even if the caller's object changes (or has getters).
  const smsCopy: InstantSmsOrder['recipientSms']['smsSettings'] = { body: body as string };
  if (sender != null) smsCopy.sender = sender as string;
  const copy: InstantSmsOrder = {
    recipientSms: {
      phoneNumber: phoneNumber as string,
      timeToLiveInSeconds: ttl as number,
      smsSettings: smsCopy,
    },
  };
  if (idempotencyId != null) copy.idempotencyId = idempotencyId as string;
  if (sendersReference != null) copy.sendersReference = sendersReference as string;
  return copy;
}

/** `@IsOptional()`: null and undefined skip the other rules. */
function absent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Object literals only; instances, arrays, null-prototype objects and the rest go the class-validator way. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
