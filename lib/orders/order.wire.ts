import type { OrderDefaults } from '../dto/order.validation.js';
import { validatedPhoneNumber } from '../dto/validators/altinn.decorators.js';
import { isNonBlankString } from '../dto/validators/blank.js';
import type {
  NotificationOrder,
  NotificationRecipient,
  NotificationReminder,
  OrderEmailSettings,
  OrderLookupRecipient,
  OrderSendTime,
  OrderSmsSettings,
} from './order.interfaces.js';
import { isAbsent, parseSendTime } from './order.validators.js';

/** @internal What goes on the wire: a validated order, copied field by field, with defaults and normalisation. */
export type WireOrder = NotificationOrder & { idempotencyId: string; requestedSendTime?: string };

/** @internal The validated DTO as the JSON body: only known fields, nulls left out (Altinn refuses some). */
export function toWireBody(
  dto: NotificationOrder,
  idempotencyId: string,
  defaults: OrderDefaults,
): WireOrder {
  return {
    idempotencyId,
    ...optional('sendersReference', dto.sendersReference),
    ...optional('requestedSendTime', utc(dto.requestedSendTime)),
    ...optional('conditionEndpoint', dto.conditionEndpoint),
    ...(dto.dialogportenAssociation && {
      dialogportenAssociation: {
        ...optional('dialogId', dto.dialogportenAssociation.dialogId),
        ...optional('transmissionId', dto.dialogportenAssociation.transmissionId),
      },
    }),
    recipient: wireRecipient(dto.recipient, defaults),
    ...(dto.reminders && { reminders: dto.reminders.map((r) => wireReminder(r, defaults)) }),
  };
}

function wireReminder(r: NotificationReminder, defaults: OrderDefaults): NotificationReminder {
  return {
    ...optional('delayDays', r.delayDays),
    ...optional('requestedSendTime', utc(r.requestedSendTime)),
    ...optional('conditionEndpoint', r.conditionEndpoint),
    ...optional('sendersReference', r.sendersReference),
    recipient: wireRecipient(r.recipient, defaults),
  };
}

function wireRecipient(r: NotificationRecipient, d: OrderDefaults): NotificationRecipient {
  if (r.recipientEmail) {
    const { emailAddress, emailSettings } = r.recipientEmail;
    return { recipientEmail: { emailAddress: emailAddress.trim(), emailSettings: email(emailSettings, d) } };
  }
  if (r.recipientSms) {
    // Altinn forwards the raw string to the gateway, which wants no spaces and no `00`.
    const phoneNumber = validatedPhoneNumber(r.recipientSms).number;
    return { recipientSms: { phoneNumber, smsSettings: sms(r.recipientSms.smsSettings, d) } };
  }
  if (r.recipientPerson) {
    const p = r.recipientPerson;
    return {
      recipientPerson: {
        nationalIdentityNumber: p.nationalIdentityNumber,
        ...optional('ignoreReservation', p.ignoreReservation),
        ...optional('useStaleContactInformation', p.useStaleContactInformation),
        ...lookup(p, d),
      },
    };
  }
  if (r.recipientOrganization) {
    return {
      recipientOrganization: {
        orgNumber: r.recipientOrganization.orgNumber,
        ...lookup(r.recipientOrganization, d),
      },
    };
  }
  const x = r.recipientExternalIdentity!;
  return { recipientExternalIdentity: { externalIdentity: x.externalIdentity, ...lookup(x, d) } };
}

function lookup(r: OrderLookupRecipient, d: OrderDefaults): OrderLookupRecipient {
  return {
    channelSchema: r.channelSchema,
    ...(r.emailSettings && { emailSettings: email(r.emailSettings, d) }),
    ...(r.smsSettings && { smsSettings: sms(r.smsSettings, d) }),
    ...optional('resourceId', r.resourceId),
    ...optional('resourceAction', r.resourceAction),
  };
}

function email(s: OrderEmailSettings, d: OrderDefaults): OrderEmailSettings {
  const sender = nonBlank(s.senderEmailAddress)?.trim() ?? d.emailSenderAddress;
  return {
    subject: s.subject,
    body: s.body,
    // Altinn answers 400 to `""`; only an absent sender falls back to its default.
    ...(sender && { senderEmailAddress: sender }),
    contentType: s.contentType ?? d.emailContentType ?? 'Plain',
    ...optional('sendingTimePolicy', s.sendingTimePolicy),
  };
}

function sms(s: OrderSmsSettings, d: OrderDefaults): OrderSmsSettings {
  const sender = nonBlank(s.sender) ?? d.smsSender;
  return { body: s.body, ...(sender && { sender }), ...optional('sendingTimePolicy', s.sendingTimePolicy) };
}

/**
 * Always UTC `Z`: Altinn compares the parsed time with `DateTime.UtcNow` by ticks, which an offset time on a host
 * not running in UTC would get wrong.
 */
function utc(time: OrderSendTime | undefined): string | undefined {
  return isAbsent(time) ? undefined : parseSendTime(time)!.toISOString();
}

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (isAbsent(value) ? {} : { [key]: value }) as { [P in K]?: V };
}

function nonBlank(value: string | undefined): string | undefined {
  return isNonBlankString(value) ? value : undefined;
}
