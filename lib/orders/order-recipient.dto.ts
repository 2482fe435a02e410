import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { IsAltinnEmail, IsAltinnPhoneNumber, IsNestedObject } from '../dto/validators/altinn.decorators.js';
import type { OrderChannelSchema } from './order.interfaces.js';
import { OrderEmailSettingsDto, OrderSmsSettingsDto } from './order-settings.dto.js';
import {
  IsExternalIdentityUrn,
  IsRequiredByChannelSchema,
  IsResourceAction,
  IsResourceId,
  isAbsent,
  needsSettings,
} from './order.validators.js';

/** Altinn reads null as not given; one message ("must be set when …") instead of a second from ValidateNested. */
const nullAsAbsent = ({ value }: { value: unknown }) => value ?? undefined;

export const ORDER_CHANNEL_SCHEMAS = [
  'Email',
  'Sms',
  'EmailPreferred',
  'SmsPreferred',
  'EmailAndSms',
] as const;

/** `RecipientEmailExt`: one address, no lookup. */
export class OrderEmailRecipientDto {
  @IsAltinnEmail()
  emailAddress!: string;

  @IsNestedObject()
  @ValidateNested()
  @Type(() => OrderEmailSettingsDto)
  emailSettings!: OrderEmailSettingsDto;
}

/** `RecipientSmsExt`: one number, no lookup. */
export class OrderSmsRecipientDto {
  @IsAltinnPhoneNumber()
  phoneNumber!: string;

  @IsNestedObject()
  @ValidateNested()
  @Type(() => OrderSmsSettingsDto)
  smsSettings!: OrderSmsSettingsDto;
}

/** `RecipientBaseExt` (`RecipientBaseValidator`): what every looked-up recipient has. */
export abstract class OrderLookupRecipientDto {
  /** Required: Altinn applies no default although its Swagger shows one. */
  @IsIn(ORDER_CHANNEL_SCHEMAS, { message: `$property must be one of ${ORDER_CHANNEL_SCHEMAS.join(', ')}` })
  channelSchema!: OrderChannelSchema;

  @ValidateIf(
    (o: OrderLookupRecipientDto) => needsSettings(o.channelSchema, 'email') || !isAbsent(o.emailSettings),
  )
  @IsRequiredByChannelSchema()
  @ValidateNested()
  @Type(() => OrderEmailSettingsDto)
  @Transform(nullAsAbsent)
  emailSettings?: OrderEmailSettingsDto;

  @ValidateIf(
    (o: OrderLookupRecipientDto) => needsSettings(o.channelSchema, 'sms') || !isAbsent(o.smsSettings),
  )
  @IsRequiredByChannelSchema()
  @ValidateNested()
  @Type(() => OrderSmsSettingsDto)
  @Transform(nullAsAbsent)
  smsSettings?: OrderSmsSettingsDto;

  @IsOptional()
  @IsResourceId()
  resourceId?: string;

  @IsOptional()
  @IsResourceAction()
  resourceAction?: string;
}

/** `RecipientPersonExt`: Altinn looks the person up in KRR. */
export class OrderPersonRecipientDto extends OrderLookupRecipientDto {
  /** "National identity number must be 11 digits long." The control digits are a local option of `sendOrder`. */
  @Matches(/^\d{11}$/, { message: '$property must be 11 digits' })
  nationalIdentityNumber!: string;

  @IsOptional()
  @IsBoolean()
  ignoreReservation?: boolean;

  @IsOptional()
  @IsBoolean()
  useStaleContactInformation?: boolean;
}

/** `RecipientOrganizationExt`: Altinn uses the organisation's official notification addresses. */
export class OrderOrganizationRecipientDto extends OrderLookupRecipientDto {
  /** "Organization number must be 9 digits long." */
  @Matches(/^\d{9}$/, { message: '$property must be 9 digits' })
  orgNumber!: string;
}

/** `RecipientExternalIdentityExt`: a self-identified or ID-porten email user. */
export class OrderExternalIdentityRecipientDto extends OrderLookupRecipientDto {
  @IsExternalIdentityUrn()
  externalIdentity!: string;
}

const nested = (each = false) => IsObject({ each, message: '$property must be an object' });

/** `NotificationRecipientExt`: exactly one of the five (checked by the property that holds it). */
export class NotificationRecipientDto {
  @IsOptional()
  @nested()
  @ValidateNested()
  @Type(() => OrderEmailRecipientDto)
  recipientEmail?: OrderEmailRecipientDto;

  @IsOptional()
  @nested()
  @ValidateNested()
  @Type(() => OrderSmsRecipientDto)
  recipientSms?: OrderSmsRecipientDto;

  @IsOptional()
  @nested()
  @ValidateNested()
  @Type(() => OrderPersonRecipientDto)
  recipientPerson?: OrderPersonRecipientDto;

  @IsOptional()
  @nested()
  @ValidateNested()
  @Type(() => OrderOrganizationRecipientDto)
  recipientOrganization?: OrderOrganizationRecipientDto;

  @IsOptional()
  @nested()
  @ValidateNested()
  @Type(() => OrderExternalIdentityRecipientDto)
  recipientExternalIdentity?: OrderExternalIdentityRecipientDto;
}
