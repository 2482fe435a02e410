import { randomUUID } from 'node:crypto';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AltinnValidationError, type AltinnFieldError } from '../errors/altinn-notifications.error.js';
import { smsSegmentLimitViolation } from '../sms/sms-segments.js';
import { InstantEmailOrderDto } from './instant-email-order.dto.js';
import { InstantSmsOrderDto } from './instant-sms-order.dto.js';
import type { InstantEmailOrder, InstantSmsOrder, WireEmailOrder, WireSmsOrder } from './order.interfaces.js';
import { isNonBlankString } from './validators/blank.js';
import { phonePolicyViolation, type PhoneNumberPolicy } from './validators/altinn-phone-number.js';
import { validatedPhoneNumber } from './validators/altinn.decorators.js';

/** @internal Defaults applied before validation. */
export interface OrderDefaults {
  smsSender?: string;
  emailSenderAddress?: string;
  emailContentType?: 'Plain' | 'Html';
}

/** Validates with Altinn's own rules plus the phone policy; returns the body to send. Throws `AltinnValidationError`. */
export function toWireSmsOrder(
  input: InstantSmsOrder,
  policy: PhoneNumberPolicy,
  defaults: OrderDefaults = {},
  maxSmsSegments = 16,
): WireSmsOrder {
  const dto = check(InstantSmsOrderDto, input);
  const { recipientSms: r } = dto;
  // Altinn accepts any length and the gateway silently cuts past 16 segments: refuse here instead.
  const tooLong = smsSegmentLimitViolation(r.smsSettings.body, maxSmsSegments);
  if (tooLong) throw new AltinnValidationError([{ path: 'recipientSms.smsSettings.body', message: tooLong }]);
  // Already valid by the DTO rule; the policy (mobile, country) is the module's.
  const phone = validatedPhoneNumber(r);
  const violation = phonePolicyViolation(phone, policy);
  if (violation) throw new AltinnValidationError([{ path: 'recipientSms.phoneNumber', message: violation }]);
  const sender = nonBlank(r.smsSettings.sender) ?? defaults.smsSender;
  const wire: WireSmsOrder = {
    // Generated once per call, so every retry of this call carries the same id.
    idempotencyId: dto.idempotencyId ?? randomUUID(),
    recipientSms: {
      // Altinn forwards the raw string to the gateway, which wants no spaces and no `00`.
      phoneNumber: phone.number,
      timeToLiveInSeconds: r.timeToLiveInSeconds,
      smsSettings: sender ? { sender, body: r.smsSettings.body } : { body: r.smsSettings.body },
    },
  };
  if (dto.sendersReference != null) wire.sendersReference = dto.sendersReference;
  return wire;
}

export function toWireEmailOrder(input: InstantEmailOrder, defaults: OrderDefaults = {}): WireEmailOrder {
  const dto = check(InstantEmailOrderDto, input);
  const { emailAddress, emailSettings: s } = dto.recipientEmail;
  const sender = nonBlank(s.senderEmailAddress)?.trim() ?? defaults.emailSenderAddress;
  return {
    idempotencyId: dto.idempotencyId ?? randomUUID(),
    ...(dto.sendersReference != null && { sendersReference: dto.sendersReference }),
    recipientEmail: {
      emailAddress: emailAddress.trim(),
      emailSettings: {
        subject: s.subject,
        body: s.body,
        // Altinn answers 400 to `""`; only an absent sender falls back to its default.
        ...(sender && { senderEmailAddress: sender }),
        contentType: s.contentType ?? defaults.emailContentType ?? 'Plain',
      },
    },
  };
}

/** @internal Plain input → validated DTO instance, or `AltinnValidationError` with every failing field. */
export function check<T extends object>(type: ClassConstructor<T>, input: unknown): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AltinnValidationError([{ path: '', message: 'order must be an object' }]);
  }
  const dto = toInstance(type, input);
  if (!dto) throw new AltinnValidationError([{ path: '', message: 'order must be an object' }]);
  const errors = validateSync(dto, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new AltinnValidationError(flatten(errors));
  return dto;
}

/**
 * Always transforms: a DTO instance built by hand may hold plain nested objects, which class-validator skips.
 * Undefined for what cannot become the DTO (a Set, Map, Date or boxed value), which class-validator would pass.
 */
function toInstance<T extends object>(type: ClassConstructor<T>, input: object): T | undefined {
  try {
    const dto = plainToInstance(type, input);
    return dto instanceof type ? dto : undefined;
  } catch {
    return undefined; // a Map with object keys, say
  }
}

function flatten(errors: ValidationError[], prefix = ''): AltinnFieldError[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      path,
      message: stripProperty(message, e.property),
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** class-validator prefixes built-in messages with the property name; the path already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function nonBlank(value: string | undefined): string | undefined {
  return isNonBlankString(value) ? value : undefined;
}
