import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { InstantOrderBaseDto } from './instant-order-base.dto.js';
import { IsAltinnEmail, IsNestedObject, IsNotBlank } from './validators/altinn.decorators.js';
import { isNonBlankString } from './validators/blank.js';

import type { EmailContentType } from './order.interfaces.js';

export type { EmailContentType };
export const EMAIL_CONTENT_TYPES: readonly EmailContentType[] = ['Plain', 'Html'];

const isPresent = (value: unknown) => value != null && (typeof value !== 'string' || isNonBlankString(value));

export class EmailSettingsDto {
  @IsNotBlank()
  subject!: string;

  @IsNotBlank()
  body!: string;

  /** Must be registered with Digdir. Blank counts as omitted: Altinn rejects `""` but defaults a missing one. */
  @ValidateIf((o: EmailSettingsDto) => isPresent(o.senderEmailAddress))
  @IsAltinnEmail()
  senderEmailAddress?: string;

  /** @default 'Plain' */
  @IsOptional()
  @IsIn(EMAIL_CONTENT_TYPES, { message: '$property must be Plain or Html' })
  contentType?: EmailContentType;
}

export class RecipientEmailDto {
  @IsAltinnEmail()
  emailAddress!: string;

  @IsNestedObject()
  @ValidateNested()
  @Type(() => EmailSettingsDto)
  emailSettings!: EmailSettingsDto;
}

/** Body of `POST /future/orders/instant/email`. */
export class InstantEmailOrderDto extends InstantOrderBaseDto {
  @IsNestedObject()
  @ValidateNested()
  @Type(() => RecipientEmailDto)
  recipientEmail!: RecipientEmailDto;
}
