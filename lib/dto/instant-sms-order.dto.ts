import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { InstantOrderBaseDto } from './instant-order-base.dto.js';
import {
  IsAltinnPhoneNumber,
  IsAltinnSmsSender,
  IsNestedObject,
  IsNotBlank,
} from './validators/altinn.decorators.js';

export class SmsSettingsDto {
  /** Shown as the sender; Altinn's default when omitted. The gateway allows 11 characters. */
  @IsOptional()
  @IsString()
  @IsAltinnSmsSender()
  sender?: string;

  @IsNotBlank()
  body!: string;
}

export class RecipientSmsDto {
  /** International format, `+47…` or `0047…`; sent to Altinn normalised to E.164. */
  @IsAltinnPhoneNumber()
  phoneNumber!: string;

  @IsInt({ message: '$property must be an integer' })
  @Min(60, { message: '$property must be at least 60 seconds' })
  @Max(172_800, { message: '$property must be at most 172800 seconds (48 hours)' })
  timeToLiveInSeconds!: number;

  @IsNestedObject()
  @ValidateNested()
  @Type(() => SmsSettingsDto)
  smsSettings!: SmsSettingsDto;
}

/** Body of `POST /future/orders/instant/sms`. */
export class InstantSmsOrderDto extends InstantOrderBaseDto {
  @IsNestedObject()
  @ValidateNested()
  @Type(() => RecipientSmsDto)
  recipientSms!: RecipientSmsDto;
}
