import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { InstantOrderBaseDto } from './instant-order-base.dto.js';
import { IsAltinnEmail, IsNestedObject, IsNotBlank } from './validators/altinn.decorators.js';
import { isNonBlankString } from './validators/blank.js';

export const EMAIL_CONTENT_TYPES = ['Plain', 'Html'] as const;
export type EmailContentType = (typeof EMAIL_CONTENT_TYPES)[number];

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
  @IsIn(EMAIL_CONTENT_TYPES, { message: 'must be Plain or Html' })
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
