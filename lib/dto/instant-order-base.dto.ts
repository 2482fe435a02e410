import { IsOptional, IsString } from 'class-validator';
import { HasNoControlCharacters, IsNotBlank } from './validators/altinn.decorators.js';

/** The fields every instant order has; Altinn's idempotency key space is shared by SMS and email. */
export abstract class InstantOrderBaseDto {
  /** One per logical message; generated (UUID) when omitted and reused for every retry of the call. */
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
