import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export class SendOtpDto {
  @IsIn(['sms', 'email'])
  channel!: 'sms' | 'email';

  /** `+4799999999` / `0047…` for sms, an address for email; the library checks it with Altinn's rules. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  recipient!: string;

  @IsOptional()
  @IsIn(['nb', 'en'])
  language?: 'nb' | 'en';
}

/** Either `challengeId` (from `/otp/send`) or `channel` + `recipient` (the latest code sent there). */
export class VerifyOtpDto {
  @ValidateIf((o: VerifyOtpDto) => o.recipient === undefined)
  @IsString()
  @IsNotEmpty()
  challengeId?: string;

  @ValidateIf((o: VerifyOtpDto) => o.challengeId === undefined)
  @IsIn(['sms', 'email'])
  channel?: 'sms' | 'email';

  @ValidateIf((o: VerifyOtpDto) => o.challengeId === undefined)
  @IsString()
  @IsNotEmpty()
  recipient?: string;

  @IsString()
  @Matches(/^[\d\s]{1,20}$/, { message: 'code must be digits' })
  code!: string;
}
