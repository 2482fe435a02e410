import type { InstantEmailOrder, InstantSmsOrder } from '../dto/order.interfaces.js';
import type { OtpLanguage, OtpTemplate } from './otp.interfaces.js';
import { renderTemplate } from './otp.templates.js';

/** @internal What one OTP message needs; the same challenge always yields the same order. */
export interface OtpMessage {
  address: string;
  code: string;
  language: OtpLanguage;
  template: OtpTemplate;
  ttlSeconds: number;
  idempotencyId: string;
  sendersReference: string;
  sender?: string;
}

/**
 * @internal The SMS order, its TTL the code's lifetime (docs.altinn.studio/en/notifications/guides/instant-notifications/,
 * "Set Correct Time-to-Live for OTP").
 */
export function otpSmsOrder(m: OtpMessage): InstantSmsOrder {
  return {
    idempotencyId: m.idempotencyId,
    sendersReference: m.sendersReference,
    recipientSms: {
      phoneNumber: m.address,
      timeToLiveInSeconds: m.ttlSeconds,
      smsSettings: { ...(m.sender && { sender: m.sender }), body: renderTemplate(m.template.sms, m) },
    },
  };
}

/** @internal */
export function otpEmailOrder(m: OtpMessage): InstantEmailOrder {
  return {
    idempotencyId: m.idempotencyId,
    sendersReference: m.sendersReference,
    recipientEmail: {
      emailAddress: m.address,
      emailSettings: {
        subject: renderTemplate(m.template.emailSubject, m),
        body: renderTemplate(m.template.emailBody, m),
      },
    },
  };
}
