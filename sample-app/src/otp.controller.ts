import { Body, Controller, Headers, HttpCode, HttpException, Post, Res } from '@nestjs/common';
import { AltinnOtpService, type OtpTarget } from '../../lib/index.js';
import { SendOtpDto, VerifyOtpDto } from './otp.dto.js';

/** The one-time-code flow: send a code, verify it. */
@Controller('otp')
export class OtpController {
  constructor(private readonly otp: AltinnOtpService) {}

  /**
   * 201 with the challenge; 429 + Retry-After in the cooldown or over the cap. An `Idempotency-Key` header makes a
   * client's retry re-send the same code instead of a new one.
   */
  @Post('send')
  async send(
    @Body() body: SendOtpDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): unknown },
  ) {
    const result = await this.otp.send({ ...body, ...(idempotencyKey && { challengeId: idempotencyKey }) });
    if (!result.success) {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException({ statusCode: 429, ...result }, 429);
    }
    const { challengeId, channel, expiresAt, ttlSeconds } = result;
    return { challengeId, channel, expiresAt, ttlSeconds };
  }

  /** 200 on success; 401 for a wrong, expired or unknown code; 429 once the attempts are used up. */
  @Post('verify')
  @HttpCode(200)
  async verify(@Body() body: VerifyOtpDto) {
    const target: OtpTarget = body.challengeId
      ? { challengeId: body.challengeId }
      : { channel: body.channel!, recipient: body.recipient! };
    const result = await this.otp.verify(target, body.code);
    if (result.success) return result;
    throw new HttpException(
      { statusCode: result.error === 'TOO_MANY_ATTEMPTS' ? 429 : 401, ...result },
      result.error === 'TOO_MANY_ATTEMPTS' ? 429 : 401,
    );
  }
}
