import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AltinnNotificationsModule, AltinnOtpModule } from 'nestjs-altinn-notifications';
import { LoginController } from './login.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    AltinnNotificationsModule.forRootAsync({
      isGlobal: true, // the OTP module sends through this registration
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        environment: config.getOrThrow('ALTINN_ENV'),
        maskinporten: {
          clientId: config.getOrThrow('MASKINPORTEN_CLIENT_ID'),
          keyId: config.getOrThrow('MASKINPORTEN_KEY_ID'),
          privateKey: config.getOrThrow('MASKINPORTEN_PRIVATE_KEY'),
        },
      }),
    }),
    AltinnOtpModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow('OTP_SECRET'), // ≥ 32 bytes: openssl rand -base64 32
        sender: 'Kommunen', // SMS sender, at most 11 characters
      }),
    }),
  ],
  controllers: [LoginController],
})
export class OtpAppModule {}
