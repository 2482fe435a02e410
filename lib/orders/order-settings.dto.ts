import { IsIn, IsOptional } from 'class-validator';
import { EmailSettingsDto } from '../dto/instant-email-order.dto.js';
import { SmsSettingsDto } from '../dto/instant-sms-order.dto.js';
import type { OrderSendingTimePolicy } from './order.interfaces.js';

export const ORDER_SENDING_TIME_POLICIES = ['Anytime', 'Daytime'] as const;

/** `EmailSendingOptionsExt`: the instant email settings, plus a send-time policy that can only be `Anytime`. */
export class OrderEmailSettingsDto extends EmailSettingsDto {
  /** "Email only supports send time anytime" (`EmailSendingOptionsValidator`). */
  @IsOptional()
  @IsIn(['Anytime'], { message: '$property must be Anytime: email is not held back to daytime' })
  sendingTimePolicy?: 'Anytime';
}

/** `SmsSendingOptionsExt`: the instant SMS settings, plus when the SMS may go out. */
export class OrderSmsSettingsDto extends SmsSettingsDto {
  /** @default 'Daytime' on Altinn's side: 09:00–17:00 Europe/Oslo. */
  @IsOptional()
  @IsIn(ORDER_SENDING_TIME_POLICIES, { message: '$property must be Anytime or Daytime' })
  sendingTimePolicy?: OrderSendingTimePolicy;
}
