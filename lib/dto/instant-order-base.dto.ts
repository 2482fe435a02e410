import { IsOptional, IsString } from 'class-validator';
import { HasNoControlCharacters, IsNotBlank } from './validators/altinn.decorators.js';

/** The ids every order has, instant or scheduled (`sendOrder`'s `NotificationOrderDto` too). */
export abstract class OrderIdsDto {
  /** One per logical message or order; generated (UUID) when omitted and reused for every retry of the call. */
  @IsOptional()
  @IsNotBlank()
  @HasNoControlCharacters()
  idempotencyId?: string;

  /** Yours; Altinn returns it (the original one on a replay). */
  @IsOptional()
  @IsString()
  @HasNoControlCharacters()
  sendersReference?: string;
}

/** The fields every instant order has; Altinn's idempotency key space is shared by SMS and email. */
export abstract class InstantOrderBaseDto extends OrderIdsDto {}
