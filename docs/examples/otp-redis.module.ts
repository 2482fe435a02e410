import { Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, AltinnOtpModule, RedisOtpStore } from 'nestjs-altinn-notifications';

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      isGlobal: true,
      environment: 'production',
      maskinporten: {
        clientId: process.env.MASKINPORTEN_CLIENT_ID!,
        keyId: process.env.MASKINPORTEN_KEY_ID!,
        privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
      },
    }),
    AltinnOtpModule.forRoot({
      secret: process.env.OTP_SECRET!, // the same on every instance
      store: new RedisOtpStore(new Redis(process.env.REDIS_URL!), { keyPrefix: 'myapp:otp:' }),
    }),
  ],
})
export class SharedOtpModule {}
