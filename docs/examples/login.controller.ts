import { Body, Controller, HttpCode, HttpException, Post } from '@nestjs/common';
import { AltinnOtpService } from 'nestjs-altinn-notifications';

@Controller('login')
export class LoginController {
  constructor(private readonly otp: AltinnOtpService) {}

  @Post('code')
  async sendCode(@Body() body: { phoneNumber: string }) {
    const sent = await this.otp.send({ channel: 'sms', recipient: body.phoneNumber });
    if (!sent.success) {
      // 'RESEND_COOLDOWN' | 'TOO_MANY_SENDS': nothing was sent
      throw new HttpException({ error: sent.error, retryAfterSeconds: sent.retryAfterSeconds }, 429);
    }
    return { challengeId: sent.challengeId, expiresAt: sent.expiresAt };
  }

  @Post('verify')
  @HttpCode(200)
  async verify(@Body() body: { challengeId: string; code: string }) {
    const result = await this.otp.verify({ challengeId: body.challengeId }, body.code);
    if (!result.success) {
      // 'NO_OTP_FOUND' | 'OTP_EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'INVALID_OTP' (with attemptsLeft)
      throw new HttpException({ error: result.error }, 401);
    }
    return { verified: true };
  }
}
