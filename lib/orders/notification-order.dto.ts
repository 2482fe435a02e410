import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { OrderIdsDto } from '../dto/instant-order-base.dto.js';
import { HasNoControlCharacters, IsNestedObject } from '../dto/validators/altinn.decorators.js';
import type { OrderSendTime } from './order.interfaces.js';
import { NotificationRecipientDto } from './order-recipient.dto.js';
import {
  HasExactlyOneRecipient,
  IsConditionEndpoint,
  IsNotPast,
  IsReminderDelay,
  IsZonedDateTime,
} from './order.validators.js';

/** `DialogportenIdentifiersExt`: Altinn checks nothing but the types. */
export class DialogportenAssociationDto {
  @IsOptional()
  @IsString()
  dialogId?: string;

  @IsOptional()
  @IsString()
  transmissionId?: string;
}

/** `NotificationReminderExt` (`NotificationReminderValidator`). */
export class NotificationReminderDto {
  /** Days after the main send time; give this or `requestedSendTime`. */
  @IsReminderDelay()
  delayDays?: number;

  /** May precede the main send time: Altinn does not compare them. */
  @IsOptional()
  @IsZonedDateTime()
  @IsNotPast()
  requestedSendTime?: OrderSendTime;

  @IsOptional()
  @IsConditionEndpoint()
  conditionEndpoint?: string;

  @IsOptional()
  @IsString()
  @HasNoControlCharacters()
  sendersReference?: string;

  @IsNestedObject()
  @HasExactlyOneRecipient()
  @ValidateNested()
  @Type(() => NotificationRecipientDto)
  recipient!: NotificationRecipientDto;
}

/** Body of `POST /future/orders` (`NotificationOrderChainRequestExt`, `NotificationOrderChainRequestValidator`). */
export class NotificationOrderDto extends OrderIdsDto {
  @IsOptional()
  @IsZonedDateTime()
  @IsNotPast()
  requestedSendTime?: OrderSendTime;

  @IsOptional()
  @IsConditionEndpoint()
  conditionEndpoint?: string;

  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => DialogportenAssociationDto)
  dialogportenAssociation?: DialogportenAssociationDto;

  @IsNestedObject()
  @HasExactlyOneRecipient()
  @ValidateNested()
  @Type(() => NotificationRecipientDto)
  recipient!: NotificationRecipientDto;

  @IsOptional()
  @IsArray({ message: '$property must be an array' })
  @IsObject({ each: true, message: 'each value in $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => NotificationReminderDto)
  reminders?: NotificationReminderDto[];
}
